/** The Distance Matrix API's limits per request (Google's "usage limits" of the Distance Matrix API). */
export const DISTANCE_MATRIX_LIMITS = { maxOrigins: 25, maxDestinations: 25, maxElements: 100 };

export type MatrixLimits = typeof DISTANCE_MATRIX_LIMITS;

/** One request: indexes into the caller's origins and destinations. */
export interface MatrixBatch {
  origins: number[];
  destinations: number[];
}

/**
 * Requests that ask for every missing pair exactly once, each within `limits`. `missing[o]` lists the
 * destinations origin `o` still needs. Origins that need the same destinations share requests; each group is cut
 * into blocks of near-equal size, so that 30 × 30 becomes 10 requests of 6 × 15 rather than 16 uneven ones.
 */
export function planMatrixBatches(
  missing: number[][],
  limits: MatrixLimits = DISTANCE_MATRIX_LIMITS,
): MatrixBatch[] {
  const groups = new Map<string, { origins: number[]; destinations: number[] }>();
  missing.forEach((destinations, origin) => {
    if (destinations.length === 0) return;
    const key = destinations.join(',');
    const group = groups.get(key) ?? { origins: [], destinations };
    group.origins.push(origin);
    groups.set(key, group);
  });
  const batches: MatrixBatch[] = [];
  for (const { origins, destinations } of groups.values()) {
    const destinationBlocks = evenBlocks(destinations, limits.maxDestinations);
    const perRequest = Math.min(
      limits.maxOrigins,
      Math.floor(limits.maxElements / Math.max(...destinationBlocks.map((block) => block.length))),
    );
    for (const originBlock of evenBlocks(origins, perRequest)) {
      for (const destinationBlock of destinationBlocks) {
        batches.push({ origins: originBlock, destinations: destinationBlock });
      }
    }
  }
  return batches;
}

/** `items` cut into as few blocks of at most `max` as possible, their sizes differing by at most one. */
function evenBlocks<T>(items: T[], max: number): T[][] {
  const count = Math.ceil(items.length / max);
  return Array.from({ length: count }, (_, index) =>
    items.slice(Math.floor((index * items.length) / count), Math.floor(((index + 1) * items.length) / count)),
  );
}
