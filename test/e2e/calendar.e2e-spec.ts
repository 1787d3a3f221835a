import { DateTime } from 'luxon';
import ical, { VEvent } from 'node-ical';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { minibus, village } from '../factories/village.factory';

const zone = 'Europe/Amsterdam';
// Rides tomorrow: a driver's feed names her passengers on the day of the ride and the day before.
const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
const at = (time: string) => DateTime.fromISO(`${tomorrow}T${time}`, { zone }).toISO()!;
const clock = (instant: string | Date) => DateTime.fromJSDate(new Date(instant), { zone }).toFormat('HH:mm');

/** A village with a bus, four women to collect and one who cycles, in one group with one session tomorrow. */
const kalenderdorp = () =>
  village({
    region: 'kalenderdorp',
    startDate: tomorrow,
    groupName: 'Groep Zon',
    participants: [1, 2, 3, 4, 5].map((n) => ({
      id: `p${n}`,
      name: `Sara${n} Test`,
      address: `Molenweg ${n}`,
      position: { lat: 52.1 + Math.sin(n) * 0.03, lon: 6.5 + Math.cos(n) * 0.04 },
      phone: `+3162222000${n}`,
      // Her feed is in her language: these women read Dutch, as the assertions below do.
      language: 'nl',
      transport: n === 5 ? ('bike' as const) : ('pickup' as const),
    })),
    vehicles: [minibus('bus')],
  });

interface Feed {
  text: string;
  events: VEvent[];
}

describe('private calendar feeds', () => {
  let api: TestApp;
  const ids: Record<string, string> = {};
  let sessionId: string;
  let coordinatorToken: string;
  const urls: Record<string, string> = {};

  /** Fetches a feed as a calendar app does: no Authorization header. */
  const fetchFeed = async (url: string): Promise<Feed> => {
    const { pathname, search } = new URL(url);
    const response = await api.anonymous().get(`${pathname}${search}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    const text = response.text;
    const events = Object.values(ical.sync.parseICS(text)).filter(
      (item): item is VEvent => item?.type === 'VEVENT',
    );
    return { text, events };
  };
  const feedPath = (url: string) => {
    const { pathname, search } = new URL(url);
    return `${pathname}${search}`;
  };
  const newFeed = async (body: object, token?: string) => {
    const test = token
      ? api.anonymous().post('/calendar/feeds').set('Authorization', `Bearer ${token}`).send(body)
      : api.post('/calendar/feeds', body);
    return (await test.expect(201)).body.url as string;
  };
  const pickupOf = async (participantId: string) => {
    const { routes } = (await api.get(`/sessions/${sessionId}/routes`).expect(200)).body;
    const stop = routes
      .filter((route: { direction: string }) => route.direction === 'to')
      .flatMap((route: { stops: { participantId: string; time: string }[] }) => route.stops)
      .find((s: { participantId: string }) => s.participantId === participantId);
    return stop.time as string;
  };

  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl/' });
    await api.post('/imports/scenario', kalenderdorp()).expect(200);
    for (const path of ['/participants', '/vehicles', '/groups']) {
      (await api.get(`${path}?region=kalenderdorp&limit=100`).expect(200)).body.items.forEach(
        (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
      );
    }
    ids.tr = (await api.get('/trainers?region=kalenderdorp').expect(200)).body.items[0].id;
    ids.region = (await api.get('/regions/kalenderdorp').expect(200)).body.id;
    sessionId = (
      await api
        .post('/sessions', {
          regionId: ids.region,
          groupId: ids.g,
          start: at('10:00'),
          end: at('12:30'),
          trainerId: ids.tr,
        })
        .expect(201)
    ).body.id;
    ids.driver = (
      await api.post('/drivers', { regionId: ids.region, name: 'Henk', vehicleId: ids.bus }).expect(201)
    ).body.id;
    await api.post(`/sessions/${sessionId}/routes/plan`).expect(200);
    coordinatorToken = (
      await api
        .post('/tokens', { role: 'coordinator', regions: ['kalenderdorp'], label: 'coördinator' })
        .expect(201)
    ).body.token;
  });
  afterAll(() => api.close());

  it("gives a participant's feed her session with her pickup time, in Europe/Amsterdam, without a token", async () => {
    urls.p1 = await newFeed({ participantId: ids.p1 });
    expect(urls.p1).toMatch(/^https:\/\/trefpunt\.example\.nl\/calendar\/feed\.ics\?key=tp_cal_[\w-]{43}$/);
    const { text, events } = await fetchFeed(urls.p1);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe(`session-${sessionId}@trefpunt`);
    expect(event.summary).toBe(`Groep Zon – opgehaald om ${clock(await pickupOf(ids.p1))}`);
    expect(event.start.toISOString()).toBe(new Date(at('10:00')).toISOString());
    expect(event.end?.toISOString()).toBe(new Date(at('12:30')).toISOString());
    expect(event.start.tz).toBe(zone);
    expect(event.location).toBe('Buurthuis De Ster, Dorpsstraat 1');
    expect(event.status).toBe('CONFIRMED');
    expect(event.sequence).toBe(0);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n');
    expect(text).toMatch(/\r\nDTSTART;TZID=Europe\/Amsterdam:\d{8}T100000\r\n/);
  });

  it('renders the same UIDs, SEQUENCE and DTSTAMP again while nothing changed', async () => {
    const first = await fetchFeed(urls.p1);
    const again = await fetchFeed(urls.p1);
    expect(again.events.map((e) => [e.uid, e.sequence, e.dtstamp.toISOString()])).toEqual(
      first.events.map((e) => [e.uid, e.sequence, e.dtstamp.toISOString()]),
    );
  });

  it('records in the audit log that the feed read her data', async () => {
    const log = (await api.get(`/audit-log?participant=${ids.p1}`).expect(200)).body.items;
    expect(log).toContainEqual(
      expect.objectContaining({ actorLabel: 'calendar feed', action: 'read', recordId: ids.p1 }),
    );
  });

  it("gives the driver her rides, with first names and addresses for tomorrow's, keyed stably across re-planning", async () => {
    urls.driver = await newFeed({ driverId: ids.driver });
    const { events } = await fetchFeed(urls.driver);
    // One event per route: her bus may go twice on the way home; a second trip is numbered.
    const uid = new RegExp(`^ride-${sessionId}-(to|from)-${ids.driver}(-\\d+)?@trefpunt$`);
    expect(events.every((e) => uid.test(e.uid))).toBe(true);
    expect(events.map((e) => e.uid)).toEqual(
      expect.arrayContaining([
        `ride-${sessionId}-to-${ids.driver}@trefpunt`,
        `ride-${sessionId}-from-${ids.driver}@trefpunt`,
      ]),
    );
    const { routes } = (await api.get(`/sessions/${sessionId}/routes`).expect(200)).body;
    expect(events).toHaveLength(routes.length);
    // The first route out (by departure) has the plain UID; its stops show first names and addresses.
    const out = routes.find((route: { direction: string }) => route.direction === 'to');
    const to = events.find((e) => e.uid === `ride-${sessionId}-to-${ids.driver}@trefpunt`)!;
    const n = out.stops.length;
    expect(to.summary).toBe(`Rit heen: Groep Zon (${n} ${n === 1 ? 'halte' : 'haltes'})`);
    expect(to.start.toISOString()).toBe(new Date(out.depart).toISOString());
    const refOf = new Map(Object.entries(ids).map(([ref, id]) => [id, ref.slice(1)]));
    for (const stop of out.stops as { participantId: string; time: string }[]) {
      const k = refOf.get(stop.participantId);
      expect(to.description).toContain(`${clock(stop.time)}  Sara${k} – Molenweg ${k}`);
    }
    // Re-planning makes new routes; the rides keep their UIDs.
    await api.post(`/sessions/${sessionId}/routes/plan`).expect(200);
    const again = await fetchFeed(urls.driver);
    expect(again.events.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it("gives a coordinator a feed of her regions' sessions, made with her own token; an admin has none", async () => {
    urls.coordinator = await newFeed({}, coordinatorToken);
    const { events } = await fetchFeed(urls.coordinator);
    expect(events.map((e) => [e.uid, e.summary])).toEqual([
      [`session-${sessionId}@trefpunt`, 'Groep Zon – Buurthuis De Ster'],
    ]);
    expect(events[0].description).toContain('5 deelnemers, 0 afgemeld.');
    await api.post('/calendar/feeds', {}).expect(403);
  });

  it('raises SEQUENCE once when the session moves, with the new times', async () => {
    await api.patch(`/sessions/${sessionId}`, { start: at('10:30'), end: at('13:00') }).expect(200);
    const { events } = await fetchFeed(urls.p1);
    expect(events[0].sequence).toBe(1);
    expect(events[0].start.toISOString()).toBe(new Date(at('10:30')).toISOString());
    expect((await fetchFeed(urls.p1)).events[0].sequence).toBe(1);
    const coordinator = await fetchFeed(urls.coordinator);
    expect(coordinator.events[0].sequence).toBe(1);
  });

  it('keeps a cancelled session with STATUS:CANCELLED and a higher SEQUENCE; her driver no longer has the ride', async () => {
    await api.patch(`/sessions/${sessionId}`, { status: 'cancelled' }).expect(200);
    const [event] = (await fetchFeed(urls.p1)).events;
    expect([event.status, event.sequence, event.summary]).toEqual(['CANCELLED', 2, 'Afgelast: Groep Zon']);
    const [forCoordinator] = (await fetchFeed(urls.coordinator)).events;
    expect([forCoordinator.status, forCoordinator.sequence]).toEqual(['CANCELLED', 2]);
    expect((await fetchFeed(urls.driver)).events).toEqual([]);
  });

  it('answers 404 to an unknown, malformed, missing or replaced key', async () => {
    await api
      .anonymous()
      .get(`/calendar/feed.ics?key=tp_cal_${'x'.repeat(43)}`)
      .expect(404);
    await api.anonymous().get('/calendar/feed.ics?key=../../etc').expect(404);
    await api.anonymous().get('/calendar/feed.ics').expect(404);
    const replaced = await newFeed({ participantId: ids.p2 });
    urls.p2 = await newFeed({ participantId: ids.p2 });
    await api.anonymous().get(feedPath(replaced)).expect(404);
    await fetchFeed(urls.p2);
  });

  it("makes a coordinator's feed only for her own regions' participants", async () => {
    const other = (await api.post('/regions', { ref: 'elders', name: 'Elders' }).expect(201)).body
      .id as string;
    const stranger = (await api.post('/tokens', { role: 'coordinator', regions: [other] }).expect(201)).body
      .token;
    await api
      .anonymous()
      .post('/calendar/feeds')
      .set('Authorization', `Bearer ${stranger}`)
      .send({ participantId: ids.p1 })
      .expect(400, /participantId/);
  });

  it('answers her links: a personal link that works as her token and a new feed, replacing the earlier ones', async () => {
    const first = (await api.get(`/participants/${ids.p3}/links`).expect(200)).body;
    expect(first).toEqual({
      personal: expect.stringMatching(/^https:\/\/trefpunt\.example\.nl\/me\?token=tp_[\w-]{43}$/),
      calendar: expect.stringMatching(/^https:\/\/trefpunt\.example\.nl\/calendar\/feed\.ics\?key=tp_cal_/),
    });
    const tokenOf = (links: { personal: string }) => new URL(links.personal).searchParams.get('token')!;
    const me = (token: string) =>
      request(api.app.getHttpServer()).get('/me').set('Authorization', `Bearer ${token}`);
    expect((await me(tokenOf(first)).expect(200)).body.id).toBe(ids.p3);
    await fetchFeed(first.calendar);
    const second = (await api.get(`/participants/${ids.p3}/links`).expect(200)).body;
    await me(tokenOf(first)).expect(401);
    await api.anonymous().get(feedPath(first.calendar)).expect(404);
    await me(tokenOf(second)).expect(200);
    await fetchFeed(second.calendar);
    await api.get(`/participants/00000000-0000-4000-8000-000000000000/links`).expect(404);
  });

  it("stops answering a coordinator's feed when her token is revoked", async () => {
    await fetchFeed(urls.coordinator);
    const { items } = (await api.get('/tokens?role=coordinator').expect(200)).body;
    for (const token of items) await api.post(`/tokens/${token.id}/revoke`).expect(200);
    await api.anonymous().get(feedPath(urls.coordinator)).expect(404);
  });

  it('stops answering her feed when she is erased', async () => {
    const url = await newFeed({ participantId: ids.p4 });
    await fetchFeed(url);
    await api.post(`/participants/${ids.p4}/erase`).expect(200);
    await api.anonymous().get(feedPath(url)).expect(404);
  });
});
