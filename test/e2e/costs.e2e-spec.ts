import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The monthly cost report of the Berkelland example, checked by hand: every figure is worked out here from the
 * plan's sessions, bookings and routes and the rates in the scenario, with the travel module's offline distances
 * (straight line × 1.3), not by the service's code.
 */
const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'berkelland.scenario.json'), 'utf8'),
);

// Caps low enough that the Naoberbus's driver reaches both with Berkelland's rides (her March is about € 140).
const MONTHLY_CAP = 10_000;
const YEARLY_CAP = 35_000;
const rates = {
  childcare: { ownContributionPercent: 5, ownContributionCentsPerHour: 25 },
  travel: { public: { centsPerTrip: 300, centsPerKm: 0 }, bike: { centsPerTrip: 0, centsPerKm: 19 } },
  drivers: { centsPerKm: 23, monthlyCapCents: MONTHLY_CAP, yearlyCapCents: YEARLY_CAP },
  taxi: { centsPerKm: 120, centsPerHour: 2_500 },
  interpreters: { centsPerHour: 5_500 },
};
const scenario = { ...fixture, costs: rates };

interface Pos {
  lat: number;
  lon: number;
}
interface Plan {
  sessions: {
    id: string;
    groupId: string;
    locationId: string;
    start: string;
    end: string;
    interpreterIds: string[];
  }[];
  absentByConflict: { participantId: string; sessionId: string }[];
  childcare: { participantId: string; providerId: string; from: string; to: string }[];
  routes: {
    sessionId: string;
    vehicleId: string;
    direction: 'to' | 'from';
    depart: string;
    arrive: string;
    stops: { position: Pos }[];
  }[];
}

/** The offline model's road km: great-circle distance × 1.3, nothing below 50 m. */
function roadKm(a: Pos, b: Pos): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  const km = 2 * 6371 * Math.asin(Math.sqrt(h)) * 1.3;
  return km < 0.05 ? 0 : km;
}
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const add = (map: Map<string, number>, key: string, value: number) =>
  map.set(key, (map.get(key) ?? 0) + value);

describe('costs and budget', () => {
  let api: TestApp;
  let plan: Plan;
  let programmeId: string;
  const municipalityOfRef = new Map<string, string>(); // scenario ref → database id
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const participants = byId(
    fixture.participants as { id: string; municipalityId: string; transport: string; position: Pos }[],
  );
  const locations = byId(fixture.locations as { id: string; municipalityId: string; position: Pos }[]);
  const vehicles = byId(fixture.vehicles as { id: string; depot: Pos; volunteerDriven: boolean }[]);
  const providers = byId(fixture.childcareProviders as { id: string; pricePerHour: number }[]);
  const groups = byId(fixture.programme.groups as { id: string; participantIds: string[] }[]);

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', scenario).expect(200);
    const region = (await api.get('/regions/berkelland').expect(200)).body;
    for (const m of (await api.get(`/municipalities?region=berkelland`).expect(200)).body.items) {
      municipalityOfRef.set(m.ref, m.id);
    }
    const bus = (await api.get('/vehicles?region=berkelland&ref=naoberbus').expect(200)).body.items[0];
    await api.post('/drivers', { regionId: region.id, name: 'Gerrit', vehicleId: bus.id }).expect(201);
    programmeId = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    plan = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
  }, 240_000);
  afterAll(() => api.close());

  /** Everything a month costs, by hand, per municipality (scenario refs) in cents. */
  function byHand(month: string, paidBeforeInYear: number) {
    const totals = new Map<string, Map<string, number>>();
    const put = (municipality: string, what: string, cents: number) =>
      add(totals.get(municipality) ?? totals.set(municipality, new Map()).get(municipality)!, what, cents);
    const inMonth = (instant: string) => instant.slice(0, 7) === month;

    // Childcare: per mother and provider, gross = hours × price; own contribution 5 % + 25 ct an hour.
    const care = new Map<string, number>();
    for (const booking of plan.childcare.filter((b) => inMonth(b.from))) {
      add(care, `${booking.participantId}|${booking.providerId}`, minutes(booking.from, booking.to));
    }
    for (const [key, min] of care) {
      const [mother, provider] = key.split('|');
      const gross = Math.round((min / 60) * providers.get(provider)!.pricePerHour * 100);
      const own = Math.min(gross, Math.round(gross * 0.05) + Math.round((min * 25) / 60));
      const municipality = participants.get(mother)!.municipalityId;
      put(municipality, 'gross', gross);
      put(municipality, 'own', own);
      put(municipality, 'childcare', gross - own);
    }

    // Travel: two trips a session she can come to; the bus € 3,00 a trip, the bike 19 ct a km.
    const absent = new Set(plan.absentByConflict.map((a) => `${a.participantId}|${a.sessionId}`));
    const travel = new Map<string, { trips: number; tenths: number }>();
    for (const session of plan.sessions.filter((s) => inMonth(s.start))) {
      const location = locations.get(session.locationId)!;
      for (const id of groups.get(session.groupId)!.participantIds) {
        const woman = participants.get(id)!;
        if (!['public', 'bike'].includes(woman.transport) || absent.has(`${id}|${session.id}`)) continue;
        const line = travel.get(id) ?? { trips: 0, tenths: 0 };
        line.trips += 2;
        line.tenths += 2 * Math.round(roadKm(woman.position, location.position) * 10);
        travel.set(id, line);
      }
    }
    for (const [id, line] of travel) {
      const woman = participants.get(id)!;
      put(
        woman.municipalityId,
        'travel',
        woman.transport === 'public' ? line.trips * 300 : Math.round((line.tenths * 19) / 10),
      );
    }

    // Routes: depot → homes → location, or location → homes → depot, rounded to 0,1 km each.
    const sessions = byId(plan.sessions);
    const taxi = new Map<string, { tenths: number; min: number }>();
    const driven = new Map<string, number>();
    for (const route of plan.routes.filter((r) => inMonth(r.depart))) {
      const vehicle = vehicles.get(route.vehicleId)!;
      const location = locations.get(sessions.get(route.sessionId)!.locationId)!;
      const homes = route.stops.map((stop) => stop.position);
      const path =
        route.direction === 'to'
          ? [vehicle.depot, ...homes, location.position]
          : [location.position, ...homes, vehicle.depot];
      const tenths = Math.round(path.slice(1).reduce((sum, to, i) => sum + roadKm(path[i], to), 0) * 10);
      if (vehicle.volunteerDriven) add(driven, location.municipalityId, tenths);
      else {
        const line = taxi.get(location.municipalityId) ?? { tenths: 0, min: 0 };
        line.tenths += tenths;
        line.min += minutes(route.depart, route.arrive);
        taxi.set(location.municipalityId, line);
      }
    }
    for (const [municipality, line] of taxi) {
      put(municipality, 'taxi', Math.round((line.tenths * 120) / 10) + Math.round((line.min * 2500) / 60));
    }
    // One volunteer drives the Naoberbus: 23 ct a km, at most € 100 a month and € 350 a year (the test's rates).
    const kmTenths = [...driven.values()].reduce((a, b) => a + b, 0);
    const uncapped = Math.round((kmTenths * 23) / 10);
    const allowance = Math.min(uncapped, MONTHLY_CAP, YEARLY_CAP - paidBeforeInYear);

    // Interpreters: € 55 an hour of session, per interpreter and municipality.
    const interpreting = new Map<string, number>();
    for (const session of plan.sessions.filter((s) => inMonth(s.start))) {
      const municipality = locations.get(session.locationId)!.municipalityId;
      for (const interpreter of session.interpreterIds) {
        add(interpreting, `${interpreter}|${municipality}`, minutes(session.start, session.end));
      }
    }
    for (const [key, min] of interpreting)
      put(key.split('|')[1], 'interpreter', Math.round((min * 5500) / 60));
    return { totals, kmTenths, uncapped, allowance, driven };
  }

  it('reports a month per municipality as worked out by hand, with the driver at her monthly cap', async () => {
    const month = '2027-03';
    let paid = 0;
    for (const earlier of ['2027-01', '2027-02']) paid += byHand(earlier, paid).allowance;
    const hand = byHand(month, paid);
    expect(hand.uncapped).toBeGreaterThan(MONTHLY_CAP);

    const report = (await api.get(`/costs?region=berkelland&month=${month}`).expect(200)).body;
    expect(report.rates).toEqual(rates);
    expect(report.drivers).toEqual([
      expect.objectContaining({
        name: 'Gerrit',
        km: hand.kmTenths / 10,
        uncappedCents: hand.uncapped,
        allowanceCents: MONTHLY_CAP,
        paidBeforeInYearCents: paid,
        cap: 'monthly',
      }),
    ]);
    // The capped allowance is split over the municipalities by the km driven for each, to the cent.
    const allowances = report.lines.filter((l: { category: string }) => l.category === 'driver-allowance');
    expect(allowances.reduce((sum: number, l: { amountCents: number }) => sum + l.amountCents, 0)).toBe(
      MONTHLY_CAP,
    );

    for (const ref of ['berkelland', 'bronckhorst']) {
      const own = hand.totals.get(ref) ?? new Map<string, number>();
      const cents = (what: string) => own.get(what) ?? 0;
      const row = report.municipalities.find((m: { ref: string }) => m.ref === ref);
      const share = Math.round((MONTHLY_CAP * (hand.driven.get(ref) ?? 0)) / hand.kmTenths);
      expect(row).toMatchObject({
        childcareGrossCents: cents('gross'),
        ownContributionCents: cents('own'),
        childcareCents: cents('childcare'),
        travelCents: cents('travel'),
        taxiCents: cents('taxi'),
        interpreterCents: cents('interpreter'),
      });
      expect(Math.abs(row.driverAllowanceCents - share)).toBeLessThanOrEqual(1);
      expect(row.totalCents).toBe(
        cents('childcare') +
          cents('travel') +
          cents('taxi') +
          cents('interpreter') +
          row.driverAllowanceCents,
      );
    }
    // Every kind of cost is there in this month.
    expect(report.total).toEqual(
      expect.objectContaining({
        childcareGrossCents: expect.any(Number),
        travelCents: expect.any(Number),
        taxiCents: expect.any(Number),
        interpreterCents: expect.any(Number),
      }),
    );
    for (const what of [
      'childcareGrossCents',
      'ownContributionCents',
      'travelCents',
      'taxiCents',
      'interpreterCents',
    ]) {
      expect(report.total[what]).toBeGreaterThan(0);
    }
  }, 60_000);

  it('stops the allowance at the yearly cap', async () => {
    let paid = 0;
    const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05'];
    const allowances = months.map((month) => {
      const hand = byHand(month, paid);
      paid += hand.allowance;
      return hand.allowance;
    });
    const capped = months.findIndex(
      (_, i) => allowances.slice(0, i + 1).reduce((a, b) => a + b, 0) === YEARLY_CAP,
    );
    expect(capped).toBeGreaterThan(0);
    const report = (await api.get(`/costs?region=berkelland&month=${months[capped]}`).expect(200)).body;
    expect(report.drivers[0]).toMatchObject({ allowanceCents: allowances[capped], cap: 'yearly' });
  }, 60_000);

  it('gives a CSV whose amounts add up to the JSON, per municipality', async () => {
    const json = (await api.get('/costs?region=berkelland&month=2027-03').expect(200)).body;
    const csv = await api.get('/costs?region=berkelland&month=2027-03&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    expect(header).toEqual([
      'month',
      'municipality',
      'programme',
      'category',
      'ref',
      'name',
      'detail',
      'hours',
      'km',
      'trips',
      'grossEur',
      'ownContributionEur',
      'amountEur',
    ]);
    expect(rows).toHaveLength(json.lines.length);
    const cents = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);
    for (const municipality of json.municipalities) {
      const own = rows.filter((row) => row[1] === municipality.name);
      expect(own.reduce((sum, row) => sum + cents(row[12]), 0)).toBe(municipality.totalCents);
      expect(own.reduce((sum, row) => sum + cents(row[11]), 0)).toBe(municipality.ownContributionCents);
    }
    expect(rows.reduce((sum, row) => sum + cents(row[12]), 0)).toBe(json.total.totalCents);
  }, 60_000);

  it('weighs the programme against its budget, up to and including the month', async () => {
    await api.put(`/programmes/${programmeId}/budget`, { amountCents: 2_000_000 }).expect(200);
    expect((await api.get(`/programmes/${programmeId}/budget`).expect(200)).body).toEqual({
      programmeId,
      amountCents: 2_000_000,
    });
    const months = ['2027-01', '2027-02', '2027-03'];
    const totals = [];
    for (const month of months) {
      totals.push(
        (await api.get(`/costs?region=berkelland&month=${month}`).expect(200)).body.total.totalCents,
      );
    }
    const march = (await api.get('/costs?region=berkelland&month=2027-03').expect(200)).body;
    const toDate = totals.reduce((a, b) => a + b, 0);
    expect(march.programmes).toEqual([
      expect.objectContaining({
        programmeId,
        budgetCents: 2_000_000,
        monthCents: totals[2],
        toDateCents: toDate,
        remainingCents: 2_000_000 - toDate,
        overBudget: false,
      }),
    ]);
  }, 60_000);

  it('reads and sets the rates, refusing bad ones by field and a coordinator of one municipality', async () => {
    expect((await api.get('/regions/berkelland/cost-rates').expect(200)).body).toEqual(rates);
    const bad = await api.put('/regions/berkelland/cost-rates', { drivers: { centsPerKm: -1 } }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/drivers\.centsPerKm/);
    await api
      .put('/regions/berkelland/cost-rates', { childcare: { ownContributionPercent: 101 } })
      .expect(400, /ownContributionPercent/);
    await api.put(`/programmes/${programmeId}/budget`, { amountCents: 1.5 }).expect(400, /amountCents/);
    await api.get('/costs?region=berkelland&month=2027-13').expect(400, /month/);

    const { token } = (
      await api
        .post('/tokens', {
          role: 'coordinator',
          regions: ['berkelland'],
          municipalities: ['bronckhorst'],
          label: 'Bronckhorst',
        })
        .expect(201)
    ).body;
    const bronckhorst = (
      await api
        .anonymous()
        .get('/costs?region=berkelland&month=2027-03')
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body;
    expect(bronckhorst.municipalities.map((m: { ref: string }) => m.ref)).toEqual(['bronckhorst']);
    expect(new Set(bronckhorst.lines.map((l: { municipalityId: string }) => l.municipalityId))).toEqual(
      new Set([municipalityOfRef.get('bronckhorst')]),
    );
    await api
      .anonymous()
      .put('/regions/berkelland/cost-rates')
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(403);

    const cleared = await api
      .put('/regions/berkelland/cost-rates', { interpreters: { centsPerHour: 6000 } })
      .expect(200);
    expect(cleared.body).toMatchObject({
      interpreters: { centsPerHour: 6000 },
      drivers: { centsPerKm: 0, monthlyCapCents: null },
    });
  }, 60_000);
});
