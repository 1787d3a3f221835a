/**
 * A region's cost policy. Every amount is in euro cents; a cap of null means no cap. Distances are counted in
 * tenths of a kilometre, so that every sum stays an integer.
 */
export interface CostRates {
  childcare: {
    /** The family's own contribution as a share of the gross childcare cost, 0–100. */
    ownContributionPercent: number;
    /** On top of the share: a fixed own contribution per hour of care. */
    ownContributionCentsPerHour: number;
  };
  travel: Record<ReimbursedMode, { centsPerTrip: number; centsPerKm: number }>;
  drivers: { centsPerKm: number; monthlyCapCents: number | null; yearlyCapCents: number | null };
  taxi: { centsPerKm: number; centsPerHour: number };
  interpreters: { centsPerHour: number };
}

/** The ways of coming whose costs the municipality pays back. */
export const REIMBURSED_MODES = ['public', 'bike'] as const;
export type ReimbursedMode = (typeof REIMBURSED_MODES)[number];

/** A region that has set no rates pays nothing on top of the childcare's gross cost. */
export const NO_COST_RATES: CostRates = {
  childcare: { ownContributionPercent: 0, ownContributionCentsPerHour: 0 },
  travel: { public: { centsPerTrip: 0, centsPerKm: 0 }, bike: { centsPerTrip: 0, centsPerKm: 0 } },
  drivers: { centsPerKm: 0, monthlyCapCents: null, yearlyCapCents: null },
  taxi: { centsPerKm: 0, centsPerHour: 0 },
  interpreters: { centsPerHour: 0 },
};
