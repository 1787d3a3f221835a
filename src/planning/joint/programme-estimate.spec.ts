import { estimatedCanCome } from './programme-estimate';

describe('who could come over the whole programme, estimated from some weeks', () => {
  it('carries each group’s share over to its free member-sessions of the whole programme', () => {
    // A group whose lessons leave 100 free in all, half of the judged 10 could come: 50. One with 40 free in all,
    // 8 of 8 judged: 40. Judged weeks alone would say 13, and rank the groups the other way.
    expect(
      estimatedCanCome([
        { free: 100, judged: 10, canCome: 5 },
        { free: 40, judged: 8, canCome: 8 },
      ]),
    ).toBe(90);
  });

  it('gives a group with nobody free in the judged weeks the share of all groups', () => {
    expect(
      estimatedCanCome([
        { free: 100, judged: 10, canCome: 5 },
        { free: 30, judged: 0, canCome: 0 },
      ]),
    ).toBe(50 + 15);
    expect(estimatedCanCome([{ free: 30, judged: 0, canCome: 0 }])).toBe(0);
  });
});
