import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The monthly costs of a pilot as it ran (Bronckhorst: a Tigrinya interpreter, a volunteer bus, volunteer care,
 * half the group online for three weeks), checked by hand from the plan export and the region's rates.
 */
const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'bronckhorst-online.scenario.json'), 'utf8'),
);
const rates = {
  childcare: { ownContributionPercent: 0, ownContributionCentsPerHour: 0 },
  travel: { public: { centsPerTrip: 300, centsPerKm: 0 }, bike: { centsPerTrip: 0, centsPerKm: 19 } },
  drivers: { centsPerKm: 23, monthlyCapCents: 100_000, yearlyCapCents: 1_000_000 },
  taxi: { centsPerKm: 120, centsPerHour: 2_500 },
  interpreters: { centsPerHour: 5_500 },
};

interface Pos {
  lat: number;
  lon: number;
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

describe('the costs of a pilot as it ran (Bronckhorst, partly online)', () => {
  let api: TestApp;
  let programmeId: string;

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', { ...fixture, costs: rates }).expect(200);
    const region = (await api.get(`/regions/${fixture.region}`).expect(200)).body;
    const bus = (await api.get(`/vehicles?region=${fixture.region}`).expect(200)).body.items[0];
    await api.post('/drivers', { regionId: region.id, name: 'Gerrit', vehicleId: bus.id }).expect(201);
    programmeId = (await api.get(`/programmes?region=${fixture.region}`).expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
  }, 240_000);
  afterAll(() => api.close());

  it('charges the interpreter per hour of session and the volunteer driver per km, as worked out by hand', async () => {
    const month = '2027-03';
    const plan = (await api.get(`/exports/plan?region=${fixture.region}`).expect(200)).body;
    const inMonth = (instant: string) => instant.slice(0, 7) === month;
    const sessions = plan.sessions.filter((s: { start: string }) => inMonth(s.start));
    expect(sessions.length).toBeGreaterThan(0);

    const interpreterMinutes = sessions.reduce(
      (sum: number, s: { start: string; end: string; interpreterIds: string[] }) =>
        sum + minutes(s.start, s.end) * s.interpreterIds.length,
      0,
    );
    expect(interpreterMinutes).toBeGreaterThan(0);
    const location = fixture.locations[0].position as Pos;
    const depot = fixture.vehicles[0].depot as Pos;
    const kmTenths = plan.routes
      .filter((r: { depart: string }) => inMonth(r.depart))
      .reduce((sum: number, route: { direction: 'to' | 'from'; stops: { position: Pos }[] }) => {
        const homes = route.stops.map((stop) => stop.position);
        const path = route.direction === 'to' ? [depot, ...homes, location] : [location, ...homes, depot];
        return sum + Math.round(path.slice(1).reduce((km, to, i) => km + roadKm(path[i], to), 0) * 10);
      }, 0);
    expect(kmTenths).toBeGreaterThan(0);

    const report = (await api.get(`/costs?region=${fixture.region}&month=${month}`).expect(200)).body;
    const [row] = report.municipalities;
    expect(row).toMatchObject({
      interpreterCents: Math.round((interpreterMinutes * 5500) / 60),
      // Volunteer care costs nothing; nobody travels by bus or bike; the bus is driven by a volunteer.
      childcareGrossCents: 0,
      travelCents: 0,
      taxiCents: 0,
    });
    expect(Math.abs(row.driverAllowanceCents - Math.round((kmTenths * 23) / 10))).toBeLessThanOrEqual(1);
    expect(row.totalCents).toBe(row.childcareCents + row.interpreterCents + row.driverAllowanceCents);

    const csv = (await api.get(`/costs?region=${fixture.region}&month=${month}&format=csv`).expect(200)).text;
    expect(csv.split('\n').filter((line) => line.includes('interpreter')).length).toBeGreaterThan(0);
  }, 60_000);

  it('drives less in the weeks half the group meets online', async () => {
    const plan = (await api.get(`/exports/plan?region=${fixture.region}`).expect(200)).body;
    const online = new Set<string>(fixture.programme.online[0].participantIds);
    const riders = (from: string, to: string) =>
      plan.routes
        .filter((r: { depart: string }) => r.depart.slice(0, 10) >= from && r.depart.slice(0, 10) <= to)
        .flatMap((r: { stops: { participantId: string }[] }) => r.stops.map((stop) => stop.participantId));
    const during = riders('2027-03-15', '2027-04-04');
    const before = riders('2027-03-01', '2027-03-14');
    // The ones who stay in person still ride; the online half rode before and does not ride then.
    expect(during.length).toBeGreaterThan(0);
    expect(before.filter((id: string) => online.has(id)).length).toBeGreaterThan(0);
    expect(during.filter((id: string) => online.has(id))).toEqual([]);
  }, 60_000);

  it('weighs the programme against its budget', async () => {
    await api.put(`/programmes/${programmeId}/budget`, { amountCents: 100_000 }).expect(200);
    const march = (await api.get(`/costs?region=${fixture.region}&month=2027-03`).expect(200)).body;
    const [programme] = march.programmes;
    expect(programme).toMatchObject({ programmeId, budgetCents: 100_000 });
    expect(programme.remainingCents).toBe(100_000 - programme.toDateCents);
    expect(programme.overBudget).toBe(programme.toDateCents > 100_000);
  }, 60_000);
});
