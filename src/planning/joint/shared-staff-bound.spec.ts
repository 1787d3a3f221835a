import { mostAssigned } from './shared-staff-bound';

describe('the most groups sharing trainers or rooms are worth together', () => {
  it('moves a group to its second-best time where that lets another keep its only one', () => {
    const choices = [
      { group: 0, holder: 'tr@mon', value: 5 },
      { group: 0, holder: 'tr@tue', value: 3 },
      { group: 1, holder: 'tr@mon', value: 4 },
    ];
    // Greedy would give Monday to the first group (5) and nothing to the second.
    expect(mostAssigned(choices, 2, () => 1)).toBe(7);
    expect(mostAssigned(choices, 2, () => 2)).toBe(9);
  });

  it('counts a group without a choice, or a holder without room, as nothing', () => {
    expect(mostAssigned([{ group: 1, holder: 'room@mon', value: 6 }], 3, () => 1)).toBe(6);
    expect(mostAssigned([{ group: 0, holder: 'room@mon', value: 6 }], 1, () => 0)).toBe(0);
  });
});
