import { DateTime } from 'luxon';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import { everyDay, minibus, village } from '../factories/village.factory';

const zone = 'Europe/Amsterdam';
// Sessions tomorrow, so that a driver may see her route sheet (it opens the day before the rides).
const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
const at = (time: string) => DateTime.fromISO(`${tomorrow}T${time}`, { zone }).toISO()!;
const ms = (iso: string) => Date.parse(iso);
const weekdayOf = (date: string) => DateTime.fromISO(date, { zone }).weekday;

/** A village with a bus and a car, six women to collect (one with a toddler cared for at the location), one who cycles. */
const ritdorp = () =>
  village({
    region: 'ritdorp',
    startDate: tomorrow,
    participants: [1, 2, 3, 4, 5, 6, 7].map((n) => ({
      id: `p${n}`,
      name: `Amina${n} Test`,
      position: { lat: 52.1 + Math.sin(n) * 0.03, lon: 6.5 + Math.cos(n) * 0.04 },
      phone: `+3161111000${n}`,
      transport: n === 7 ? ('bike' as const) : ('pickup' as const),
      children: n === 1 ? [{ id: 'kind1', birthDate: '2025-01-15', careByPartner: false }] : [],
    })),
    vehicles: [
      minibus('bus'),
      { ...minibus('car', 3, 0, { lat: 52.09, lon: 6.49 }), name: 'Auto', kind: 'car' },
    ],
    childcareProviders: [
      {
        id: 'oppas',
        name: 'Oppas De Ster',
        kind: 'volunteer',
        locationId: 'buurthuis',
        position: { lat: 52.1, lon: 6.5 },
        openingHours: everyDay('08:00', '18:00'),
        places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 4 }],
        pricePerHour: 0,
      },
    ],
  });

interface Stop {
  id: string;
  participantId: string;
  time: string;
  children: number;
  status: string;
}
interface RouteView {
  id: string;
  vehicleId: string;
  direction: 'to' | 'from';
  depart: string;
  arrive: string;
  stops: Stop[];
}

describe('pickup routes and route sheets', () => {
  let api: TestApp;
  const ids: Record<string, string> = {};
  let sessionId: string;
  let driverToken: string;
  let routes: RouteView[];

  const routesOf = async () => (await api.get(`/sessions/${sessionId}/routes`).expect(200)).body;
  const asDriver = (path: string) => api.anonymous().get(path).set('Authorization', `Bearer ${driverToken}`);

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', ritdorp()).expect(200);
    for (const path of ['/participants', '/vehicles', '/groups', '/children']) {
      (await api.get(`${path}?region=ritdorp&limit=100`).expect(200)).body.items.forEach(
        (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
      );
    }
    ids.tr = (await api.get('/trainers?region=ritdorp').expect(200)).body.items[0].id;
    const regionId = (await api.get('/regions/ritdorp').expect(200)).body.id;
    sessionId = (
      await api
        .post('/sessions', {
          regionId,
          groupId: ids.g,
          start: at('10:00'),
          end: at('12:30'),
          trainerId: ids.tr,
        })
        .expect(201)
    ).body.id;
    const driver = await api.post('/drivers', {
      regionId,
      name: 'Henk',
      phone: '0544-111111',
      vehicleId: ids.bus,
    });
    ids.driver = driver.body.id;
    driverToken = (await api.post('/tokens', { role: 'driver', driverId: ids.driver }).expect(201)).body
      .token;
  });
  afterAll(() => api.close());

  it('collects every woman who needs it and brings her home, within seats, child seats, times and ride limits', async () => {
    const plan = (await api.post(`/sessions/${sessionId}/routes/plan`).expect(200)).body;
    expect(plan).toMatchObject({ sessions: 1, riders: 12, unrouted: [] });
    routes = (await routesOf()).routes;
    for (const direction of ['to', 'from'] as const) {
      const riders = routes
        .filter((route) => route.direction === direction)
        .flatMap((route) => route.stops.map((stop) => stop.participantId));
      expect(riders.sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((ref) => ids[ref]).sort());
    }
    const seats: Record<string, [number, number]> = { [ids.bus]: [8, 2], [ids.car]: [3, 0] };
    for (const route of routes) {
      const people = route.stops.reduce((n, stop) => n + 1 + stop.children, 0);
      const children = route.stops.reduce((n, stop) => n + stop.children, 0);
      expect(people).toBeLessThanOrEqual(seats[route.vehicleId][0]);
      expect(children).toBeLessThanOrEqual(seats[route.vehicleId][1]);
      const times = route.stops.map((stop) => ms(stop.time));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      if (route.direction === 'to') {
        expect(ms(route.arrive)).toBeLessThanOrEqual(ms(at('09:50')));
        for (const stop of route.stops)
          expect(ms(route.arrive) - ms(stop.time)).toBeLessThanOrEqual(45 * 60000 * 1.8);
      } else {
        expect(ms(route.depart)).toBeGreaterThanOrEqual(ms(at('12:30')));
      }
    }
    // Her toddler is cared for at the location, so she rides along, in the bus with its child seats.
    const withChild = routes.flatMap((r) => r.stops.map((s) => ({ ...s, vehicleId: r.vehicleId })));
    expect(withChild.filter((s) => s.participantId === ids.p1).map((s) => [s.children, s.vehicleId])).toEqual(
      [
        [1, ids.bus],
        [1, ids.bus],
      ],
    );
  });

  it('re-plans without changes when nothing changed', async () => {
    const again = (await api.post(`/sessions/${sessionId}/routes/replan`).expect(200)).body;
    expect(again.changes).toEqual([]);
    expect(again.unrouted).toEqual([]);
  });

  it('gives the driver her route sheet as JSON and as a page for her phone, the day before only', async () => {
    const sheet = (await asDriver(`/drivers/me/routes?date=${tomorrow}`).expect(200)).body;
    expect(sheet.routes.length).toBeGreaterThan(0);
    const [first] = sheet.routes;
    expect(first.navigationUrl).toMatch(/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=/);
    expect(first.stops[0]).toEqual(
      expect.objectContaining({
        firstName: expect.stringMatching(/^Amina\d$/),
        phone: expect.stringMatching(/^\+316/),
      }),
    );
    expect(first.location).toEqual({ name: 'Buurthuis De Ster', address: 'Dorpsstraat 1' });
    const page = await asDriver(`/drivers/me/routes?date=${tomorrow}&format=html`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Navigeer de hele route');
    expect(page.text).toContain(first.stops[0].firstName);
    // Names are written as text: markup in a name never reaches the page as markup.
    const stopId = first.stops[0].id;
    const current: RouteView[] = (await routesOf()).routes;
    const rider = current.flatMap((r) => r.stops).find((stop) => stop.id === stopId)!.participantId;
    await api.patch(`/participants/${rider}`, { name: '<b>Amina</b> Test' }).expect(200);
    const marked = await asDriver(`/drivers/me/routes?date=${tomorrow}&format=html`).expect(200);
    expect(marked.text).toContain('&lt;b&gt;Amina&lt;/b&gt;');
    expect(marked.text).not.toContain('<b>Amina</b>');
    await api.patch(`/participants/${rider}`, { name: `${first.stops[0].firstName} Test` }).expect(200);
    const later = DateTime.fromISO(tomorrow).plus({ days: 7 }).toISODate();
    await asDriver(`/drivers/me/routes?date=${later}`).expect(403);
    // Her coordinator sees any day's sheet.
    await api.get(`/drivers/${ids.driver}/routes?date=${later}`).expect(200);
    await asDriver(`/drivers/me/routes?date=tomorrow`).expect(400, /date/);
  });

  it('records a no-show as her absence: her ride home and her child’s place go, the others keep their times', async () => {
    routes = (await routesOf()).routes;
    const busTo = routes.find((route) => route.direction === 'to' && route.vehicleId === ids.bus)!;
    const stop = busTo.stops.find((s) => s.participantId === ids.p1)!;
    await api
      .anonymous()
      .post(`/route-stops/${stop.id}/no-show`)
      .set('Authorization', `Bearer ${driverToken}`)
      .expect(204);
    const attendance = (await api.get(`/sessions/${sessionId}/attendance`).expect(200)).body.items;
    expect(attendance).toContainEqual({ participantId: ids.p1, state: 'absent', reason: 'no-show' });
    const after: RouteView[] = (await routesOf()).routes;
    const home = after.filter((route) => route.direction === 'from').flatMap((route) => route.stops);
    expect(home.map((s) => s.participantId)).not.toContain(ids.p1);
    const care = (await api.get(`/childcare/bookings?session=${sessionId}&status=cancelled`).expect(200)).body
      .items;
    expect(care.map((b: { statusReason: string }) => b.statusReason)).toEqual(['mother absent']);
    // The others ride home at about the same times as before.
    const before = new Map(
      routes
        .filter((r) => r.direction === 'from')
        .flatMap((r) => r.stops.map((s) => [s.participantId, ms(s.time)])),
    );
    for (const s of home)
      expect(Math.abs(ms(s.time) - before.get(s.participantId)!)).toBeLessThanOrEqual(15 * 60000);
  });

  it('collects nobody one way only: a woman who cannot be taken home is not brought either', async () => {
    // Both vehicles go home at noon, before the session ends: nobody can be taken home.
    const morning = [{ weekday: weekdayOf(tomorrow), from: '07:30', to: '12:00' }];
    for (const vehicle of [ids.bus, ids.car])
      await api.patch(`/vehicles/${vehicle}`, { availability: morning }).expect(200);
    const plan = (await api.post(`/sessions/${sessionId}/routes/plan`).expect(200)).body;
    expect((await routesOf()).routes).toEqual([]);
    const there = plan.unrouted.filter((u: { direction: string }) => u.direction === 'to');
    expect(there.length).toBeGreaterThan(0);
    expect(there.every((u: { reason: string }) => u.reason.startsWith('no ride back'))).toBe(true);
    for (const vehicle of [ids.bus, ids.car])
      await api.patch(`/vehicles/${vehicle}`, { availability: everyDay('07:30', '18:00') }).expect(200);
  });

  it('says who cannot be collected and why', async () => {
    await api.patch(`/vehicles/${ids.car}`, { availability: [] }).expect(200);
    await api.patch(`/vehicles/${ids.bus}`, { seats: 2, childSeats: 0 }).expect(200);
    const plan = (await api.post(`/sessions/${sessionId}/routes/plan`).expect(200)).body;
    expect(plan.unrouted.length).toBeGreaterThan(0);
    // Two seats: they lack seats, or the time for more trips (whoever has no ride back is not brought either).
    const reasons: string[] = plan.unrouted.map((u: { reason: string }) => u.reason);
    expect(
      reasons.every((reason) =>
        /all vehicles are full|no vehicle can fit her in|no vehicle has room for her/.test(reason),
      ),
    ).toBe(true);
    const listed = (await routesOf()).unrouted;
    expect(listed).toHaveLength(plan.unrouted.length);
    // The rides home are planned for the women brought there: the others have no ride there, so none back.
    const { routes } = await routesOf();
    const riders = (direction: string) =>
      new Set(
        routes
          .filter((route: RouteView) => route.direction === direction)
          .flatMap((route: RouteView) => route.stops.map((stop) => stop.participantId)),
      );
    expect([...riders('from')].sort()).toEqual([...riders('to')].sort());
    const notBrought = plan.unrouted.filter((u: { direction: string }) => u.direction === 'to');
    expect(notBrought.length).toBeGreaterThan(0);
    for (const { participantId } of notBrought)
      expect(
        plan.unrouted.find(
          (u: { direction: string; participantId: string }) =>
            u.direction === 'from' && u.participantId === participantId,
        )?.reason,
      ).toMatch(/^no ride there \(.+\), so none back$/);
    // Each reason has its code: the way she lacks, with the cause inside (`no-ride-there-so-none-back/vehicles-full`).
    for (const { reason, reasonCode, direction, participantId } of plan.unrouted)
      expect({ reason, reasonCode }).toEqual({
        reason,
        reasonCode:
          direction === 'from' &&
          notBrought.some((u: { participantId: string }) => u.participantId === participantId)
            ? expect.stringMatching(
                /^no-ride-there-so-none-back\/(vehicles-full|pickups-in-the-way|vehicle-too-small)$/,
              )
            : expect.stringMatching(/^(vehicles-full|pickups-in-the-way|vehicle-too-small)$/),
      });
  });

  it('plans a programme week by week, and refuses a week that is not one', async () => {
    const programmeId = (await api.get('/programmes?region=ritdorp').expect(200)).body.items[0].id;
    const week = DateTime.fromISO(tomorrow).toFormat("kkkk-'W'WW");
    const plan = (await api.post(`/programmes/${programmeId}/routes/plan?week=${week}`).expect(200)).body;
    expect(plan.sessions).toBe(1);
    await api.post(`/programmes/${programmeId}/routes/plan?week=2027-W60`).expect(400, /week/);
  });

  it('puts the routes in the plan export, and erases her stops with her', async () => {
    const plan = (await api.get('/exports/plan?region=ritdorp').expect(200)).body;
    expect(plan.routes.length).toBeGreaterThan(0);
    expect(plan.routes[0]).toEqual(
      expect.objectContaining({
        vehicleId: expect.any(String),
        direction: expect.stringMatching(/^(to|from)$/),
      }),
    );
    expect(plan.routes[0].stops[0].position).toEqual({ lat: expect.any(Number), lon: expect.any(Number) });
    expect(plan.unrouted.length).toBeGreaterThan(0);
    const rider = plan.routes[0].stops[0].participantId;
    await api.post(`/participants/${ids[rider]}/erase`).expect(200);
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM route_stops WHERE participant_id = $1)::int
              + (SELECT count(*) FROM unrouted_pickups WHERE participant_id = $1)::int AS n`,
        [ids[rider]],
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });
});
