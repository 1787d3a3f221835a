import { buildPlanningInput } from '../../../test/factories/planning-input.factory';
import { ProgrammePlan } from '../scheduling/model';
import { planProgramme } from '../scheduling/plan-programme';
import { rememberedSlotOptions, slotContext } from '../scheduling/slot-options';
import { toTimeOfDay } from '../time/calendar';
import { improveSlots } from './improve-slots';

const { input } = buildPlanningInput({ participants: 60, seed: 2 });
/** A judge with a taste the slot planner does not share: sessions late in the day. */
const lateness = (plan: ProgrammePlan) =>
  plan.groups.reduce((sum, group) => sum + group.slots.reduce((n, slot) => n + slot.start, 0), 0);
const lateInDay = (plan: ProgrammePlan) => ({ canCome: lateness(plan) });

describe('choosing weekly times by what the whole plan gives', () => {
  it('moves groups only where the judge rises, within the budget, and plans every group', () => {
    const chosen = improveSlots(input, lateInDay, { maxEvaluations: 30, optionsPerGroup: 6 });
    expect(chosen.evaluations).toBeLessThanOrEqual(30);
    expect(chosen.after).toBeGreaterThan(chosen.before);
    expect(lateness(chosen.plan)).toBe(chosen.after);
    expect(chosen.plan.unplanned).toEqual([]);
    expect(chosen.plan.groups.every((group) => group.slots.every((slot) => !slot.pinned))).toBe(true);
  });

  it('makes no more trial plans than its budget, judged or not', () => {
    // A judge that rises with every move keeps the search going until a budget ends it.
    const unbounded = improveSlots(input, lateInDay, { maxEvaluations: 1000, optionsPerGroup: 6 });
    expect(unbounded.trials).toBeGreaterThan(4);
    const capped = improveSlots(input, lateInDay, { maxEvaluations: 1000, optionsPerGroup: 6, maxTrials: 4 });
    expect(capped.trials).toBe(4);
    expect(capped.evaluations).toBeLessThanOrEqual(5);
    expect(capped.plan.unplanned).toEqual([]);
  });

  it('makes no trial plan of a move to a time when its trainer leads another group', () => {
    // One trainer for every group, and no interpreters: a trial fails only where the trainer is busy then.
    const [trainer] = input.groups[0].trainerIds;
    const oneTrainer = {
      ...input,
      groups: input.groups.map((group) => ({ ...group, trainerIds: [trainer], interpreterLanguages: [] })),
    };
    const chosen = improveSlots(oneTrainer, lateInDay, { maxEvaluations: 40, optionsPerGroup: 6 });
    expect(chosen.after).toBeGreaterThan(chosen.before);
    // Every trial was judged: none was spent on a move the trainer could not take.
    expect(chosen.trials).toBe(chosen.evaluations - 1);
  });

  it('makes no trial plan of a move to a time when its location’s rooms are all taken', () => {
    // One location of one room, a trainer of her own for every group: a trial fails only where the room is taken.
    const [location] = input.locations;
    const oneRoom = {
      ...input,
      locations: [{ ...location, rooms: 1 }],
      groups: input.groups.map((group, index) => ({
        ...group,
        locationId: location.id,
        trainerIds: [input.trainers[index % input.trainers.length].id],
        interpreterLanguages: [],
      })),
    };
    const chosen = improveSlots(oneRoom, lateInDay, { maxEvaluations: 40, optionsPerGroup: 6 });
    expect(chosen.after).toBeGreaterThan(chosen.before);
    expect(chosen.trials).toBe(chosen.evaluations - 1);
  });

  it('never moves a group a coordinator pinned', () => {
    const [first, ...rest] = input.groups;
    const pinned = { ...input, groups: [{ ...first, pinned: [{ weekday: 1, start: '09:30' }] }, ...rest] };
    const chosen = improveSlots(pinned, lateInDay, { maxEvaluations: 30, optionsPerGroup: 6 });
    const group = chosen.plan.groups.find((g) => g.groupId === first.id)!;
    expect(group.slots.map((slot) => [slot.weekday, slot.start, slot.pinned])).toEqual([
      [1, 9 * 60 + 30, true],
    ]);
  });

  it('moves first the groups the judge says lose most to care and rides', () => {
    // Only the group last by ref matters to this judge: a budget of two judged plans reaches it only when the
    // search takes the groups by what they lose, not by ref.
    const last = [...input.groups].sort((a, b) => (b.ref ?? b.id).localeCompare(a.ref ?? a.id))[0];
    const startOfLast = (plan: ProgrammePlan) =>
      plan.groups.find((group) => group.groupId === last.id)!.slots.reduce((n, slot) => n + slot.start, 0);
    const options = { maxEvaluations: 2, optionsPerGroup: 6 };
    const byRef = improveSlots(input, (plan) => ({ canCome: startOfLast(plan) }), options);
    expect(byRef.after).toBe(byRef.before);
    const byLoss = improveSlots(
      input,
      (plan) => ({ canCome: startOfLast(plan), lostByGroup: new Map([[last.id, 1]]) }),
      options,
    );
    expect(byLoss.after).toBeGreaterThan(byLoss.before);
  });

  it('gives the same choice every time', () => {
    const options = { maxEvaluations: 20, optionsPerGroup: 4 };
    expect(improveSlots(input, lateInDay, options).plan).toEqual(
      improveSlots(input, lateInDay, options).plan,
    );
  });

  it('plans a trial the same when the options of the groups it leaves unpinned are remembered', () => {
    const shared = {
      ...input,
      resources: {
        carePlaces: new Map(
          input.locations.map((location) => [
            location.id,
            [{ places: 4, openingHours: location.openingHours }],
          ]),
        ),
        vehicles: 2,
        seatsPerVehicle: 8,
        schoolHours: [],
        arriveMinutesBefore: 15,
        maxRideFactor: 1.5,
      },
    };
    const optionsOf = rememberedSlotOptions();
    const first = planProgramme(shared, optionsOf);
    expect(first).toEqual(planProgramme(shared));
    // Every group but one pinned where it is, that one at its first time one hour later; the rest unpinned.
    const [moved, kept] = first.groups;
    const at = (slots: ProgrammePlan['groups'][number]['slots'], later = 0) =>
      slots.map((slot) => ({ weekday: slot.weekday, start: toTimeOfDay(slot.start + later) }));
    const trial = {
      ...shared,
      groups: shared.groups.map((group) =>
        group.id === moved.groupId
          ? { ...group, pinned: at(moved.slots, 60) }
          : group.id === kept.groupId
            ? { ...group, pinned: at(kept.slots) }
            : group,
      ),
    };
    expect(planProgramme(trial, optionsOf)).toEqual(planProgramme(trial));
    const context = slotContext(trial);
    expect(optionsOf(trial, trial.groups[2], context)).toBe(optionsOf(trial, trial.groups[2], context));
  });
});
