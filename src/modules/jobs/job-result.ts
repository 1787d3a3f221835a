/**
 * What a job's result says about participants. Results are plain JSON; a participant is named by a
 * `participantId` field of an object (an entry of a list: who was not collected, whose child has no place, who
 * cannot come). Kept generic so that every kind of job is covered without code of its own.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every participant a result names, once each. */
export function participantsNamed(result: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (typeof value.participantId === 'string') found.add(value.participantId);
      Object.values(value).forEach(visit);
    }
  };
  visit(result);
  return [...found];
}

/**
 * The result without her: every entry of a list that names her goes (counts such as `riders` stay, they name
 * nobody), and any other field that holds her id is emptied.
 */
export function withoutParticipant<T>(result: T, participantId: string): T {
  const scrub = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.filter((item) => !(isObject(item) && item.participantId === participantId)).map(scrub);
    }
    if (isObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, scrub(field)]));
    }
    return value === participantId ? null : value;
  };
  return scrub(result as Json) as T;
}
