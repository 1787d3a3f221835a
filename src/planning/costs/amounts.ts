/** Cents for a distance at a rate per km; distances in tenths of a km. */
export const kmCents = (kmTenths: number, centsPerKm: number): number =>
  Math.round((kmTenths * centsPerKm) / 10);

/** Cents for a duration at a rate per hour. */
export const hourCents = (minutes: number, centsPerHour: number): number =>
  Math.round((minutes * centsPerHour) / 60);

/** A distance in km rounded to tenths, as it is counted per trip or route. */
export const toKmTenths = (km: number): number => Math.round(km * 10);

/** Gross childcare: hours × the provider's price per hour (in euros, as providers are priced), in cents. */
export const childcareGrossCents = (hours: number, pricePerHour: number): number =>
  Math.round(hours * pricePerHour * 100);

/**
 * The family's own contribution to childcare: a share of the gross plus a fixed amount per hour, never more than
 * the gross (free care, such as a volunteer oppas, costs the family nothing).
 */
export function ownContributionCents(
  grossCents: number,
  minutes: number,
  rule: { ownContributionPercent: number; ownContributionCentsPerHour: number },
): number {
  const share = Math.round((grossCents * rule.ownContributionPercent) / 100);
  return Math.min(grossCents, share + hourCents(minutes, rule.ownContributionCentsPerHour));
}

/**
 * Splits whole cents over parts in proportion to their weights, by largest remainder, so that the parts add up to
 * the total exactly (ties go to the earlier part). All weights 0: everything to nobody, so all parts are 0.
 */
export function allocateCents(totalCents: number, weights: number[]): number[] {
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (totalCents * weight) / sum);
  const parts = exact.map(Math.floor);
  let left = totalCents - parts.reduce((total, part) => total + part, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] += 1;
    left -= 1;
  }
  return parts;
}
