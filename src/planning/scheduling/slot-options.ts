import { toMinutes } from '../time/calendar';
import { AttendanceRules, conflictsOf } from './attendance';
import { GroupInput, MemberConflict, MemberInput, PlanningInput, WeeklySlot, WeeklyWindow } from './model';
import { layOutSeries, SeriesDate } from './series';

/** One weekly time a group could meet, judged on every date of its series. */
export interface SlotOption {
  slot: WeeklySlot;
  pinned: boolean;
  /** The group's trainers free at that time of the week (by their availability). */
  trainerIds: string[];
  /** For each language the group needs, the interpreters available then. */
  interpreters: Map<string, string[]>;
  missingLanguages: string[];
  dates: SeriesDate[];
  attendable: number;
  memberSessions: number;
  /** Lesson conflicts a provider would have to solve (overlap and travel), over all dates. */
  providerConflicts: number;
  /** Each member's conflicts over the series; only members who have some. */
  conflicts: Map<string, MemberConflict[]>;
}

const covers = (windows: WeeklyWindow[], slot: WeeklySlot) =>
  windows.some(
    (window) =>
      window.weekday === slot.weekday &&
      toMinutes(window.from) <= slot.start &&
      slot.end <= toMinutes(window.to),
  );

/** Better first: interpreters for every language, most attendance, fewest provider conflicts, earliest end, earliest time. */
export function compareOptions(a: SlotOption, b: SlotOption): number {
  return (
    a.missingLanguages.length - b.missingLanguages.length ||
    b.attendable - a.attendable ||
    a.providerConflicts - b.providerConflicts ||
    (a.dates.at(-1)?.date ?? '').localeCompare(b.dates.at(-1)?.date ?? '') ||
    a.slot.weekday - b.slot.weekday ||
    a.slot.start - b.slot.start
  );
}

/** The weekly times the policy, the location and the group's trainers allow, each judged for its members. */
export function slotOptions(input: PlanningInput, group: GroupInput): SlotOption[] {
  const { policy, programme } = input;
  const location = input.locations.find((candidate) => candidate.id === group.locationId);
  if (!location) return [];
  const members = group.memberIds
    .map((id) => input.members.find((member) => member.id === id))
    .filter((member): member is MemberInput => member !== undefined);
  const sessionsPerSlot = Math.ceil(programme.sessionsPerGroup / programme.sessionsPerWeek);
  const seriesByWeekday = new Map<number, SeriesDate[]>();
  const seriesOf = (weekday: number) => {
    if (!seriesByWeekday.has(weekday)) {
      seriesByWeekday.set(
        weekday,
        layOutSeries([weekday], { ...programme, sessionsPerGroup: sessionsPerSlot }, input.isClosed),
      );
    }
    return seriesByWeekday.get(weekday)!;
  };
  const rules: AttendanceRules = {
    travelBufferMinutes: policy.travelBufferMinutes,
    travelMinutes: memoised(input.travelMinutes),
  };
  const trainers = input.trainers.filter((trainer) => group.trainerIds.includes(trainer.id));

  const options: SlotOption[] = [];
  for (const { weekday, start, pinned } of candidateTimes(input, group)) {
    const slot = { weekday, start, end: start + programme.durationMinutes };
    if (!covers(location.openingHours, slot)) continue;
    const trainerIds = trainers
      .filter((trainer) => covers(trainer.availability, slot))
      .map((trainer) => trainer.id);
    const interpreters = new Map(
      group.interpreterLanguages.map((language) => [
        language,
        input.interpreters
          .filter(
            (interpreter) =>
              interpreter.languages.includes(language) && covers(interpreter.availability, slot),
          )
          .map((interpreter) => interpreter.id),
      ]),
    );
    const dates = seriesOf(weekday);
    let attendable = 0;
    let providerConflicts = 0;
    const conflicts = new Map<string, MemberConflict[]>();
    for (const member of members) {
      for (const { date } of dates) {
        const found = conflictsOf(
          member,
          { date, weekday, start: slot.start, end: slot.end, position: location.position },
          rules,
        );
        if (found.length === 0) {
          attendable++;
          continue;
        }
        providerConflicts += found.filter((conflict) => conflict.kind !== 'appointment').length;
        conflicts.set(member.id, [...(conflicts.get(member.id) ?? []), ...found]);
      }
    }
    options.push({
      slot,
      pinned,
      trainerIds,
      interpreters,
      missingLanguages: [...interpreters].filter(([, ids]) => ids.length === 0).map(([language]) => language),
      dates,
      attendable,
      memberSessions: members.length * dates.length,
      providerConflicts,
      conflicts,
    });
  }
  return options.sort(compareOptions);
}

/** Every start on the policy's step within its day window, Monday to Sunday; or only the pinned times. */
function* candidateTimes(
  input: PlanningInput,
  group: GroupInput,
): Generator<{ weekday: number; start: number; pinned: boolean }> {
  if (group.pinned && group.pinned.length > 0) {
    for (const pinned of group.pinned)
      yield { weekday: pinned.weekday, start: toMinutes(pinned.start), pinned: true };
    return;
  }
  const { slotStepMinutes, earliestStart, latestEnd } = input.policy;
  const first = Math.ceil(toMinutes(earliestStart) / slotStepMinutes) * slotStepMinutes;
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (
      let start = first;
      start + input.programme.durationMinutes <= toMinutes(latestEnd);
      start += slotStepMinutes
    ) {
      yield { weekday, start, pinned: false };
    }
  }
}

function memoised(travel: AttendanceRules['travelMinutes']): AttendanceRules['travelMinutes'] {
  const known = new Map<string, number>();
  return (from, to) => {
    const key = `${from.lat},${from.lon}|${to.lat},${to.lon}`;
    let minutes = known.get(key);
    if (minutes === undefined) known.set(key, (minutes = travel(from, to)));
    return minutes;
  };
}
