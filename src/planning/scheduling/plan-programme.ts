import { religiousPeriodOn } from '../time/religious-periods';
import { conflictsOf } from './attendance';
import { assignGroups, Placement } from './assign';
import {
  CalendarWarning,
  GroupInput,
  GroupPlan,
  MemberInput,
  PlannedSession,
  PlanningInput,
  ProgrammePlan,
} from './model';
import { readyOn } from './rolling-start';
import { fewestInterpreters, fillRoles, phaseRoles, rolesShort } from './roles';
import { layOutSeries, phasesOf, SeriesDate } from './series';
import { compareOptions, SlotContext, SlotOption, slotContext, slotOptions } from './slot-options';
import { Waves } from './waves';

/**
 * Plans a programme: for every group its weekly time(s), trainer and interpreters, and its dated sessions with
 * the conflicts of each member. Groups that start together are planned together; a group that starts later
 * (on its own date, or after another group) is planned once the groups before it are, around the weekly times
 * they hold while they still run: a trainer who led a series that has ended is free again. Deterministic: the
 * same input gives the same plan. `optionsOf` may be `rememberedSlotOptions()` shared by plans of one input
 * pinned differently.
 */
export function planProgramme(
  given: PlanningInput,
  optionsOf: typeof slotOptions = slotOptions,
): ProgrammePlan {
  const avoid = given.programme.avoidReligiousPeriods === true;
  const input: PlanningInput = avoid
    ? { ...given, isClosed: (date) => given.isClosed(date) || religiousPeriodOn(date) !== undefined }
    : given;
  const context = slotContext(input);
  const slotsPerGroup = input.programme.sessionsPerWeek;
  const optionsByGroup = new Map<string, SlotOption[]>();
  const placements = new Map<string, Placement[]>();
  const unplaced = new Map<string, string>();
  const sessionsOf = new Map<string, PlannedSession[]>();
  const seriesOf = seriesCache(input);
  const waves = new Waves(input);

  for (let wave = waves.next(); wave; wave = waves.next()) {
    const { startDate, groups } = wave;
    const running = [...placements].filter(([id]) => sessionsOf.get(id)!.at(-1)!.date >= startDate);
    const heldByRunning = new Set<string>();
    for (const group of groups) {
      const starting = { ...group, startDate };
      const own = optionsOf(input, starting, context);
      const around = aroundRunning(own, starting, running, input, context);
      const led = (options: SlotOption[]) => options.some((option) => option.trainerIds.length > 0);
      if (led(own) && !led(around)) heldByRunning.add(group.id);
      optionsByGroup.set(group.id, around);
    }
    const assigned = assignGroups(
      groups,
      optionsByGroup,
      input.locations,
      slotsPerGroup,
      input.resources,
      context.rolesNeeded,
    );
    for (const group of groups) {
      const placement = assigned.placements.get(group.id);
      if (!placement) {
        unplaced.set(
          group.id,
          heldByRunning.has(group.id)
            ? `its trainers lead groups that still run when it starts (${running
                .map(([id]) => input.groups.find((other) => other.id === id)!)
                .filter((other) => other.trainerIds.some((id) => group.trainerIds.includes(id)))
                .map((other) => other.ref ?? other.id)
                .join(', ')})`
            : assigned.unplaced.get(group.id)!,
        );
        waves.done(group.id, undefined);
        continue;
      }
      const sessions = sessionsFor(group, startDate, placement, seriesOf, input, context);
      placements.set(group.id, placement);
      sessionsOf.set(group.id, sessions);
      waves.done(group.id, sessions.at(-1)?.date);
    }
  }
  for (const [groupId, reason] of waves.neverStarted()) unplaced.set(groupId, reason);

  const groups: GroupPlan[] = [];
  for (const group of input.groups) {
    const placement = placements.get(group.id);
    if (!placement) continue;
    const sessions = sessionsOf.get(group.id)!;
    // A member's sessions before she is ready are not hers: neither counted nor judged.
    const readyFrom = group.memberIds.map((id) => ({ readyFrom: context.member(id)?.member.readyFrom }));
    const memberSessions = sessions.reduce(
      (sum, session) => sum + readyFrom.filter((member) => readyOn(member, session.date)).length,
      0,
    );
    const absent = sessions.reduce(
      (sum, session) => sum + new Set(session.conflicts.map((c) => c.participantId)).size,
      0,
    );
    groups.push({
      groupId: group.id,
      slots: placement.map(({ option, trainerId, interpreterIds, roles }) => ({
        ...option.slot,
        trainerId,
        interpreterIds,
        roles,
        pinned: option.pinned,
      })),
      sessions,
      attendable: memberSessions - absent,
      memberSessions,
      missingLanguages: [
        ...new Set(
          placement.flatMap(({ option, interpreterIds }) =>
            group.interpreterLanguages.filter(
              (language) =>
                !(option.interpreters.get(language) ?? []).some((id) => interpreterIds.includes(id)),
            ),
          ),
        ),
      ],
      missingRoles: placement
        .flatMap(({ roles }) => rolesShort(context.rolesNeeded, roles))
        .filter((role, index, all) => all.indexOf(role) === index),
    });
  }
  const warnings: CalendarWarning[] = avoid
    ? []
    : groups.flatMap((group) =>
        group.sessions.flatMap((session) => {
          const period = religiousPeriodOn(session.date);
          return period ? [{ groupId: group.groupId, date: session.date, period: period.kind }] : [];
        }),
      );
  return {
    groups,
    unplanned: input.groups
      .filter((group) => unplaced.has(group.id))
      .map((group) => ({ groupId: group.id, reason: unplaced.get(group.id)! })),
    warnings,
    attendable: groups.reduce((sum, group) => sum + group.attendable, 0),
    memberSessions: groups.reduce((sum, group) => sum + group.memberSessions, 0),
    // A true upper bound on every plan the planner can make: each group alone at its most attended time with a
    // trainer, whatever its interpreters, its shared staff and rooms (a group placed where an interpreter is
    // missing may be better attended than at any time with all of them).
    upperBound: input.groups.reduce((sum, group) => {
      const options = (optionsByGroup.get(group.id) ?? []).filter((option) => option.trainerIds.length > 0);
      return sum + Math.max(0, ...options.map((option) => option.attendable)) * slotsPerGroup;
    }, 0),
  };
}

/** Most groups meet on the same few weekdays from the same start: their dates are laid out once. */
function seriesCache(input: PlanningInput) {
  const known = new Map<string, SeriesDate[]>();
  return (weekdays: number[], startDate: string) => {
    const key = `${weekdays.join()}|${startDate}`;
    if (!known.has(key))
      known.set(key, layOutSeries(weekdays, { ...input.programme, startDate }, input.isClosed));
    return known.get(key)!;
  };
}

/** The dated sessions of a placed group, each as long as its phase, with the conflicts of every member. */
function sessionsFor(
  group: GroupInput,
  startDate: string,
  placement: Placement[],
  seriesOf: ReturnType<typeof seriesCache>,
  input: PlanningInput,
  context: SlotContext,
): PlannedSession[] {
  const location = context.location(group.locationId)!;
  const phases = phasesOf(input.programme);
  const members = group.memberIds
    .map((id) => context.member(id)?.member)
    .filter((member): member is MemberInput => member !== undefined);
  const weekdays = placement.map((chosen) => chosen.option.slot.weekday);
  return seriesOf(weekdays, startDate).map(({ date, slotIndex, phase }) => {
    const { option, trainerId, interpreterIds, roles: held } = placement[slotIndex];
    // The people of the weekly time who take the roles this phase needs; a phase that needs fewer lets some off.
    const needed = phaseRoles(input.programme, phases[phase]);
    const roles = fillRoles(
      needed,
      new Map(
        needed.map((role) => [
          role,
          held.filter((holder) => holder.role === role).map((holder) => holder.staffId),
        ]),
      ),
    );
    // A shorter phase keeps the weekly start, and ends earlier.
    const end = option.slot.start + (phases[phase]?.durationMinutes || option.slot.end - option.slot.start);
    const moment = {
      date,
      weekday: option.slot.weekday,
      start: option.slot.start,
      end,
      position: location.position,
    };
    const conflicts = members
      .filter((member) => readyOn(member, date))
      .flatMap((member) => conflictsOf(member, moment, context.rules));
    return {
      date,
      start: option.slot.start,
      end,
      phase,
      trainerId,
      interpreterIds,
      roles,
      missingRoles: rolesShort(needed, roles),
      conflicts,
    };
  });
}

/**
 * A group's options with what the groups still running hold taken out: their trainers and interpreters at the
 * same weekly time, and the time itself where they fill every room of the location. Taken out beforehand rather
 * than booked in the week of the new groups, so that nothing can move them.
 */
function aroundRunning(
  options: SlotOption[],
  group: GroupInput,
  running: [string, Placement[]][],
  input: PlanningInput,
  context: SlotContext,
): SlotOption[] {
  if (running.length === 0) return options;
  const rooms = input.locations.find((location) => location.id === group.locationId)?.rooms ?? 1;
  const held = running.flatMap(([groupId, placement]) => {
    const locationId = input.groups.find((other) => other.id === groupId)!.locationId;
    return placement.map(({ option, trainerId, interpreterIds, roles }) => ({
      slot: option.slot,
      locationId,
      people: new Set([trainerId, ...interpreterIds, ...roles.map((holder) => holder.staffId)]),
    }));
  });
  const around = options.flatMap((option): SlotOption[] => {
    const { slot } = option;
    const clashing = held.filter(
      (other) =>
        other.slot.weekday === slot.weekday && other.slot.start < slot.end && slot.start < other.slot.end,
    );
    if (clashing.length === 0) return [option];
    if (clashing.filter((other) => other.locationId === group.locationId).length >= rooms) return [];
    const free = (id: string) => !clashing.some((other) => other.people.has(id));
    const interpreters = new Map(
      [...option.interpreters].map(([language, ids]) => [language, ids.filter(free)]),
    );
    const roleCandidates = new Map([...option.roleCandidates].map(([role, ids]) => [role, ids.filter(free)]));
    // On the option itself as prototype, not a spread copy: a spread would list its conflicts, which are lazy.
    const narrowed: SlotOption = Object.create(option);
    return [
      Object.assign(narrowed, {
        trainerIds: option.trainerIds.filter(free),
        interpreters,
        missingLanguages: [...interpreters]
          .filter(([, ids]) => ids.length === 0)
          .map(([language]) => language),
        interpretersNeeded: fewestInterpreters(interpreters).length,
        roleCandidates,
        missingRoles: rolesShort(context.rolesNeeded, fillRoles(context.rolesNeeded, roleCandidates)),
      }),
    ];
  });
  return around.sort(compareOptions);
}
