import { buildPlanningInput } from '../../../test/factories/planning-input.factory';
import { ProgrammePlan } from '../scheduling/model';
import { improveSlots } from './improve-slots';

const { input } = buildPlanningInput({ participants: 60, seed: 2 });
/** A judge with a taste the slot planner does not share: sessions late in the day. */
const lateInDay = (plan: ProgrammePlan) =>
  plan.groups.reduce((sum, group) => sum + group.slots.reduce((n, slot) => n + slot.start, 0), 0);

describe('choosing weekly times by what the whole plan gives', () => {
  it('moves groups only where the judge rises, within the budget, and plans every group', () => {
    const chosen = improveSlots(input, lateInDay, { maxEvaluations: 30, optionsPerGroup: 6 });
    expect(chosen.evaluations).toBeLessThanOrEqual(30);
    expect(chosen.after).toBeGreaterThan(chosen.before);
    expect(lateInDay(chosen.plan)).toBe(chosen.after);
    expect(chosen.plan.unplanned).toEqual([]);
    expect(chosen.plan.groups.every((group) => group.slots.every((slot) => !slot.pinned))).toBe(true);
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

  it('gives the same choice every time', () => {
    const options = { maxEvaluations: 20, optionsPerGroup: 4 };
    expect(improveSlots(input, lateInDay, options).plan).toEqual(
      improveSlots(input, lateInDay, options).plan,
    );
  });
});
