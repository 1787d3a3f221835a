import fc from 'fast-check';
import { onALine } from '../../../test/factories/segments-on-a-line';
import { relaxedFigures, segmentFigures } from './ride-segments';

describe('what one woman’s rides can share', () => {
  it('puts women on opposite sides in no segment together, and neighbours in one', () => {
    // 20 minutes east and west: through the other's home is 43 + 2 + 23 minutes, beyond her limit.
    const figures = segmentFigures(onALine([20, -20, 22]))!;
    expect(figures.map((f) => f.cap)).toEqual([2, 1, 2]);
    // A round trip from the location to the one 20 minutes away: 23 + 2 + 23, longer than the window.
    expect(figures.map((f) => f.round)).toEqual([Infinity, Infinity, Infinity]);
    const close = segmentFigures(onALine([5, 6]))!;
    // Out to the nearer one and back: 8 + 2 + 8 = 18; both: 9 + 2 + 4 + 2 + 8 = 25, or 12.5 each.
    expect(close.map((f) => [f.round, f.share, f.roundCap])).toEqual([
      [18, 12.5, 2],
      [20, 12.5, 2],
    ]);
  });

  it('gives up past its budget, where the looser figures take over', () => {
    expect(segmentFigures(onALine([1, 2, 3, 4, 5, 6], { budget: 50 }))).toBeUndefined();
  });

  it('never finds more room than the looser figures allow', () => {
    const instance = fc.record({
      places: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 7 }),
      direction: fc.constantFrom('to' as const, 'from' as const),
      seats: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(instance, ({ places, direction, seats }) => {
        const input = onALine(places, { direction, seats, service: direction === 'to' ? 2 : 1 });
        const exact = segmentFigures(input)!;
        const loose = relaxedFigures(input);
        exact.forEach((figure, i) => {
          expect(loose[i].cap).toBeGreaterThanOrEqual(figure.cap);
          expect(loose[i].round).toBeLessThanOrEqual(figure.round);
          expect(loose[i].share).toBeLessThanOrEqual(figure.share + 1e-9);
          if (figure.roundCap > 0) expect(loose[i].roundCap).toBeGreaterThanOrEqual(figure.roundCap);
        });
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
