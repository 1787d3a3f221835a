import { allocateCents, childcareGrossCents, kmCents, ownContributionCents } from './amounts';
import { CostItems } from './cost-items';
import { costLines } from './cost-lines';
import { budgetUse, costTotals } from './cost-report';
import { CostRates, NO_COST_RATES } from './cost-rates';
import { driverAllowances } from './driver-allowance';

const rates: CostRates = {
  childcare: { ownContributionPercent: 10, ownContributionCentsPerHour: 50 },
  travel: { public: { centsPerTrip: 250, centsPerKm: 0 }, bike: { centsPerTrip: 0, centsPerKm: 19 } },
  drivers: { centsPerKm: 23, monthlyCapCents: 10_000, yearlyCapCents: 25_000 },
  taxi: { centsPerKm: 150, centsPerHour: 3_000 },
  interpreters: { centsPerHour: 6_000 },
};

const at = { month: '2027-01', municipalityId: 'm1', programmeId: 'pr1' };

describe('costs: amounts', () => {
  it.each([
    [125, 23, 288], // 12.5 km × 23 ct = 287.5 → 288
    [10, 19, 19],
    [0, 23, 0],
  ])('pays %i tenths of a km at %i ct/km as %i ct', (tenths, rate, cents) => {
    expect(kmCents(tenths, rate)).toBe(cents);
  });

  it.each([
    // gross, minutes, percent, per hour, own contribution
    [3075, 180, 0, 0, 0],
    [3075, 180, 10, 0, 308], // 10 % of € 30.75 = 307.5 → 308
    [3075, 180, 10, 50, 458], // + 3 h × 50 ct
    [3075, 180, 0, 2000, 3075], // never more than the gross
    [0, 180, 10, 50, 0], // a volunteer oppas is free for the family too
  ])(
    'takes an own contribution of gross %i over %i min (%i %%, %i ct/h) as %i',
    (gross, min, pct, ph, own) => {
      expect(
        ownContributionCents(gross, min, { ownContributionPercent: pct, ownContributionCentsPerHour: ph }),
      ).toBe(own);
    },
  );

  it('prices childcare as hours × price per hour in cents', () => {
    expect(childcareGrossCents(3, 10.25)).toBe(3075);
    expect(childcareGrossCents(2.75, 9.45)).toBe(2599); // 25.9875
  });

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [3, 1], [8, 2]],
    [7, [0, 0], [0, 0]],
    [5, [2, 0, 2], [3, 0, 2]],
  ])('splits %i ct over weights %j as %j, adding up exactly', (total, weights, parts) => {
    expect(allocateCents(total, weights)).toEqual(parts);
  });
});

describe('costs: volunteer drivers’ allowance', () => {
  it('caps a month at the monthly cap and the year at the yearly cap, starting afresh each year', () => {
    const allowances = driverAllowances(
      [
        { driverKey: 'd1', month: '2027-02', kmTenths: 5000 }, // 500 km: 115,00 → 100,00
        { driverKey: 'd1', month: '2027-01', kmTenths: 2000 }, // 200 km: 46,00
        { driverKey: 'd1', month: '2027-03', kmTenths: 4000 }, // 92,00, but 250 − 146 = 104 left: 92,00
        { driverKey: 'd1', month: '2027-04', kmTenths: 3000 }, // 69,00, 12,00 left
        { driverKey: 'd1', month: '2028-01', kmTenths: 1000 }, // a new year: 23,00
        { driverKey: 'd2', month: '2027-01', kmTenths: 10 },
      ],
      rates.drivers,
    );
    expect(allowances.map((a) => [a.driverKey, a.month, a.uncappedCents, a.allowanceCents, a.cap])).toEqual([
      ['d1', '2027-01', 4600, 4600, null],
      ['d1', '2027-02', 11500, 10000, 'monthly'],
      ['d1', '2027-03', 9200, 9200, null],
      ['d1', '2027-04', 6900, 1200, 'yearly'],
      ['d1', '2028-01', 2300, 2300, null],
      ['d2', '2027-01', 23, 23, null],
    ]);
    expect(allowances[3].paidBeforeInYearCents).toBe(4600 + 10000 + 9200);
  });

  it('pays every kilometre without caps', () => {
    const [allowance] = driverAllowances([{ driverKey: 'd1', month: '2027-01', kmTenths: 100_000 }], {
      centsPerKm: 23,
      monthlyCapCents: null,
      yearlyCapCents: null,
    });
    expect(allowance).toMatchObject({ allowanceCents: 230_000, cap: null });
  });
});

describe('costs: lines of a month', () => {
  const items: CostItems = {
    care: [
      { ...at, participantId: 'p1', providerId: 'kdv', minutes: 180, pricePerHour: 10.25 },
      { ...at, participantId: 'p1', providerId: 'kdv', minutes: 180, pricePerHour: 10.25 },
      { ...at, participantId: 'p2', providerId: 'oppas', minutes: 180, pricePerHour: 0 },
    ],
    travel: [
      { ...at, participantId: 'p3', mode: 'public', kmTenths: 84 },
      { ...at, participantId: 'p3', mode: 'public', kmTenths: 84 },
      { ...at, participantId: 'p4', mode: 'bike', kmTenths: 31 },
    ],
    rides: [
      { ...at, vehicleId: 'bus', driverKey: 'd1', volunteer: true, kmTenths: 3000, minutes: 60 },
      {
        ...at,
        municipalityId: 'm2',
        vehicleId: 'bus',
        driverKey: 'd1',
        volunteer: true,
        kmTenths: 2000,
        minutes: 40,
      },
      { ...at, vehicleId: 'taxi', driverKey: 'taxi', volunteer: false, kmTenths: 225, minutes: 45 },
    ],
    interpreting: [{ ...at, interpreterId: 'i1', minutes: 180 }],
  };

  it('prices each kind of cost by the region’s rates, per line, and splits a capped allowance by km', () => {
    const { lines, drivers } = costLines(items, rates);
    const line = (category: string, subject: string, municipality = 'm1') =>
      lines.find(
        (l) => l.category === category && l.subjectId === subject && l.municipalityId === municipality,
      );
    // 6 h × € 10,25 = 61,50; own: 10 % = 6,15 + 6 h × 0,50 = 3,00.
    expect(line('childcare', 'p1')).toMatchObject({
      minutes: 360,
      grossCents: 6150,
      ownContributionCents: 915,
      amountCents: 5235,
    });
    expect(line('childcare', 'p2')).toMatchObject({ grossCents: 0, ownContributionCents: 0, amountCents: 0 });
    // Two sessions by bus: four trips at € 2,50.
    expect(line('travel', 'p3')).toMatchObject({ trips: 4, kmTenths: 336, amountCents: 1000 });
    // One session by bike: 2 × 3,1 km at 19 ct = 117,8 → 118.
    expect(line('travel', 'p4')).toMatchObject({ trips: 2, kmTenths: 62, amountCents: 118 });
    // 22,5 km × 1,50 + 0,75 h × 30,00 = 33,75 + 22,50.
    expect(line('taxi', 'taxi')).toMatchObject({ amountCents: 5625 });
    expect(line('interpreter', 'i1')).toMatchObject({ amountCents: 18000 });
    // 500 km × 0,23 = 115,00, capped at 100,00: 3/5 to m1, 2/5 to m2.
    expect(drivers).toEqual([
      expect.objectContaining({
        driverKey: 'd1',
        uncappedCents: 11500,
        allowanceCents: 10000,
        cap: 'monthly',
      }),
    ]);
    expect(line('driver-allowance', 'd1')).toMatchObject({ kmTenths: 3000, amountCents: 6000 });
    expect(line('driver-allowance', 'd1', 'm2')).toMatchObject({ kmTenths: 2000, amountCents: 4000 });
  });

  it('adds the lines up to totals and budgets', () => {
    const { lines } = costLines(items, rates);
    expect(costTotals(lines)).toEqual({
      childcareGrossCents: 6150,
      ownContributionCents: 915,
      childcareCents: 5235,
      travelCents: 1118,
      driverAllowanceCents: 10000,
      taxiCents: 5625,
      interpreterCents: 18000,
      totalCents: 5235 + 1118 + 10000 + 5625 + 18000,
    });
    const earlier = lines.map((l) => ({ ...l, month: '2026-12' }));
    expect(
      budgetUse([...earlier, ...lines], '2027-01', [
        { programmeId: 'pr1', budgetCents: 50_000 },
        { programmeId: 'pr2', budgetCents: null },
      ]),
    ).toEqual([
      {
        programmeId: 'pr1',
        budgetCents: 50_000,
        monthCents: 39978,
        toDateCents: 79956,
        remainingCents: 50_000 - 79956,
        overBudget: true,
      },
      {
        programmeId: 'pr2',
        budgetCents: null,
        monthCents: 0,
        toDateCents: 0,
        remainingCents: null,
        overBudget: false,
      },
    ]);
  });

  it('charges nothing but the childcare’s gross when a region has set no rates', () => {
    const totals = costTotals(costLines(items, NO_COST_RATES).lines);
    expect(totals).toMatchObject({ childcareGrossCents: 6150, ownContributionCents: 0, totalCents: 6150 });
  });
});
