import { Position } from '../travel/offline-travel';
import { memoised } from '../travel/memoised';
import { toMinutes } from '../time/calendar';
import { careNeedReason } from '../childcare/need';
import { readyOn } from './rolling-start';
import { appointmentClash, AttendanceRules, conflictsOf, lessonClash, lessonMeets } from './attendance';
import {
  ExtraRole,
  GroupInput,
  LessonInput,
  LocationInput,
  MemberConflict,
  MemberInput,
  PlanningInput,
  StaffInput,
  WeeklySlot,
  WeeklyWindow,
} from './model';
import { fewestInterpreters, fillRoles, rolesNeeded, rolesShort } from './roles';
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
  /** The fewest interpreters available then who together speak the languages: fewer people are better. */
  interpretersNeeded: number;
  /** For each extra role the programme needs, the people who can take it and are available then. */
  roleCandidates: Map<ExtraRole, string[]>;
  /** The needed roles that the people available then cannot fill, as often as they are short. */
  missingRoles: ExtraRole[];
  dates: SeriesDate[];
  attendable: number;
  memberSessions: number;
  /** Lesson conflicts a provider would have to solve (overlap and travel), over all dates. */
  providerConflicts: number;
  /** Each member's conflicts over the series; only members who have some. */
  conflicts: Map<string, MemberConflict[]>;
  /** In a week: the members who come and need a seat, and their children who need care then (estimated). */
  demand: { riders: number; careChildren: number };
}

/** A weekly window in minutes of the day. */
export interface Minutes {
  weekday: number;
  from: number;
  to: number;
}

/** A member's lessons by weekday and her appointments, with their times in minutes. */
interface TimedMember {
  member: MemberInput;
  lessonsOn: Map<number, (Minutes & { lesson: LessonInput })[]>;
  appointments: { date: string; from: number; to: number }[];
}

/**
 * What the slot options of every group share, worked out once per plan rather than once per group and time:
 * records by id, the series of each weekday (the same for all groups), times in minutes, travel already asked.
 */
export interface SlotContext {
  member(id: string): TimedMember | undefined;
  location(id: string): LocationInput | undefined;
  /** The dates one weekly time alone would have, from the programme's start or the group's own. */
  seriesOf(weekday: number, startDate?: string): SeriesDate[];
  windowsOf(staff: StaffInput): Minutes[];
  interpretersFor(language: string): PlanningInput['interpreters'];
  /** The extra roles every weekly time must have people for, and who can take each. */
  rolesNeeded: ExtraRole[];
  staffFor(role: ExtraRole): NonNullable<PlanningInput['staff']>;
  rules: AttendanceRules;
}

export const inMinutes = (windows: WeeklyWindow[]): Minutes[] =>
  windows.map(({ weekday, from, to }) => ({ weekday, from: toMinutes(from), to: toMinutes(to) }));

/** Whether one of the windows holds the whole slot. */
export const covers = (windows: Minutes[], slot: WeeklySlot) =>
  windows.some(
    (window) => window.weekday === slot.weekday && window.from <= slot.start && slot.end <= window.to,
  );

/** The first record with each id, as `find` would give it. */
function byId<T extends { id: string }>(records: T[]): Map<string, T> {
  const found = new Map<string, T>();
  for (const record of records) if (!found.has(record.id)) found.set(record.id, record);
  return found;
}

/** A lazy cache: `compute` runs once per key. */
function cached<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}

export function slotContext(input: PlanningInput): SlotContext {
  const { programme } = input;
  const members = byId(input.members);
  const locations = byId(input.locations);
  // Each weekly time holds its share of a phase's sessions: a twice-weekly phase of 12 gives each time 6.
  const perSlot = {
    ...programme,
    sessionsPerGroup: Math.ceil(programme.sessionsPerGroup / programme.sessionsPerWeek),
    phases: programme.phases?.map((phase) => ({
      ...phase,
      sessions: phase.sessions === undefined ? undefined : Math.ceil(phase.sessions / phase.sessionsPerWeek),
    })),
  };
  const series = cached((key: string) => {
    const [weekday, startDate] = key.split('|');
    return layOutSeries([Number(weekday)], { ...perSlot, startDate }, input.isClosed);
  });
  return {
    member: cached((id: string) => {
      const member = members.get(id);
      if (!member) return undefined;
      const lessonsOn = new Map<number, (Minutes & { lesson: LessonInput })[]>();
      for (const lesson of member.lessons) {
        const timed = {
          weekday: lesson.weekday,
          from: toMinutes(lesson.from),
          to: toMinutes(lesson.to),
          lesson,
        };
        lessonsOn.set(lesson.weekday, [...(lessonsOn.get(lesson.weekday) ?? []), timed]);
      }
      const appointments = member.appointments.map(({ date, from, to }) => ({
        date,
        from: toMinutes(from),
        to: toMinutes(to),
      }));
      return { member, lessonsOn, appointments };
    }),
    location: (id) => locations.get(id),
    seriesOf: (weekday, startDate = programme.startDate) => series(`${weekday}|${startDate}`),
    windowsOf: cached((staff: StaffInput) => inMinutes(staff.availability)),
    interpretersFor: cached((language: string) =>
      input.interpreters.filter((interpreter) => interpreter.languages.includes(language)),
    ),
    rolesNeeded: rolesNeeded(programme),
    staffFor: cached((role: ExtraRole) =>
      (input.staff ?? []).filter((person) => person.roles.includes(role)),
    ),
    rules: {
      travelBufferMinutes: input.policy.travelBufferMinutes,
      travelMinutes: memoised(input.travelMinutes),
    },
  };
}

/** Languages without an interpreter and roles without a person: what the ranking puts first. */
export const unfilledAt = (option: Pick<SlotOption, 'missingLanguages' | 'missingRoles'>) =>
  option.missingLanguages.length + option.missingRoles.length;

/**
 * Better first: interpreters for every language and people for every role, most attendance, fewest provider
 * conflicts, fewest interpreters, earliest end, earliest time.
 */
export function compareOptions(a: SlotOption, b: SlotOption): number {
  return (
    unfilledAt(a) - unfilledAt(b) ||
    b.attendable - a.attendable ||
    a.providerConflicts - b.providerConflicts ||
    a.interpretersNeeded - b.interpretersNeeded ||
    (a.dates.at(-1)?.date ?? '').localeCompare(b.dates.at(-1)?.date ?? '') ||
    a.slot.weekday - b.slot.weekday ||
    a.slot.start - b.slot.start
  );
}

/**
 * The weekly times the policy, the location and the group's trainers allow, each judged for its members. Pass the
 * context of `slotContext(input)` when asking for many groups of the same input.
 */
export function slotOptions(
  input: PlanningInput,
  group: GroupInput,
  context: SlotContext = slotContext(input),
): SlotOption[] {
  const { programme, policy } = input;
  const location = context.location(group.locationId);
  if (!location) return [];
  const openingHours = inMinutes(location.openingHours);
  const members = group.memberIds
    .map((id) => context.member(id))
    .filter((member): member is TimedMember => member !== undefined);
  const { rules } = context;
  const trainers = input.trainers.filter((trainer) => group.trainerIds.includes(trainer.id));

  const options: SlotOption[] = [];
  for (const { weekday, start, pinned } of candidateTimes(input, group)) {
    const slot = { weekday, start, end: start + programme.durationMinutes };
    if (!covers(openingHours, slot)) continue;
    const trainerIds = trainers
      .filter((trainer) => covers(context.windowsOf(trainer), slot))
      .map((trainer) => trainer.id);
    const interpreters = new Map(
      group.interpreterLanguages.map((language) => [
        language,
        context
          .interpretersFor(language)
          .filter((interpreter) => covers(context.windowsOf(interpreter), slot))
          .map((interpreter) => interpreter.id),
      ]),
    );
    const roleCandidates = new Map(
      [...new Set(context.rolesNeeded)].map((role) => [
        role,
        context
          .staffFor(role)
          .filter((person) => covers(context.windowsOf(person), slot))
          .map((person) => person.id),
      ]),
    );
    const dates = context.seriesOf(weekday, group.startDate);
    const moment = { start: slot.start, end: slot.end, position: location.position };
    // As conflictsOf on every member and date, but counting instead of listing: a lesson clashes with the weekly
    // time or not whatever the date, so only whether it is held that day is asked per date.
    let attendable = 0;
    let providerConflicts = 0;
    let memberSessions = 0;
    for (const { member, lessonsOn, appointments } of members) {
      // Her sessions before she is ready are not hers: neither counted nor judged.
      const ownDates = member.readyFrom ? dates.filter(({ date }) => readyOn(member, date)) : dates;
      memberSessions += ownDates.length;
      const clashing = (lessonsOn.get(weekday) ?? []).filter(
        ({ from, to, lesson }) =>
          lessonClash(from, to, lesson.position, moment, rules, member.travelMode) !== undefined,
      );
      if (clashing.length === 0 && appointments.length === 0) {
        attendable += ownDates.length;
        continue;
      }
      for (const { date } of ownDates) {
        let lessonConflicts = 0;
        for (const { lesson } of clashing) if (lessonMeets(lesson, date, weekday)) lessonConflicts++;
        providerConflicts += lessonConflicts;
        if (
          lessonConflicts === 0 &&
          !appointments.some(
            (appointment) =>
              appointment.date === date &&
              appointmentClash(appointment.from, appointment.to, slot, policy.travelBufferMinutes),
          )
        ) {
          attendable++;
        }
      }
    }
    const demand = input.resources
      ? demandOf(members, slot, location.position, dates[0]?.date, input.resources, rules)
      : { riders: 0, careChildren: 0 };
    // Listed only when asked for: the planner never needs them, and for a large region they would fill the memory.
    let conflicts: Map<string, MemberConflict[]> | undefined;
    options.push({
      slot,
      pinned,
      trainerIds,
      interpreters,
      missingLanguages: [...interpreters].filter(([, ids]) => ids.length === 0).map(([language]) => language),
      interpretersNeeded: fewestInterpreters(interpreters).length,
      roleCandidates,
      missingRoles: rolesShort(context.rolesNeeded, fillRoles(context.rolesNeeded, roleCandidates)),
      dates,
      attendable,
      memberSessions,
      providerConflicts,
      demand,
      get conflicts() {
        return (conflicts ??= conflictsOver(members, dates, { ...moment, weekday }, rules));
      },
    });
  }
  return options.sort(compareOptions);
}

/**
 * What the members free at this time ask of the shared resources in a week: seats, and care for children under
 * 4 or of school age while their mother's time away (her travel, longer when collected) leaves school hours.
 */
function demandOf(
  members: TimedMember[],
  slot: WeeklySlot,
  location: Position,
  date: string | undefined,
  resources: NonNullable<PlanningInput['resources']>,
  rules: AttendanceRules,
): { riders: number; careChildren: number } {
  let riders = 0;
  let careChildren = 0;
  if (!date) return { riders, careChildren };
  for (const { member, lessonsOn } of members) {
    const needs = member.needs;
    if (!needs) continue;
    const moment = { start: slot.start, end: slot.end, position: location };
    const clash = (lessonsOn.get(slot.weekday) ?? []).some(
      ({ from, to, lesson }) =>
        lessonClash(from, to, lesson.position, moment, rules, member.travelMode) !== undefined,
    );
    if (clash) continue;
    if (needs.rides) riders++;
    // A rider's ride is by road, at most maxRideFactor times her direct trip; else her own way takes her there.
    const travel = needs.home
      ? needs.rides
        ? rules.travelMinutes(needs.home, location) * resources.maxRideFactor
        : rules.travelMinutes(needs.home, location, member.travelMode)
      : 0;
    const from = slot.start - resources.arriveMinutesBefore - travel;
    const to = slot.end + travel;
    // An estimate for a week of school: closures are left out.
    for (const child of needs.children)
      if (careNeedReason(child, date, slot.weekday, { from, to }, resources.schoolHours, () => false))
        careChildren++;
  }
  return { riders, careChildren };
}

function conflictsOver(
  members: TimedMember[],
  dates: SeriesDate[],
  moment: { weekday: number; start: number; end: number; position: Position },
  rules: AttendanceRules,
): Map<string, MemberConflict[]> {
  const conflicts = new Map<string, MemberConflict[]>();
  for (const { member } of members) {
    for (const { date } of dates) {
      if (!readyOn(member, date)) continue;
      const found = conflictsOf(member, { ...moment, date }, rules);
      if (found.length > 0) conflicts.set(member.id, [...(conflicts.get(member.id) ?? []), ...found]);
    }
  }
  return conflicts;
}

/**
 * `slotOptions` of the groups without pinned times remembered by group and start date, for plans of one input that
 * differ only in which groups are pinned where (the trials of the slot search): the options of a group left
 * unpinned, every time of the week, are then worked out once, not once per trial. A pinned group has a time or two
 * and is asked afresh (remembered, each would keep its trial's records alive). Only for that: the input, the
 * groups' members, trainers and languages must be the same at every call.
 */
export function rememberedSlotOptions(): typeof slotOptions {
  const known = new Map<string, SlotOption[]>();
  return (input, group, context) => {
    if (group.pinned && group.pinned.length > 0) return slotOptions(input, group, context);
    const key = JSON.stringify([group.id, group.startDate ?? null]);
    let options = known.get(key);
    if (!options) known.set(key, (options = slotOptions(input, group, context)));
    return options;
  };
}

/** Every start on the policy's step within its day window, Monday to Sunday; or only the pinned times. */
export function* candidateTimes(
  input: { policy: PlanningInput['policy']; programme: Pick<PlanningInput['programme'], 'durationMinutes'> },
  group: Pick<GroupInput, 'pinned'>,
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
