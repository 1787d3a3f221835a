/** An age band of a provider's places, in whole months, both ends inclusive. */
export interface AgeBand {
  minAgeMonths: number;
  maxAgeMonths: number;
}

/**
 * The first band (by its place in the list) whose ages overlap an earlier band's, with that earlier one. A child
 * of an age in two bands would be counted in one of them only, so a provider's bands must not overlap.
 */
export function overlappingBand(bands: AgeBand[]): { index: number; other: number } | undefined {
  for (let index = 1; index < bands.length; index++) {
    for (let other = 0; other < index; other++) {
      const [a, b] = [bands[index], bands[other]];
      if (a.minAgeMonths <= b.maxAgeMonths && b.minAgeMonths <= a.maxAgeMonths) return { index, other };
    }
  }
  return undefined;
}
