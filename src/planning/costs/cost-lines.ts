import { allocateCents, childcareGrossCents, hourCents, kmCents, ownContributionCents } from './amounts';
import { Charged, CostItems } from './cost-items';
import { CostRates } from './cost-rates';
import { DriverAllowance, driverAllowances } from './driver-allowance';

export const COST_CATEGORIES = ['childcare', 'travel', 'driver-allowance', 'taxi', 'interpreter'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/**
 * One line of the cost report: what one municipality pays in one month, for one programme, for one subject (a
 * mother and her care provider, a woman's travel, a driver, a taxi, an interpreter). `amountCents` is what the
 * municipality pays: the gross less the family's own contribution.
 */
export interface CostLine extends Charged {
  category: CostCategory;
  /** The participant, driver key, vehicle or interpreter. */
  subjectId: string;
  /** The care provider (childcare) or the way of coming (travel). */
  detail: string | null;
  minutes: number;
  kmTenths: number;
  trips: number;
  grossCents: number;
  ownContributionCents: number;
  amountCents: number;
}

type Quantities = Pick<CostLine, 'minutes' | 'kmTenths' | 'trips'>;

/** Sums items into lines by month, category, municipality, programme, subject and detail. */
function gather<T extends Charged>(
  items: T[],
  category: CostCategory,
  subject: (item: T) => string,
  detail: (item: T) => string | null,
  quantities: (item: T) => Quantities,
): Map<string, CostLine & { items: T[] }> {
  const lines = new Map<string, CostLine & { items: T[] }>();
  for (const item of items) {
    const key = [item.month, item.municipalityId, item.programmeId, subject(item), detail(item)].join('|');
    const line = lines.get(key) ?? {
      month: item.month,
      municipalityId: item.municipalityId,
      programmeId: item.programmeId,
      category,
      subjectId: subject(item),
      detail: detail(item),
      minutes: 0,
      kmTenths: 0,
      trips: 0,
      grossCents: 0,
      ownContributionCents: 0,
      amountCents: 0,
      items: [],
    };
    const more = quantities(item);
    line.minutes += more.minutes;
    line.kmTenths += more.kmTenths;
    line.trips += more.trips;
    line.items.push(item);
    lines.set(key, line);
  }
  return lines;
}

const priced = (line: CostLine & { items: unknown[] }, grossCents: number, ownCents = 0): CostLine => {
  const { items: _items, ...rest } = line;
  return { ...rest, grossCents, ownContributionCents: ownCents, amountCents: grossCents - ownCents };
};

/**
 * The cost lines of every month the items cover, and each volunteer driver's allowance per month. Rounding is to
 * whole cents per line; a driver's capped allowance is split over the municipalities and programmes she drove
 * for in proportion to her kilometres, so that the lines add up to it exactly.
 */
export function costLines(
  items: CostItems,
  rates: CostRates,
): { lines: CostLine[]; drivers: DriverAllowance[] } {
  const lines: CostLine[] = [];

  const care = gather(
    items.care,
    'childcare',
    (item) => item.participantId,
    (item) => item.providerId,
    (item) => ({ minutes: item.minutes, kmTenths: 0, trips: 0 }),
  );
  for (const line of care.values()) {
    const gross = childcareGrossCents(line.minutes / 60, line.items[0].pricePerHour);
    lines.push(priced(line, gross, ownContributionCents(gross, line.minutes, rates.childcare)));
  }

  const travel = gather(
    items.travel,
    'travel',
    (item) => item.participantId,
    (item) => item.mode,
    (item) => ({ minutes: 0, kmTenths: 2 * item.kmTenths, trips: 2 }),
  );
  for (const line of travel.values()) {
    const rate = rates.travel[line.detail as keyof CostRates['travel']];
    lines.push(priced(line, line.trips * rate.centsPerTrip + kmCents(line.kmTenths, rate.centsPerKm)));
  }

  const taxis = gather(
    items.rides.filter((ride) => !ride.volunteer),
    'taxi',
    (item) => item.vehicleId,
    () => null,
    (item) => ({ minutes: item.minutes, kmTenths: item.kmTenths, trips: 1 }),
  );
  for (const line of taxis.values()) {
    const { centsPerKm, centsPerHour } = rates.taxi;
    lines.push(priced(line, kmCents(line.kmTenths, centsPerKm) + hourCents(line.minutes, centsPerHour)));
  }

  const interpreting = gather(
    items.interpreting,
    'interpreter',
    (item) => item.interpreterId,
    () => null,
    (item) => ({ minutes: item.minutes, kmTenths: 0, trips: 0 }),
  );
  for (const line of interpreting.values()) {
    lines.push(priced(line, hourCents(line.minutes, rates.interpreters.centsPerHour)));
  }

  const driving = [
    ...gather(
      items.rides.filter((ride) => ride.volunteer),
      'driver-allowance',
      (item) => item.driverKey,
      () => null,
      (item) => ({ minutes: item.minutes, kmTenths: item.kmTenths, trips: 1 }),
    ).values(),
  ];
  const months = new Map<string, { driverKey: string; month: string; kmTenths: number }>();
  for (const line of driving) {
    const key = `${line.subjectId}|${line.month}`;
    const month = months.get(key) ?? { driverKey: line.subjectId, month: line.month, kmTenths: 0 };
    month.kmTenths += line.kmTenths;
    months.set(key, month);
  }
  const drivers = driverAllowances([...months.values()], rates.drivers);
  for (const allowance of drivers) {
    const parts = driving.filter(
      (line) => line.subjectId === allowance.driverKey && line.month === allowance.month,
    );
    const shares = allocateCents(
      allowance.allowanceCents,
      parts.map((line) => line.kmTenths),
    );
    parts.forEach((line, index) => lines.push(priced(line, shares[index])));
  }

  return { lines, drivers };
}
