/**
 * Deeper than any document of this API (a scenario goes six levels down): deeper input is refused before
 * the validators, which walk it recursively, run out of stack on it.
 */
export const MAX_INPUT_DEPTH = 32;

/** At most this many problems are listed: enough to fix the input, and the walk stops early on hostile ones. */
const MAX_PROBLEMS = 20;

const segment = (key: string | number) => (typeof key === 'number' ? `[${key}]` : `.${key}`);

/**
 * What no field of any endpoint may hold, whatever its validators say: a NUL character in a text or a name
 * (PostgreSQL refuses it in text), and nesting deeper than MAX_INPUT_DEPTH. One line per problem, each starting
 * with the path of the field (`participants[3].name: …`), under `field` when the input is one field, or named
 * `whole` (`body`) when the input itself is the problem. Walks the input once, without recursion.
 */
export function inputShapeProblems(input: unknown, field: string | undefined, whole: string): string[] {
  const problems: string[] = [];
  const pending = [{ value: input, path: field ?? '', depth: 0 }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = pending.pop()!;
    const name = path.replace(/^\./, '') || whole;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push(`${name}: must not contain a NUL character (\\u0000)`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth === MAX_INPUT_DEPTH) {
      problems.push(`${name}: is nested more than ${MAX_INPUT_DEPTH} levels deep`);
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    // Reversed onto the stack, so that problems are listed in the order of the input.
    for (const [key, item] of entries.reverse()) {
      if (typeof key === 'string' && key.includes('\u0000')) {
        problems.push(`${name}: a field name must not contain a NUL character (\\u0000)`);
        continue;
      }
      pending.push({ value: item, path: `${path}${segment(key)}`, depth: depth + 1 });
    }
  }
  return problems;
}
