import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { formatDirectMinutes } from '../../src/planning/joint/time-away';
import { DEFAULT_TRAVEL_MODEL, offlineTravel, Position } from '../../src/planning/travel/offline-travel';
import { transitTravel } from '../../src/planning/travel/transit-travel';
import { hourOfWeek } from '../../src/modules/travel/hour-of-week';
import { TravelTimesService } from '../../src/modules/travel/travel-times.service';
import { FakeGoogleMaps, fakeRoute, matrixError } from '../support/fake-google-maps';
import { startTestApp, TestApp } from '../support/test-app';

const FAKE_KEY = 'fake-maps-key-0123456789abcdef';
const ADDRESS = 'Hoofdstraat 12, 7001 AB Doetinchem';

/** `count` positions around Doetinchem, 5 decimals each (as the cache and Google see them). */
const positions = (count: number, seed: number): Position[] =>
  Array.from({ length: count }, (_, index) => ({
    lat: Number((51.9 + ((index * 37 + seed * 11) % 97) * 0.00311).toFixed(5)),
    lon: Number((6.2 + ((index * 53 + seed * 7) % 89) * 0.00467).toFixed(5)),
  }));

const offlineMatrix = (origins: Position[], destinations: Position[], model = DEFAULT_TRAVEL_MODEL) => ({
  minutes: origins.map((o) => destinations.map((d) => offlineTravel(o, d, model).minutes)),
  km: origins.map((o) => destinations.map((d) => offlineTravel(o, d, model).km)),
});

const googleMatrix = (origins: Position[], destinations: Position[], departure?: DateTime) => ({
  minutes: origins.map((o) =>
    destinations.map((d) => {
      const route = fakeRoute(o, d, departure);
      return Math.ceil((route.secondsInTraffic ?? route.seconds) / 60);
    }),
  ),
  km: origins.map((o) => destinations.map((d) => fakeRoute(o, d).metres / 1000)),
});

/** The JSON log lines of `api` written by the travel service. */
const travelLogs = (api: TestApp): { level: number; msg: string }[] =>
  readFileSync(api.logFile!, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.context === 'TravelTimesService');

const WARN = 40;

describe('travel times without a Google Maps key', () => {
  let fake: FakeGoogleMaps;
  let api: TestApp;
  let travel: TravelTimesService;

  beforeAll(async () => {
    fake = await FakeGoogleMaps.start(FAKE_KEY);
    // A base URL alone is not enough: without a key nothing may go to Google.
    api = await startTestApp({ GOOGLE_MAPS_BASE_URL: fake.url });
    travel = api.app.get(TravelTimesService);
  });
  afterAll(async () => {
    await api.close();
    await fake.close();
  });

  it('computes every pair with the default offline model, the same each time, and asks nobody', async () => {
    const origins = positions(4, 1);
    const destinations = positions(3, 2);
    const first = await travel.matrix(origins, destinations);
    expect(first).toEqual({ ...offlineMatrix(origins, destinations), source: 'offline', mode: 'driving' });
    expect(first.minutes[0][0]).toBeGreaterThan(DEFAULT_TRAVEL_MODEL.fixedMinutes);
    expect(await travel.matrix(origins, destinations, DateTime.now())).toEqual(first);
    expect(travel.usesGoogle).toBe(false);
    expect(fake.requests).toEqual([]);
  });

  it('answers public transport by the offline transit model, longer than by car, and says which mode', async () => {
    const origins = positions(3, 1);
    const destinations = positions(2, 2);
    const byBus = await travel.matrix(origins, destinations, undefined, 'transit');
    expect(byBus).toEqual({
      minutes: origins.map((o) => destinations.map((d) => transitTravel(o, d).minutes)),
      km: origins.map((o) => destinations.map((d) => transitTravel(o, d).km)),
      source: 'offline',
      mode: 'transit',
    });
    const byCar = await travel.matrix(origins, destinations);
    expect(byBus.minutes.flat().every((minutes, i) => minutes > byCar.minutes.flat()[i])).toBe(true);
    // Planners get the same times, by the mode they ask for, and never quicker than the plan format's estimate.
    const lookup = await travel.minutesLookup([]);
    expect(lookup(origins[0], destinations[0], 'transit')).toBe(
      Math.max(byBus.minutes[0][0], formatDirectMinutes(origins[0], destinations[0])),
    );
    expect(lookup(origins[0], destinations[0])).toBe(byCar.minutes[0][0]);
    expect(fake.requests).toEqual([]);
  });

  it('geocodes nothing and sends no address anywhere', async () => {
    expect(await travel.geocode(ADDRESS)).toBeNull();
    expect(fake.requests).toEqual([]);
  });

  it('answers an empty matrix for no origins or no destinations', async () => {
    expect(await travel.matrix([], positions(2, 3))).toEqual({
      minutes: [],
      km: [],
      source: 'offline',
      mode: 'driving',
    });
    expect(await travel.matrix(positions(2, 3), [])).toEqual({
      minutes: [[], []],
      km: [[], []],
      source: 'offline',
      mode: 'driving',
    });
  });
});

describe('the offline model with its knobs set', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({
      TREFPUNT_TRAVEL_DETOUR_FACTOR: '1.6',
      TREFPUNT_TRAVEL_SPEEDS: '3:15,*:40',
      TREFPUNT_TRAVEL_FIXED_MINUTES: '7',
    });
  });
  afterAll(() => api.close());

  it('uses the configured detour factor, speed bands and fixed minutes', async () => {
    const model = {
      detourFactor: 1.6,
      speeds: [
        { upToKm: 3, kmPerHour: 15 },
        { upToKm: Infinity, kmPerHour: 40 },
      ],
      fixedMinutes: 7,
    };
    const origins = positions(3, 4);
    const destinations = positions(5, 5);
    const matrix = await api.app.get(TravelTimesService).matrix(origins, destinations);
    expect(matrix).toEqual({
      ...offlineMatrix(origins, destinations, model),
      source: 'offline',
      mode: 'driving',
    });
    expect(matrix.minutes).not.toEqual(offlineMatrix(origins, destinations).minutes);
  });
});

describe('travel times from Google Maps', () => {
  let fake: FakeGoogleMaps;
  let api: TestApp;
  let travel: TravelTimesService;
  let database: DataSource;

  beforeAll(async () => {
    fake = await FakeGoogleMaps.start(FAKE_KEY);
    api = await startTestApp({
      GOOGLE_MAPS_API_KEY: FAKE_KEY,
      GOOGLE_MAPS_BASE_URL: fake.url,
      GOOGLE_MAPS_RETRIES: '2',
      GOOGLE_MAPS_RETRY_DELAY_MS: '1',
    });
    travel = api.app.get(TravelTimesService);
    database = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    await database.query('DELETE FROM travel_time_cache');
  });

  const warningsSince = (before: number) =>
    travelLogs(api)
      .slice(before)
      .filter((entry) => entry.level === WARN)
      .map((entry) => entry.msg);

  it('asks 30 × 30 in requests within the limits and puts every answer in its place', async () => {
    const origins = positions(30, 6);
    const destinations = positions(30, 7);
    const matrix = await travel.matrix(origins, destinations);
    expect(matrix).toEqual({ ...googleMatrix(origins, destinations), source: 'google', mode: 'driving' });
    const requests = fake.matrixRequests();
    expect(requests.length).toBe(10);
    for (const request of requests) {
      expect(request.key).toBe(FAKE_KEY);
      expect(request.departureTime).toBeUndefined();
      expect(request.origins.length).toBeLessThanOrEqual(25);
      expect(request.destinations.length).toBeLessThanOrEqual(25);
      expect(request.origins.length * request.destinations.length).toBeLessThanOrEqual(100);
    }
    const asked = requests.flatMap((request) =>
      request.origins.flatMap((o) => request.destinations.map((d) => `${o.lat},${o.lon}>${d.lat},${d.lon}`)),
    );
    expect(asked.length).toBe(900);
    expect(new Set(asked).size).toBe(900);
  });

  it('asks a position given twice only once', async () => {
    const [a, b] = positions(2, 8);
    const matrix = await travel.matrix([a, b, a], [b, a]);
    expect(matrix).toEqual({ ...googleMatrix([a, b, a], [b, a]), source: 'google', mode: 'driving' });
    expect(fake.matrixRequests()).toEqual([
      expect.objectContaining({ origins: [a, b], destinations: [b, a] }),
    ]);
  });

  it('answers a second call from the cache without asking Google, also for positions less than 1 m apart', async () => {
    const origins = positions(5, 9);
    const destinations = positions(4, 10);
    const first = await travel.matrix(origins, destinations);
    expect(fake.requests).toHaveLength(1);
    const [rows] = await database.query('SELECT count(*)::int AS count FROM travel_time_cache');
    expect(rows.count).toBe(20);

    expect(await travel.matrix(origins, destinations)).toEqual(first);
    const nudged = origins.slice(1, 3).map((o) => ({ lat: o.lat + 0.000002, lon: o.lon - 0.000003 }));
    expect(await travel.matrix(nudged, destinations.slice(2))).toEqual({
      minutes: first.minutes.slice(1, 3).map((row) => row.slice(2)),
      km: first.km.slice(1, 3).map((row) => row.slice(2)),
      source: 'google',
      mode: 'driving',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('asks only the pairs the cache lacks', async () => {
    const origins = positions(6, 11);
    const destinations = positions(3, 12);
    await travel.matrix(origins.slice(0, 4), destinations);
    fake.requests.length = 0;
    const matrix = await travel.matrix(origins, destinations);
    expect(matrix).toEqual({ ...googleMatrix(origins, destinations), source: 'google', mode: 'driving' });
    expect(fake.matrixRequests()).toEqual([
      expect.objectContaining({ origins: origins.slice(4), destinations: destinations }),
    ]);
  });

  it('keys the cache by hour of the week and asks with an upcoming departure in that hour', async () => {
    const origins = positions(2, 13);
    const destinations = positions(2, 14);
    // Mondays in the past: the rush hour at 08:15, and 10:15 outside it.
    const rush = DateTime.fromISO('2025-01-06T08:15', { zone: 'Europe/Amsterdam' });
    const quiet = rush.set({ hour: 10 });

    const inRush = await travel.matrix(origins, destinations, rush);
    const [request] = fake.matrixRequests();
    expect(request.departureTime).toBeDefined();
    const sent = DateTime.fromSeconds(request.departureTime!);
    expect(sent > DateTime.now()).toBe(true);
    expect(hourOfWeek(sent)).toBe(hourOfWeek(rush));
    expect(sent.setZone('Europe/Amsterdam').toFormat('ccc HH:mm')).toBe('Mon 08:15');
    expect(inRush).toEqual({
      ...googleMatrix(origins, destinations, sent),
      source: 'google',
      mode: 'driving',
    });

    // The same hour of another week: from the cache.
    expect(await travel.matrix(origins, destinations, rush.plus({ weeks: 3, minutes: 30 }))).toEqual(inRush);
    expect(fake.matrixRequests()).toHaveLength(1);

    const outsideRush = await travel.matrix(origins, destinations, quiet);
    expect(fake.matrixRequests()).toHaveLength(2);
    expect(outsideRush.km).toEqual(inRush.km);
    expect(outsideRush.minutes.flat().every((minutes, i) => minutes < inRush.minutes.flat()[i])).toBe(true);

    // Without a departure: a key of its own, asked without departure_time.
    await travel.matrix(origins, destinations);
    expect(fake.matrixRequests()).toHaveLength(3);
    expect(fake.matrixRequests()[2].departureTime).toBeUndefined();
    const hours = await database.query('SELECT DISTINCT hour_of_week FROM travel_time_cache ORDER BY 1');
    expect(hours.map((row: { hour_of_week: number }) => row.hour_of_week)).toEqual([-1, 8, 10]);
  });

  it('asks public transport with mode=transit and a departure, caching it apart from car times', async () => {
    const origins = positions(3, 21);
    const destinations = positions(2, 22);
    const byCar = await travel.matrix(origins, destinations);
    const byBus = await travel.matrix(origins, destinations, undefined, 'transit');
    const [carRequest, busRequest] = fake.matrixRequests();
    expect(carRequest.mode).toBeUndefined();
    expect(busRequest.mode).toBe('transit');
    // Without a departure of its own, a Tuesday at 9:00 from now on: timetables depend on the hour.
    const sent = DateTime.fromSeconds(busRequest.departureTime!).setZone('Europe/Amsterdam');
    expect(sent.toFormat('ccc HH:mm')).toBe('Tue 09:00');
    expect(sent > DateTime.now()).toBe(true);
    const transit = (o: Position, d: Position) => Math.ceil(fakeRoute(o, d, sent, 'transit').seconds / 60);
    expect(byBus).toEqual({
      minutes: origins.map((o) => destinations.map((d) => transit(o, d))),
      km: byCar.km,
      source: 'google',
      mode: 'transit',
    });
    expect(byBus.minutes.flat().every((minutes, i) => minutes > byCar.minutes.flat()[i])).toBe(true);

    // Both from the cache now, each by its own mode.
    expect(await travel.matrix(origins, destinations, undefined, 'transit')).toEqual(byBus);
    expect(await travel.matrix(origins, destinations)).toEqual(byCar);
    expect(fake.matrixRequests()).toHaveLength(2);
    const modes = await database.query(
      'SELECT mode, hour_of_week, count(*)::int AS count FROM travel_time_cache GROUP BY 1, 2 ORDER BY 1',
    );
    expect(modes).toEqual([
      { mode: 'driving', hour_of_week: -1, count: 6 },
      { mode: 'transit', hour_of_week: 33, count: 6 },
    ]);

    // A planner's lookup by mode: Google's bus times for the pairs asked, by car for the rest.
    fake.requests.length = 0;
    const lookup = await travel.minutesLookup([[origins, destinations, 'transit']]);
    expect(fake.requests).toEqual([]);
    expect(lookup(origins[1], destinations[1], 'transit')).toBe(
      Math.max(byBus.minutes[1][1], formatDirectMinutes(origins[1], destinations[1])),
    );
  });

  it('retries after OVER_QUERY_LIMIT and HTTP 429, then uses the answer', async () => {
    const before = travelLogs(api).length;
    fake.replyNext(matrixError('OVER_QUERY_LIMIT', 'You have exceeded your rate-limit.'), {
      status: 429,
      body: 'Too Many Requests',
    });
    const origins = positions(3, 15);
    const destinations = positions(3, 16);
    const matrix = await travel.matrix(origins, destinations);
    expect(fake.matrixRequests()).toHaveLength(3);
    expect(matrix).toEqual({ ...googleMatrix(origins, destinations), source: 'google', mode: 'driving' });
    expect(warningsSince(before)).toEqual([]);
  });

  it('retries UNKNOWN_ERROR too', async () => {
    fake.replyNext(matrixError('UNKNOWN_ERROR'));
    const origins = positions(2, 17);
    expect((await travel.matrix(origins, origins)).source).toBe('google');
    expect(fake.matrixRequests()).toHaveLength(2);
  });

  it('falls back to the offline model at once when Google refuses, logging no position and no key', async () => {
    const before = travelLogs(api).length;
    fake.replyNext(matrixError('REQUEST_DENIED', 'This API project is not authorized to use this API.'));
    const origins = positions(3, 18);
    const destinations = positions(2, 19);
    const matrix = await travel.matrix(origins, destinations);
    expect(fake.matrixRequests()).toHaveLength(1);
    expect(matrix).toEqual({ ...offlineMatrix(origins, destinations), source: 'offline', mode: 'driving' });
    expect(warningsSince(before)).toEqual([
      'Distance Matrix failed (REQUEST_DENIED, 1 attempt): 6 of 6 travel times come from the offline model',
    ]);
    const log = readFileSync(api.logFile!, 'utf8');
    for (const position of [...origins, ...destinations]) {
      expect(log).not.toContain(String(position.lat));
      expect(log).not.toContain(String(position.lon));
    }
    expect(log).not.toContain(FAKE_KEY);
    const [rows] = await database.query('SELECT count(*)::int AS count FROM travel_time_cache');
    expect(rows.count).toBe(0);
  });

  it.each([
    ['MAX_ELEMENTS_EXCEEDED', matrixError('MAX_ELEMENTS_EXCEEDED')],
    ['OVER_DAILY_LIMIT', matrixError('OVER_DAILY_LIMIT')],
    ['INVALID_REQUEST', matrixError('INVALID_REQUEST')],
    ['HTTP 403', { status: 403, body: 'Forbidden' }],
  ])('does not retry %s but falls back', async (reason, reply) => {
    fake.replyNext(reply);
    const origins = positions(2, 20);
    const matrix = await travel.matrix(origins, origins);
    expect(fake.matrixRequests()).toHaveLength(1);
    expect(matrix).toEqual({ ...offlineMatrix(origins, origins), source: 'offline', mode: 'driving' });
  });

  it('falls back after a server error that persists, and asks no further batches of that matrix', async () => {
    const before = travelLogs(api).length;
    fake.replyNext(...Array.from({ length: 3 }, () => ({ status: 500, body: '<h1>Server Error</h1>' })));
    const origins = positions(12, 21);
    const destinations = positions(12, 22);
    const matrix = await travel.matrix(origins, destinations);
    // 12 × 12 is 2 requests of 6 × 12; the first one is tried 3 times, the second one not at all.
    expect(fake.matrixRequests()).toHaveLength(3);
    expect(matrix).toEqual({ ...offlineMatrix(origins, destinations), source: 'offline', mode: 'driving' });
    expect(warningsSince(before)).toEqual([
      'Distance Matrix failed (HTTP 500, 3 attempts): 144 of 144 travel times come from the offline model',
    ]);
  });

  it('keeps what Google answered before a later batch failed', async () => {
    const origins = positions(12, 23);
    const destinations = positions(12, 24);
    const first = await travel.matrix(origins.slice(0, 6), destinations);
    expect(first.source).toBe('google');
    fake.reset();
    fake.replyNext(matrixError('REQUEST_DENIED'));
    const matrix = await travel.matrix(origins, destinations);
    expect(matrix.source).toBe('mixed');
    expect(matrix.minutes.slice(0, 6)).toEqual(first.minutes);
    expect(matrix.minutes.slice(6)).toEqual(offlineMatrix(origins.slice(6), destinations).minutes);
  });

  it('uses the offline model for the pairs Google cannot route, Google for the rest, and does not cache them', async () => {
    const before = travelLogs(api).length;
    const origins = positions(2, 25);
    const destinations = positions(3, 26);
    const lost = destinations[1];
    fake.elementStatus = (_, destination) =>
      destination.lat === lost.lat && destination.lon === lost.lon ? 'NOT_FOUND' : 'OK';
    const matrix = await travel.matrix(origins, destinations);
    const google = googleMatrix(origins, destinations);
    const offline = offlineMatrix(origins, destinations);
    expect(matrix.source).toBe('mixed');
    for (const o of [0, 1]) {
      expect(matrix.minutes[o]).toEqual([google.minutes[o][0], offline.minutes[o][1], google.minutes[o][2]]);
      expect(matrix.km[o]).toEqual([google.km[o][0], offline.km[o][1], google.km[o][2]]);
    }
    expect(warningsSince(before)).toEqual([
      'Distance Matrix found no route for some pairs (2 NOT_FOUND): offline model used for them',
    ]);

    fake.elementStatus = () => 'ZERO_RESULTS';
    await travel.matrix(origins, destinations);
    expect(fake.matrixRequests()[1]).toEqual(expect.objectContaining({ origins, destinations: [lost] }));
  });

  it('geocodes an address to the position of the first result', async () => {
    const home = { lat: 51.96512, lon: 6.28843 };
    fake.addresses.set(ADDRESS, home);
    expect(await travel.geocode(ADDRESS)).toEqual(home);
    const [request] = fake.requests;
    expect(request.path).toBe('/maps/api/geocode/json');
    expect(request.query.get('address')).toBe(ADDRESS);
    expect(request.query.get('key')).toBe(FAKE_KEY);
  });

  it('geocodes an address Google does not know (ZERO_RESULTS) to null', async () => {
    expect(await travel.geocode('Nergensweg 1, Nergenshuizen')).toBeNull();
    expect(fake.requests).toHaveLength(1);
  });

  it('geocodes to null with a warning when Google fails, never logging the address', async () => {
    const before = travelLogs(api).length;
    fake.addresses.set(ADDRESS, { lat: 51.96512, lon: 6.28843 });
    fake.replyNext(
      ...Array.from({ length: 3 }, () => ({ body: { results: [], status: 'OVER_QUERY_LIMIT' } })),
    );
    expect(await travel.geocode(ADDRESS)).toBeNull();
    expect(fake.requests).toHaveLength(3);
    expect(warningsSince(before)).toEqual([
      'Geocoding failed (OVER_QUERY_LIMIT, 3 attempts): no position for this address',
    ]);
    const log = readFileSync(api.logFile!, 'utf8');
    expect(log).not.toContain('Hoofdstraat');
    expect(log).not.toContain('Doetinchem');
  });
});

describe('planning with a Google Maps key', () => {
  let fake: FakeGoogleMaps;
  let api: TestApp;

  beforeAll(async () => {
    fake = await FakeGoogleMaps.start(FAKE_KEY);
    api = await startTestApp({
      GOOGLE_MAPS_API_KEY: FAKE_KEY,
      GOOGLE_MAPS_BASE_URL: fake.url,
      GOOGLE_MAPS_RETRY_DELAY_MS: '1',
    });
  });
  afterAll(async () => {
    await api.close();
    await fake.close();
  });

  it('plans sessions, childcare and rides with Google’s travel times, asking each pair once', async () => {
    const scenario = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'berkelland.scenario.json'), 'utf8'),
    );
    await api.post('/imports/scenario', scenario).expect(200);
    const programmeId = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const afterPlanning = fake.requests.filter((r) => r.path.includes('distancematrix')).length;
    // The lessons' conflicts with the sessions and the mothers' travel for childcare came from Google.
    expect(afterPlanning).toBeGreaterThan(0);
    await api.post(`/programmes/${programmeId}/routes/plan?week=2027-W02`).expect(200);
    expect(fake.requests.filter((r) => r.path.includes('distancematrix')).length).toBeGreaterThan(
      afterPlanning,
    );
    const asked = fake.requests.filter((r) => r.path.includes('distancematrix')).length;
    // Planned again: every pair is in the cache now.
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    expect(fake.requests.filter((r) => r.path.includes('distancematrix')).length).toBe(asked);
    // Planning judges several plans of care and rides for the weekly times: longer than most tests.
  }, 180_000);

  it('asks the drives between a session’s rides and the same vehicles’ rides for another session that day', async () => {
    // After the test above: Berkelland is planned. Two sessions of different groups on one day, planned one by one.
    const sessions = (await api.get('/sessions?region=berkelland&status=planned&limit=1000').expect(200)).body
      .items as { id: string; groupId: string; locationId: string; start: string }[];
    const sameDay = sessions.flatMap((a) =>
      sessions
        .filter(
          (b) =>
            b.groupId !== a.groupId && b.start.slice(0, 10) === a.start.slice(0, 10) && b.start > a.start,
        )
        .map((b) => [a, b] as const),
    );
    expect(sameDay.length).toBeGreaterThan(0);
    const [earlier, later] = sameDay.sort(([a], [b]) => a.start.localeCompare(b.start))[0];
    const database = api.app.get(DataSource);
    await database.query('DELETE FROM travel_time_cache');
    await api.post(`/sessions/${earlier.id}/routes/plan`).expect(200);
    const rides = (await api.get(`/sessions/${earlier.id}/routes`).expect(200)).body.routes as {
      direction: 'to' | 'from';
      stops: { participantId: string }[];
    }[];
    expect(rides.length).toBeGreaterThan(0);
    // Where the vehicle is as each ride begins (there: at the first home) and as it ends (back: at the last).
    const homes: Position[] = [];
    for (const ride of rides) {
      const stop = ride.direction === 'to' ? ride.stops[0] : ride.stops[ride.stops.length - 1];
      homes.push((await api.get(`/participants/${stop.participantId}`).expect(200)).body.position);
    }
    const location: Position = (await api.get(`/locations/${later.locationId}`).expect(200)).body.position;

    // With an empty cache, the later session's plan can know those drives only by asking Google for them.
    await database.query('DELETE FROM travel_time_cache');
    fake.reset();
    await api.post(`/sessions/${later.id}/routes/plan`).expect(200);
    const near = (a: Position, b: Position) =>
      Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lon - b.lon) < 1e-5;
    const asked = fake
      .matrixRequests()
      .flatMap((request) => request.origins.flatMap((o) => request.destinations.map((d) => [o, d] as const)));
    for (const home of homes) {
      expect({ home, toLaterLocation: asked.some(([o, d]) => near(o, home) && near(d, location)) }).toEqual({
        home,
        toLaterLocation: true,
      });
      expect({ home, fromLaterLocation: asked.some(([o, d]) => near(o, location) && near(d, home)) }).toEqual(
        {
          home,
          fromLaterLocation: true,
        },
      );
    }
  }, 120_000);
});
