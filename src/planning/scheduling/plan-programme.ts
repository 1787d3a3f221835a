import { conflictsOf } from './attendance';
import { assignGroups } from './assign';
import { GroupPlan, MemberInput, PlannedSession, PlanningInput, ProgrammePlan } from './model';
import { layOutSeries, SeriesDate } from './series';
import { SlotOption, slotContext, slotOptions } from './slot-options';

/**
 * Plans a programme: for every group its weekly time(s), trainer and interpreters, and its dated sessions with
 * the conflicts of each member. Deterministic: the same input gives the same plan.
 */
export function planProgramme(input: PlanningInput): ProgrammePlan {
  const context = slotContext(input);
  const optionsByGroup = new Map<string, SlotOption[]>(
    input.groups.map((group) => [group.id, slotOptions(input, group, context)]),
  );
  const slotsPerGroup = input.programme.sessionsPerWeek;
  const { placements, unplaced } = assignGroups(
    input.groups,
    optionsByGroup,
    input.locations,
    slotsPerGroup,
    input.resources,
  );
  const members = new Map(input.members.map((member) => [member.id, member]));
  const { rules } = context;
  // Most groups meet on the same few weekdays: their dates are laid out once.
  const seriesOn = new Map<string, SeriesDate[]>();
  const seriesOf = (weekdays: number[]) => {
    const key = weekdays.join();
    if (!seriesOn.has(key)) seriesOn.set(key, layOutSeries(weekdays, input.programme, input.isClosed));
    return seriesOn.get(key)!;
  };
  const groups: GroupPlan[] = [];
  for (const group of input.groups) {
    const placement = placements.get(group.id);
    if (!placement) continue;
    const location = context.location(group.locationId)!;
    const weekdays = placement.map((chosen) => chosen.option.slot.weekday);
    const sessions: PlannedSession[] = seriesOf(weekdays).map(({ date, slotIndex }) => {
      const { option, trainerId, interpreterIds } = placement[slotIndex];
      const moment = {
        date,
        weekday: option.slot.weekday,
        start: option.slot.start,
        end: option.slot.end,
        position: location.position,
      };
      const conflicts = group.memberIds
        .map((id) => members.get(id))
        .filter((member): member is MemberInput => member !== undefined)
        .flatMap((member) => conflictsOf(member, moment, rules));
      return { date, start: option.slot.start, end: option.slot.end, trainerId, interpreterIds, conflicts };
    });
    const memberSessions = sessions.length * group.memberIds.length;
    const absent = sessions.reduce(
      (sum, session) => sum + new Set(session.conflicts.map((c) => c.participantId)).size,
      0,
    );
    groups.push({
      groupId: group.id,
      slots: placement.map(({ option, trainerId, interpreterIds }) => ({
        ...option.slot,
        trainerId,
        interpreterIds,
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
    });
  }
  return {
    groups,
    unplanned: [...unplaced].map(([groupId, reason]) => ({ groupId, reason })),
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
