import fc from 'fast-check';
import { DISTANCE_MATRIX_LIMITS, MatrixBatch, planMatrixBatches } from './matrix-batches';

const all = (origins: number, destinations: number) =>
  Array.from({ length: origins }, () => Array.from({ length: destinations }, (_, index) => index));

/** Every pair the batches ask, as "o>d", in order of asking. */
const asked = (batches: MatrixBatch[]) =>
  batches.flatMap((batch) => batch.origins.flatMap((o) => batch.destinations.map((d) => `${o}>${d}`)));

const withinLimits = (batch: MatrixBatch) =>
  batch.origins.length <= DISTANCE_MATRIX_LIMITS.maxOrigins &&
  batch.destinations.length <= DISTANCE_MATRIX_LIMITS.maxDestinations &&
  batch.origins.length * batch.destinations.length <= DISTANCE_MATRIX_LIMITS.maxElements;

describe('planMatrixBatches', () => {
  it('asks a small matrix in one request', () => {
    expect(planMatrixBatches(all(3, 4))).toEqual([{ origins: [0, 1, 2], destinations: [0, 1, 2, 3] }]);
  });

  it('cuts 30 × 30 into 10 requests of 6 × 15', () => {
    const batches = planMatrixBatches(all(30, 30));
    expect(batches).toHaveLength(10);
    expect(batches.every((batch) => batch.origins.length === 6 && batch.destinations.length === 15)).toBe(
      true,
    );
    expect(new Set(asked(batches)).size).toBe(900);
  });

  it('keeps one origin to 60 destinations within 25 destinations a request', () => {
    const batches = planMatrixBatches(all(1, 60));
    expect(batches.map((batch) => batch.destinations.length)).toEqual([20, 20, 20]);
  });

  it('asks only the missing pairs, grouping origins that miss the same destinations', () => {
    const batches = planMatrixBatches([[0, 2], [], [0, 2], [1]]);
    expect(batches).toEqual([
      { origins: [0, 2], destinations: [0, 2] },
      { origins: [3], destinations: [1] },
    ]);
  });

  it('asks nothing when nothing is missing', () => {
    expect(planMatrixBatches([[], []])).toEqual([]);
  });

  it('asks every missing pair exactly once and stays within the limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 60 }), { maxLength: 70 }),
        (missing) => {
          const sorted = missing.map((destinations) => [...destinations].sort((a, b) => a - b));
          const batches = planMatrixBatches(sorted);
          const expected = sorted.flatMap((destinations, o) => destinations.map((d) => `${o}>${d}`));
          const pairs = asked(batches);
          expect(pairs.sort()).toEqual(expected.sort());
          expect(batches.every(withinLimits)).toBe(true);
        },
      ),
    );
  });
});
