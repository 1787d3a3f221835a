import { CostCategory, CostLine } from './cost-lines';

/** What a municipality (or the region) pays in a month, by kind of cost. */
export interface CostTotals {
  childcareGrossCents: number;
  ownContributionCents: number;
  /** The municipality's share of childcare: gross less own contributions. */
  childcareCents: number;
  travelCents: number;
  driverAllowanceCents: number;
  taxiCents: number;
  interpreterCents: number;
  /** Everything the municipality pays: its childcare share, travel, allowances, taxis and interpreters. */
  totalCents: number;
}

export interface ProgrammeBudgetUse {
  programmeId: string;
  budgetCents: number | null;
  monthCents: number;
  /** Everything charged to the programme up to and including the month. */
  toDateCents: number;
  remainingCents: number | null;
  overBudget: boolean;
}

const FIELD: Record<Exclude<CostCategory, 'childcare'>, keyof CostTotals> = {
  travel: 'travelCents',
  'driver-allowance': 'driverAllowanceCents',
  taxi: 'taxiCents',
  interpreter: 'interpreterCents',
};

export function costTotals(lines: CostLine[]): CostTotals {
  const totals: CostTotals = {
    childcareGrossCents: 0,
    ownContributionCents: 0,
    childcareCents: 0,
    travelCents: 0,
    driverAllowanceCents: 0,
    taxiCents: 0,
    interpreterCents: 0,
    totalCents: 0,
  };
  for (const line of lines) {
    if (line.category === 'childcare') {
      totals.childcareGrossCents += line.grossCents;
      totals.ownContributionCents += line.ownContributionCents;
      totals.childcareCents += line.amountCents;
    } else {
      totals[FIELD[line.category]] += line.amountCents;
    }
    totals.totalCents += line.amountCents;
  }
  return totals;
}

/** Totals per municipality, in the order given. */
export function totalsBy(lines: CostLine[], municipalityIds: string[]): Map<string, CostTotals> {
  return new Map(
    municipalityIds.map((id) => [id, costTotals(lines.filter((line) => line.municipalityId === id))]),
  );
}

/**
 * Each programme's budget against what it cost in the month and up to the month's end (`lines` of all months).
 * A programme without a budget shows what it cost, with nothing remaining to compare.
 */
export function budgetUse(
  lines: CostLine[],
  month: string,
  programmes: { programmeId: string; budgetCents: number | null }[],
): ProgrammeBudgetUse[] {
  return programmes.map(({ programmeId, budgetCents }) => {
    const own = lines.filter((line) => line.programmeId === programmeId && line.month <= month);
    const sum = (rows: CostLine[]) => rows.reduce((total, line) => total + line.amountCents, 0);
    const toDateCents = sum(own);
    const remainingCents = budgetCents === null ? null : budgetCents - toDateCents;
    return {
      programmeId,
      budgetCents,
      monthCents: sum(own.filter((line) => line.month === month)),
      toDateCents,
      remainingCents,
      overBudget: remainingCents !== null && remainingCents < 0,
    };
  });
}
