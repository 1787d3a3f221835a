import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface RouteAnswer {
  vehicleId: string;
  direction: 'to' | 'from';
  depart: string;
  arrive: string;
  stops: { participantId: string }[];
}

const TOUR = [
  {
    name: 'Bibliotheek Vorden',
    address: 'Dorpsstraat 2, Vorden',
    position: { lat: 52.1031, lon: 6.3168 },
    arrive: '09:15',
    leave: '10:30',
  },
  {
    name: 'Gezondheidscentrum Vorden',
    address: 'Burgemeester Galleestraat 42, Vorden',
    position: { lat: 52.1065, lon: 6.3145 },
    arrive: '10:50',
    leave: '11:45',
  },
];

describe('outings', () => {
  let api: TestApp;
  let refOf: Map<string, string>;
  let session: { id: string; locationId: string; date: string };
  let vehicleRef: Map<string, string>;

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('bronckhorst-online.scenario.json')).expect(200);
    const programmeId = (await api.get('/programmes?region=bronckhorst-online').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const people = (await api.get('/participants?region=bronckhorst-online&limit=100').expect(200)).body
      .items as { id: string; ref: string }[];
    refOf = new Map(people.map((p) => [p.id, p.ref]));
    const vehicles = (await api.get('/vehicles?region=bronckhorst-online').expect(200)).body.items as {
      id: string;
      ref: string;
    }[];
    vehicleRef = new Map(vehicles.map((v) => [v.id, v.ref]));
    const sessions = (await api.get('/sessions?region=bronckhorst-online&limit=100').expect(200)).body.items;
    session = sessions.find((s: { date: string }) => s.date === '2027-04-20');
  });
  afterAll(() => api.close());

  const routesOf = async () => (await api.get(`/sessions/${session.id}/routes`).expect(200)).body;
  const outbox = async () =>
    (await api.get('/outbox?region=bronckhorst-online&limit=300').expect(200)).body.items as {
      participantId: string;
      sessionId: string | null;
      language: string;
      body: string;
    }[];

  it('makes a session a tour of two places: the whole group rides in the bus to the first and home from the last, the plan export shows it, every member is told', async () => {
    const set = (await api.post(`/sessions/${session.id}/outing`, { places: TOUR }).expect(200)).body;
    expect(set.told).toBe(8);
    expect(set.outing.usualLocationId).toBe(session.locationId);
    expect(set.outing.places.map((p: { name: string; arrive: string }) => `${p.name} ${p.arrive}`)).toEqual([
      'Bibliotheek Vorden 09:15',
      'Gezondheidscentrum Vorden 10:50',
    ]);
    const library = set.outing.places[0].locationId;
    expect((await api.get(`/sessions/${session.id}`).expect(200)).body.locationId).toBe(library);
    expect((await api.get(`/sessions/${session.id}/outing`).expect(200)).body.outing).toEqual(set.outing);

    const { routes, unrouted } = (await routesOf()) as { routes: RouteAnswer[]; unrouted: unknown[] };
    expect(unrouted).toEqual([]);
    const riders = (direction: string) =>
      routes
        .filter((r) => r.direction === direction)
        .flatMap((r) => r.stops.map((s) => refOf.get(s.participantId)))
        .sort();
    expect(riders('to')).toEqual(['b1', 'b2', 'b5', 'b6']);
    expect(riders('from')).toEqual(['b1', 'b2', 'b5', 'b6']);
    // The fleet's bus takes the whole group home from the last place in one trip.
    expect(new Set(routes.map((r) => vehicleRef.get(r.vehicleId)))).toEqual(new Set(['bus-vorden']));
    expect(routes.filter((r) => r.direction === 'from')).toHaveLength(1);
    const arrivals = routes.filter((r) => r.direction === 'to').map((r) => r.arrive.slice(11, 16));
    const from = routes.find((r) => r.direction === 'from')!;
    // At the library by its time, and home from the health centre when the group leaves it.
    expect(arrivals.length).toBeGreaterThan(0);
    expect(arrivals.every((time) => time <= '09:15')).toBe(true);
    expect(from.depart.slice(11, 16)).toBe('11:45');

    const exported = (await api.get('/exports/plan?region=bronckhorst-online&from=2027-04-20&to=2027-04-20'))
      .body;
    expect(exported.sessions.map((s: { locationId: string }) => s.locationId)).toEqual([library]);

    const told = (await outbox()).filter((m) => m.body.includes('Bibliotheek Vorden'));
    const byRef = new Map(told.map((m) => [refOf.get(m.participantId)!, m]));
    expect([...byRef.keys()].sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8']);
    expect(byRef.get('b7')!.language).toBe('tr');
    expect(byRef.get('b7')!.body).toContain('gezi');
    expect(byRef.get('b7')!.body).toContain('Gezondheidscentrum Vorden');
    expect(byRef.get('b5')!.language).toBe('ar');
    expect(byRef.get('b5')!.body).toContain('رحلة');
  });

  it('undoes the outing: the session, its rides and care are back at the usual place, and every member is told', async () => {
    const back = (await api.delete(`/sessions/${session.id}/outing`).expect(200)).body;
    expect(back).toEqual({ outing: null, told: 8 });
    expect((await api.get(`/sessions/${session.id}`).expect(200)).body.locationId).toBe(session.locationId);
    const { routes } = (await routesOf()) as { routes: RouteAnswer[] };
    expect(routes.find((r) => r.direction === 'from')!.depart.slice(11, 16) >= '12:00').toBe(true);
    const told = (await outbox()).filter(
      (m) => m.sessionId === session.id && m.body.includes('Dorpscentrum Vorden'),
    );
    expect(new Set(told.map((m) => refOf.get(m.participantId))).size).toBe(8);
    await api.delete(`/sessions/${session.id}/outing`).expect(404);
  });

  it('refuses bad places naming the field, and stores nothing', async () => {
    const message = async (places: unknown) =>
      (await api.post(`/sessions/${session.id}/outing`, { places }).expect(400)).body.message;
    expect(await message([])).toEqual([expect.stringMatching(/^places/)]);
    expect(await message([{ ...TOUR[0], position: { lat: 200, lon: 6 } }])).toEqual([
      expect.stringMatching(/^places\[0\]\.position\.lat: /),
    ]);
    expect(await message([{ ...TOUR[0], leave: '09:00' }])).toMatch(/^places\[0\]\.leave: /);
    expect(await message([TOUR[0], { ...TOUR[1], leave: '12:30' }])).toMatch(/^places\[1\]\.leave: /);
    expect((await api.get(`/sessions/${session.id}/outing`).expect(200)).body.outing).toBeNull();
    expect((await api.get(`/sessions/${session.id}`).expect(200)).body.locationId).toBe(session.locationId);
  });
});
