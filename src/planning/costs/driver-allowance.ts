import { kmCents } from './amounts';

/** A volunteer driver's kilometres in one month. */
export interface DriverMonth {
  driverKey: string;
  month: string;
  kmTenths: number;
}

export type CapReached = 'monthly' | 'yearly' | null;

export interface DriverAllowance extends DriverMonth {
  uncappedCents: number;
  allowanceCents: number;
  /** Paid to her earlier in the same calendar year. */
  paidBeforeInYearCents: number;
  cap: CapReached;
}

/**
 * Each driver's kilometre allowance per month: km × rate, at most the monthly cap, and at most what the yearly
 * cap leaves after the earlier months of the same calendar year. Months are `YYYY-MM`.
 */
export function driverAllowances(
  months: DriverMonth[],
  rates: { centsPerKm: number; monthlyCapCents: number | null; yearlyCapCents: number | null },
): DriverAllowance[] {
  const ordered = [...months].sort(
    (a, b) => a.driverKey.localeCompare(b.driverKey) || a.month.localeCompare(b.month),
  );
  const paid = new Map<string, number>();
  return ordered.map((row) => {
    const yearKey = `${row.driverKey}|${row.month.slice(0, 4)}`;
    const paidBefore = paid.get(yearKey) ?? 0;
    const uncapped = kmCents(row.kmTenths, rates.centsPerKm);
    let allowance = uncapped;
    let cap: CapReached = null;
    if (rates.monthlyCapCents !== null && allowance > rates.monthlyCapCents) {
      allowance = rates.monthlyCapCents;
      cap = 'monthly';
    }
    if (rates.yearlyCapCents !== null && allowance > rates.yearlyCapCents - paidBefore) {
      allowance = Math.max(0, rates.yearlyCapCents - paidBefore);
      cap = 'yearly';
    }
    paid.set(yearKey, paidBefore + allowance);
    return {
      ...row,
      uncappedCents: uncapped,
      allowanceCents: allowance,
      paidBeforeInYearCents: paidBefore,
      cap,
    };
  });
}
