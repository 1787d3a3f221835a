import { addDays } from '../time/calendar';
import { GroupInput, MemberInput, ProgrammeRules } from './model';

/** Whether a member takes part on a date: from her ready date on, or always when she has none. */
export const readyOn = (member: { readyFrom?: string | null }, date: string): boolean =>
  !member.readyFrom || member.readyFrom <= date;

/** Of these members, those who take part on a date: a session before her ready date is not hers. */
export const readyMembers = (
  ids: string[],
  readyFromOf: ReadonlyMap<string, string | null | undefined>,
  date: string,
): string[] => ids.filter((id) => readyOn({ readyFrom: readyFromOf.get(id) }, date));

/** No group starts later than this many days after the earliest day it could: the same guard as a series. */
const HORIZON_DAYS = 520 * 7;

/**
 * The last day a group of the programme may still start: the end of its last phase when that phase runs until a
 * date (a group that starts after it would have no session), else ten years on.
 */
function reachOf(programme: Pick<ProgrammeRules, 'phases'>, earliest: string): string {
  const last = programme.phases?.at(-1)?.endDate;
  return last ?? addDays(earliest, HORIZON_DAYS);
}

export type RollingStartDay = { startDate: string } | { reason: string };

/**
 * The first day of a group with a rolling start: the day on which at least `minReady` of its members are ready,
 * and not before `earliest` (the programme's start, the group's own start date, the end of the group it follows).
 * Its first session is then the first of its weekly times from that day on. A group whose members are never
 * that many by the programme's reach is not planned, with the count in the reason.
 */
export function rollingStartDay(
  group: Pick<GroupInput, 'memberIds' | 'rollingStart'>,
  memberOf: (id: string) => Pick<MemberInput, 'readyFrom'> | undefined,
  earliest: string,
  programme: Pick<ProgrammeRules, 'phases'>,
): RollingStartDay {
  const minReady = group.rollingStart?.minReady ?? 0;
  const reach = reachOf(programme, earliest);
  const readyDays = group.memberIds
    .map((id) => memberOf(id))
    .filter((member): member is Pick<MemberInput, 'readyFrom'> => member !== undefined)
    .map((member) => (member.readyFrom && member.readyFrom > earliest ? member.readyFrom : earliest))
    .filter((day) => day <= reach)
    .sort();
  if (minReady <= 0) return { startDate: earliest };
  if (readyDays.length < minReady)
    return { reason: `not enough women ready: ${readyDays.length} of ${minReady} needed` };
  return { startDate: readyDays[minReady - 1] };
}
