import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const FIXTURE = 'berkelland-outings.scenario.json';
const REGION = 'berkelland-outings';

interface StoredSession {
  id: string;
  groupId: string;
  locationId: string;
  date: string;
}

interface RouteAnswer {
  direction: 'to' | 'from';
  depart: string;
  arrive: string;
  stops: { participantId: string }[];
}

describe('outings in the scenario format', () => {
  let api: TestApp;
  let programmeId: string;
  let groupRef: Map<string, string>;
  let locationRef: Map<string, string>;

  const sessions = async () =>
    (await api.get(`/sessions?region=${REGION}&limit=1000`).expect(200)).body.items as StoredSession[];
  const sessionOn = async (group: string, date: string) =>
    (await sessions()).find((s) => groupRef.get(s.groupId) === group && s.date === date)!;
  const outingOf = async (sessionId: string) =>
    (await api.get(`/sessions/${sessionId}/outing`).expect(200)).body.outing as {
      usualLocationId: string;
      places: { locationId: string; name: string; arrive?: string; leave?: string }[];
    } | null;
  const plan = async () => (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;

  beforeAll(async () => {
    api = await startTestApp();
    // A taxi of Vorden's own besides the pilot's two vehicles: those bring the Borculo group home when the tour
    // starts, and a vehicle is in one place at a time.
    const document = fixture(FIXTURE);
    const taxi = document.vehicles.find((vehicle: { id: string }) => vehicle.id === 'taxibus-1');
    document.vehicles.push({
      ...taxi,
      id: 'taxi-vorden',
      name: 'Taxi Vorden',
      depot: { lat: 52.104, lon: 6.312 },
    });
    await api.post('/imports/scenario', document).expect(200);
    programmeId = (await api.get(`/programmes?region=${REGION}`).expect(200)).body.items[0].id;
    const groups = (await api.get(`/groups?region=${REGION}`).expect(200)).body.items as {
      id: string;
      ref: string;
    }[];
    groupRef = new Map(groups.map((g) => [g.id, g.ref]));
    const locations = (await api.get(`/locations?region=${REGION}&limit=100`).expect(200)).body.items as {
      id: string;
      ref: string | null;
    }[];
    locationRef = new Map(locations.map((l) => [l.id, l.ref ?? l.id]));
  }, 60_000);
  afterAll(() => api.close());

  it('plans the library visit and the tour on the sessions of their dates: the session at the first place, rides there and home from the last', async () => {
    expect((await plan()).outingsWaiting).toEqual([]);

    const visit = await sessionOn('g-berkelland-1', '2027-03-15');
    const library = await outingOf(visit.id);
    expect(library!.places.map((p) => p.name)).toEqual(['Bibliotheek Borculo']);
    expect(visit.locationId).toBe(library!.places[0].locationId);
    expect(locationRef.get(library!.usualLocationId)).toBe('loc-berkelland');
    // The week after, the group meets at its usual place again.
    const after = await sessionOn('g-berkelland-1', '2027-03-22');
    expect(locationRef.get(after.locationId)).toBe('loc-berkelland');
    expect(await outingOf(after.id)).toBeNull();
    const visitRoutes = (await api.get(`/sessions/${visit.id}/routes`).expect(200)).body
      .routes as RouteAnswer[];
    expect(visitRoutes.some((r) => r.direction === 'to')).toBe(true);

    const tourSession = await sessionOn('g-bronckhorst-1', '2027-04-12');
    const tour = await outingOf(tourSession.id);
    expect(tour!.places.map((p) => `${p.name} ${p.arrive}-${p.leave}`)).toEqual([
      'Gezondheidscentrum Vorden 13:00-14:00',
      'Bibliotheek Vorden 14:15-15:30',
    ]);
    expect(tourSession.locationId).toBe(tour!.places[0].locationId);
    const { routes } = (await api.get(`/sessions/${tourSession.id}/routes`).expect(200)).body as {
      routes: RouteAnswer[];
    };
    const time = (instant: string) => instant.slice(11, 16);
    const to = routes.filter((r) => r.direction === 'to');
    const home = routes.filter((r) => r.direction === 'from');
    expect(to.length).toBeGreaterThan(0);
    // At the health centre by its time; home from the library when the group leaves it, not at the session's end.
    expect(to.every((r) => time(r.arrive) <= '13:00')).toBe(true);
    expect(home.map((r) => time(r.depart)).sort()[0]).toBe('15:30');
    const usual = await sessionOn('g-bronckhorst-1', '2027-04-05');
    const usualHome = (
      (await api.get(`/sessions/${usual.id}/routes`).expect(200)).body.routes as RouteAnswer[]
    )
      .filter((r) => r.direction === 'from')
      .map((r) => time(r.depart))
      .sort();
    expect(usualHome[0]).toBe('15:45');

    const exported = (
      await api.get(`/exports/plan?region=${REGION}&from=2027-04-12&to=2027-04-12`).expect(200)
    ).body;
    const exportedTour = exported.sessions.find((s: { id: string }) => s.id === tourSession.id);
    expect(exportedTour.locationId).toBe(tour!.places[0].locationId);
  }, 240_000);

  it('exports the outings as imported, and a region made from that export gives them back the same', async () => {
    const original = fixture(FIXTURE).programme.outings;
    const exported = (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body;
    expect(exported.format).toBe('trefpunt-scenario/2');
    expect(exported.programme.outings).toEqual(original);

    const copy = { ...exported, region: `${REGION}-copy` };
    await api.post('/imports/scenario', copy).expect(200);
    const again = (await api.get(`/exports/scenario?region=${REGION}-copy`).expect(200)).body;
    expect(again.programme.outings).toEqual(original);
  }, 120_000);

  it('moves an outing with its date at a re-plan, and lists one whose date has no session of the group', async () => {
    const document = fixture(FIXTURE);
    document.programme.outings[0].date = '2027-03-22';
    // A Tuesday: the group meets on Mondays.
    document.programme.outings.push({ ...document.programme.outings[1], date: '2027-04-13' });
    const imported = (await api.post('/imports/scenario', document).expect(200)).body;
    expect(imported.changed).toBe(true);

    const bronckhorst = [...groupRef].find(([, ref]) => ref === 'g-bronckhorst-1')![0];
    expect((await plan()).outingsWaiting).toEqual([
      { groupId: bronckhorst, date: '2027-04-13', reason: 'the group has no planned session that day' },
    ]);
    const before = await sessionOn('g-berkelland-1', '2027-03-15');
    expect(locationRef.get(before.locationId)).toBe('loc-berkelland');
    expect(await outingOf(before.id)).toBeNull();
    const moved = await sessionOn('g-berkelland-1', '2027-03-22');
    expect((await outingOf(moved.id))!.places.map((p) => p.name)).toEqual(['Bibliotheek Borculo']);
    expect(moved.locationId).not.toBe(before.locationId);
  }, 240_000);

  it('refuses outings in a version 1 document, and bad outings, naming the field; nothing is stored', async () => {
    const older = fixture(FIXTURE);
    older.format = 'trefpunt-scenario/1';
    older.region = `${REGION}-wrong`;
    const refusedOlder = await api.post('/imports/scenario', older).expect(400);
    expect(refusedOlder.body.message).toEqual(
      expect.arrayContaining(['programme.outings: needs "format": "trefpunt-scenario/2"']),
    );

    const wrong = fixture(FIXTURE);
    wrong.region = `${REGION}-wrong`;
    const [visit, tour] = wrong.programme.outings;
    wrong.programme.outings = [
      { ...visit, group: 'g-nowhere' },
      { ...visit, date: '2027-01-04' },
      { ...tour, places: [tour.places[0], { ...tour.places[1], arrive: '13:45' }] },
      { ...tour, date: '2027-05-03' },
      { ...tour, date: '2027-05-03' },
    ];
    const refused = await api.post('/imports/scenario', wrong).expect(400);
    expect(refused.body.message).toEqual(
      expect.arrayContaining([
        'programme.outings[0].group: unknown group "g-nowhere"',
        'programme.outings[1].date: 2027-01-04 is before group "g-berkelland-1" starts (2027-01-11)',
        'programme.outings[2].places[1].arrive: 13:45 comes before places[0].leave',
        'programme.outings[4].date: group "g-bronckhorst-1" already has outings[3] that day',
      ]),
    );

    wrong.programme.outings = [
      { ...visit, places: [{ ...visit.places[0], position: { lat: 200, lon: 6 } }] },
    ];
    const badPlace = await api.post('/imports/scenario', wrong).expect(400);
    expect(badPlace.body.message).toEqual([
      expect.stringMatching(/^programme\.outings\[0\]\.places\[0\]\.position\.lat/),
    ]);
    await api.get(`/exports/scenario?region=${REGION}-wrong`).expect(400);
  });

  it('exports an outing a coordinator set by hand as an outing of its group and date', async () => {
    await plan();
    const taken = new Set(
      (
        (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body.programme.outings as {
          date: string;
        }[]
      ).map((outing) => outing.date),
    );
    const session = (await sessions())
      .filter((s) => groupRef.get(s.groupId) === 'g-berkelland-1' && !taken.has(s.date))
      .sort((a, b) => a.date.localeCompare(b.date))[0];
    const place = {
      name: 'Gezondheidscentrum Eibergen',
      address: 'Grotestraat 1, Eibergen',
      position: { lat: 52.1, lon: 6.65 },
    };
    await api.post(`/sessions/${session.id}/outing`, { places: [place] }).expect(200);
    const exported = (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body;
    expect(
      (exported.programme.outings as { group: string; date: string }[]).find(
        (outing) => outing.group === 'g-berkelland-1' && outing.date === session.date,
      ),
    ).toEqual({ group: 'g-berkelland-1', date: session.date, places: [place] });
    // Undone by hand, it is no longer exported.
    await api.delete(`/sessions/${session.id}/outing`).expect(200);
    const after = (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body;
    expect(
      (after.programme.outings as { date: string }[]).filter((outing) => outing.date === session.date),
    ).toEqual([]);
  }, 240_000);
});
