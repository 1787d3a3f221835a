import { CostCategory } from '../../../planning/costs/cost-lines';
import { CostRates } from '../../../planning/costs/cost-rates';
import { CapReached } from '../../../planning/costs/driver-allowance';
import { CostTotals, ProgrammeBudgetUse } from '../../../planning/costs/cost-report';

/** One line of the report: what one municipality pays for one subject in the month (the CSV's rows). */
export interface CostReportLine {
  category: CostCategory;
  municipalityId: string;
  programmeId: string;
  /** The participant, driver (or vehicle, when no driver is named), taxi vehicle or interpreter. */
  subjectId: string;
  subjectRef: string | null;
  subjectName: string;
  /** The care provider's name (childcare) or the way she comes, `public` or `bike` (travel). */
  detail: string | null;
  hours: number;
  km: number;
  trips: number;
  grossCents: number;
  ownContributionCents: number;
  amountCents: number;
}

export interface CostReport {
  region: string;
  month: string;
  currency: 'EUR';
  rates: CostRates;
  total: CostTotals;
  municipalities: (CostTotals & { municipalityId: string; ref: string | null; name: string })[];
  programmes: (ProgrammeBudgetUse & { ref: string | null; name: string })[];
  /** Each volunteer driver's allowance in the month, with the cap it reached. */
  drivers: {
    driverId: string | null;
    vehicleId: string;
    name: string;
    km: number;
    uncappedCents: number;
    allowanceCents: number;
    paidBeforeInYearCents: number;
    cap: CapReached;
  }[];
  lines: CostReportLine[];
}
