/**
 * Children per qualified professional (beroepskracht-kindratio) by age, for formal childcare in the Netherlands
 * (Besluit kwaliteit kinderopvang, from 2019): 3 under 1 year, 5 from 1, 8 from 2, 10 at school age from 4 to 7,
 * 12 from 7. Only reported to the coordinator, never enforced on a provider.
 */
const CHILDREN_PER_PROFESSIONAL: { belowMonths: number; children: number }[] = [
  { belowMonths: 12, children: 3 },
  { belowMonths: 24, children: 5 },
  { belowMonths: 48, children: 8 },
  { belowMonths: 84, children: 10 },
  { belowMonths: Infinity, children: 12 },
];

/**
 * The professionals a mixed group of these ages needs at once: each child counts for her share of a
 * professional, rounded up. The official rekentool is slightly more lenient for some mixes, so this errs on the
 * safe side.
 */
export function professionalsNeeded(agesInMonths: number[]): number {
  const shares = agesInMonths.reduce(
    (sum, age) => sum + 1 / CHILDREN_PER_PROFESSIONAL.find((band) => age < band.belowMonths)!.children,
    0,
  );
  return Math.max(0, Math.ceil(shares - 1e-9));
}
