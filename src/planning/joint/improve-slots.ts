import { GroupPlan, PinnedTime, PlanningInput, ProgrammePlan } from '../scheduling/model';
import { planProgramme } from '../scheduling/plan-programme';
import { rememberedSlotOptions, slotContext, slotOptions } from '../scheduling/slot-options';
import { weekOf } from '../scheduling/assign';
import { toTimeOfDay } from '../time/calendar';

export interface ChosenSlots {
  plan: ProgrammePlan;
  /** Plans judged, the first included. */
  evaluations: number;
  /** Trial plans made, judged or thrown away (a move that left a group unplanned or a language uncovered). */
  trials: number;
  /** The judge's figure for the first plan and for the one chosen. */
  before: number;
  after: number;
}

export interface ImproveOptions {
  /** At most this many plans are judged (a budget of work, not of time, so that the result is the same). */
  maxEvaluations: number;
  /** The best few other weekly times of each group, by the planner's ranking, are tried. */
  optionsPerGroup: number;
  /**
   * At most this many trial plans are made, judged or not (default: 5 × maxEvaluations). A trial that leaves a
   * group unplanned is thrown away unjudged, yet it plans every group: with few trainers for many groups nearly
   * every move does that, and without this budget the search made thousands of them.
   */
  maxTrials?: number;
}

/**
 * What the judge says of a plan: the member-sessions she can come to and, where known, per group id those
 * lost to care or rides alone (free of lessons and appointments, yet she cannot come). The search moves the
 * groups that lose most first, so that a budget smaller than the groups' options is spent where it can help.
 */
export interface Judgement {
  canCome: number;
  lostByGroup?: ReadonlyMap<string, number>;
}

const timesOf = (plan: ProgrammePlan) =>
  new Map(
    plan.groups.map((group) => [
      group.groupId,
      group.slots.map((slot): PinnedTime => ({ weekday: slot.weekday, start: toTimeOfDay(slot.start) })),
    ]),
  );

const missingOf = (plan: ProgrammePlan) =>
  plan.groups.reduce(
    (sum: number, group: GroupPlan) => sum + group.missingLanguages.length + group.missingRoles.length,
    0,
  );

/**
 * Closes the loop between the slot planner and what the whole plan gives: moves one group's weekly time at a
 * time to one of its next-best times (every other group kept where it is), judges the plan with `judge` (the
 * member-sessions she can come to, care and rides included), and keeps a move that raises it. No group is left
 * unplanned and no language loses its interpreter (nor a role its
 * person) by a move. Groups a coordinator pinned never move.
 */
export function improveSlots(
  input: PlanningInput,
  judge: (plan: ProgrammePlan) => Judgement,
  options: ImproveOptions,
): ChosenSlots {
  // The trials differ only in where groups are pinned: the groups left unpinned keep their options throughout.
  const optionsOf = rememberedSlotOptions();
  const first = planProgramme(input, optionsOf);
  let plan = first;
  let judgement = judge(first);
  let best = judgement.canCome;
  let evaluations = 1;
  let trials = 0;
  const maxTrials = options.maxTrials ?? 5 * options.maxEvaluations;
  const spent = () => evaluations >= options.maxEvaluations || trials >= maxTrials;
  const before = best;
  const byHand = new Set(input.groups.filter((group) => group.pinned?.length).map((group) => group.id));
  const context = slotContext(input);
  const movable = input.groups
    .filter((group) => !byHand.has(group.id))
    .sort((a, b) => (a.ref ?? a.id).localeCompare(b.ref ?? b.id));
  const candidates = new Map(
    movable.map((group) => [
      group.id,
      slotOptions(input, { ...group, pinned: undefined }, context)
        .filter((option) => option.trainerIds.length > 0)
        .slice(0, options.optionsPerGroup + input.programme.sessionsPerWeek),
    ]),
  );
  // The week as the plan kept so far has it: a move to a time when each of the group's trainers leads (or
  // interprets for) another group, or its location's rooms are all taken, is passed over without a trial plan.
  // Such a trial nearly always left the group unplanned (it may not when the other groups' trainers trade
  // places, which the search forgoes): on the 1000 region, 225 of 229, each a plan of the whole programme.
  const weekOfPlan = (kept: ProgrammePlan) => weekOf(kept.groups, input.groups, input.locations);
  let week = weekOfPlan(plan);
  for (let improved = true; improved && !spent();) {
    improved = false;
    const lost = judgement.lostByGroup;
    const order = lost ? [...movable].sort((a, b) => (lost.get(b.id) ?? 0) - (lost.get(a.id) ?? 0)) : movable;
    for (const group of order) {
      const times = timesOf(plan);
      const own = times.get(group.id);
      if (!own) continue;
      for (const option of candidates.get(group.id) ?? []) {
        if (spent()) break;
        const time = { weekday: option.slot.weekday, start: toTimeOfDay(option.slot.start) };
        if (own.some((t) => t.weekday === time.weekday && t.start === time.start)) continue;
        if (!week.fits(group, option)) continue;
        // The slot on the same weekday is replaced, else the last: a group keeps its number of weekly times.
        const replaced = Math.max(
          0,
          own.findIndex((t) => t.weekday === time.weekday),
        );
        const index = own.some((t) => t.weekday === time.weekday) ? replaced : own.length - 1;
        const mine = own.map((t, k) => (k === index ? time : t));
        const trial = planProgramme(
          {
            ...input,
            groups: input.groups.map((g) => ({
              ...g,
              pinned: g.id === group.id ? mine : byHand.has(g.id) ? g.pinned : times.get(g.id),
            })),
          },
          optionsOf,
        );
        trials++;
        if (trial.unplanned.length > plan.unplanned.length || missingOf(trial) > missingOf(plan)) continue;
        const trialJudgement = judge(trial);
        evaluations++;
        if (trialJudgement.canCome > best) {
          best = trialJudgement.canCome;
          judgement = trialJudgement;
          plan = trial;
          week = weekOfPlan(plan);
          improved = true;
          break;
        }
      }
    }
  }
  return {
    plan: {
      ...plan,
      // Only the coordinator's pins are pins; the bound is the planner's own, not that of the pinned trial.
      groups: plan.groups.map((group) => ({
        ...group,
        slots: group.slots.map((slot) => ({ ...slot, pinned: byHand.has(group.groupId) })),
      })),
      upperBound: first.upperBound,
    },
    evaluations,
    trials,
    before,
    after: best,
  };
}
