import { DateTime } from 'luxon';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { minibus, village } from '../factories/village.factory';

const zone = 'Europe/Amsterdam';
// Rides tomorrow: within the days a driver's feed names her passengers.
const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
const at = (time: string) => DateTime.fromISO(`${tomorrow}T${time}`, { zone }).toISO()!;

/** Women of the municipality `gem` (p1–p4) and of `oost` (p5–p7); p7 lives too far away to be collected. */
const women = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
  ref: `p${n}`,
  municipality: n <= 4 ? 'gem' : 'oost',
  name: `${n <= 4 ? 'Gemvrouw' : 'Oostvrouw'}${n} Test`,
  address: `${n <= 4 ? 'Kerkpad' : 'Oostlaan'} ${n}`,
  phone: `+3163333000${n}`,
  position:
    n === 7 ? { lat: 53.4, lon: 6.5 } : { lat: 52.1 + Math.sin(n) * 0.02, lon: 6.5 + Math.cos(n) * 0.03 },
}));
interface Sheet {
  routes: { navigationUrl: string; hiddenStops: number; stops: { firstName: string; address: string }[] }[];
}

const outside = women.filter((woman) => woman.municipality === 'oost');
const inside = women.filter((woman) => woman.municipality === 'gem');

function grensdorp() {
  const scenario = village({
    region: 'grensdorp',
    startDate: tomorrow,
    participants: women.map((woman) => ({
      id: woman.ref,
      name: woman.name,
      address: woman.address,
      phone: woman.phone,
      position: woman.position,
      transport: 'pickup' as const,
    })),
    vehicles: [minibus('bus')],
  });
  scenario.municipalities.push({ id: 'oost', name: 'Gemeente Oost' });
  for (const [index, woman] of women.entries())
    scenario.participants[index].municipalityId = woman.municipality;
  return scenario;
}

/**
 * A coordinator limited to the municipality `gem` gets no personal data of the women of `oost` through the
 * answers that list several participants: route sheets (JSON and HTML), a driver's calendar feed she makes, a
 * group, a session's attendance and its routes. A coordinator of the whole region gets them all.
 */
describe('hostile: a coordinator limited to one municipality', () => {
  let api: TestApp;
  const ids: Record<string, string> = {};
  const tokens = { limited: '', unlimited: '' };
  let sessionId: string;

  const as = (who: keyof typeof tokens) => {
    const server = api.app.getHttpServer();
    const auth = (test: request.Test) => test.set('Authorization', `Bearer ${tokens[who]}`);
    return {
      get: (path: string) => auth(request(server).get(path)),
      post: (path: string, body?: object) => auth(request(server).post(path)).send(body),
      patch: (path: string, body?: object) => auth(request(server).patch(path)).send(body),
      delete: (path: string) => auth(request(server).delete(path)),
    };
  };
  /** Whatever of the women of `oost` an answer shows: their ids, names, addresses and phone numbers. */
  const outsiders = (text: string) =>
    outside.flatMap((woman) =>
      [ids[woman.ref], woman.name.split(' ')[0], woman.address, woman.phone].filter((value) =>
        text.includes(value),
      ),
    );
  const insiders = (text: string) =>
    inside.flatMap((woman) =>
      [woman.name.split(' ')[0], woman.address, woman.phone].filter((value) => text.includes(value)),
    );

  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl/' });
    await api.post('/imports/scenario', grensdorp()).expect(200);
    for (const path of ['/participants', '/vehicles', '/groups']) {
      (await api.get(`${path}?region=grensdorp&limit=100`).expect(200)).body.items.forEach(
        (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
      );
    }
    const regionId = (await api.get('/regions/grensdorp').expect(200)).body.id;
    const trainerId = (await api.get('/trainers?region=grensdorp').expect(200)).body.items[0].id;
    sessionId = (
      await api
        .post('/sessions', { regionId, groupId: ids.g, start: at('10:00'), end: at('12:30'), trainerId })
        .expect(201)
    ).body.id;
    ids.driver = (
      await api.post('/drivers', { regionId, name: 'Henk', vehicleId: ids.bus }).expect(201)
    ).body.id;
    await api.post(`/sessions/${sessionId}/routes/plan`).expect(200);
    tokens.limited = (
      await api
        .post('/tokens', { role: 'coordinator', regions: ['grensdorp'], municipalities: ['gem'] })
        .expect(201)
    ).body.token;
    tokens.unlimited = (
      await api.post('/tokens', { role: 'coordinator', regions: ['grensdorp'] }).expect(201)
    ).body.token;
  });
  afterAll(() => api.close());

  it('leaves the stops of other municipalities off a JSON route sheet, counting them', async () => {
    const path = `/drivers/${ids.driver}/routes?date=${tomorrow}`;
    const all: Sheet = (await as('unlimited').get(path).expect(200)).body;
    const stopsOf = (sheet: Sheet, women: typeof outside) =>
      sheet.routes
        .flatMap((route) => route.stops)
        .filter((stop) => women.some((w) => stop.address === w.address));
    const homes = (sheet: Sheet) =>
      outside.filter((woman) =>
        sheet.routes.some((route) =>
          decodeURIComponent(route.navigationUrl).includes(`${woman.position.lat},${woman.position.lon}`),
        ),
      );
    expect(stopsOf(all, outside).length).toBeGreaterThan(0);
    expect(homes(all).length).toBeGreaterThan(0);
    expect(all.routes.every((route) => route.hiddenStops === 0)).toBe(true);

    const limited: Sheet = (await as('limited').get(path).expect(200)).body;
    expect(outsiders(JSON.stringify(limited))).toEqual([]);
    // Their homes are not among the navigation's waypoints either.
    expect(homes(limited)).toEqual([]);
    expect(stopsOf(limited, inside)).toEqual(stopsOf(all, inside));
    expect(limited.routes.reduce((n, route) => n + route.hiddenStops, 0)).toBe(stopsOf(all, outside).length);
  });

  it('leaves them off the printable route sheet, saying how many', async () => {
    const path = `/drivers/${ids.driver}/routes?date=${tomorrow}`;
    const all = await as('unlimited').get(`${path}&format=html`).expect(200);
    expect(outsiders(all.text).length).toBeGreaterThan(0);
    expect(all.text).not.toContain('niet getoond');

    const limited = await as('limited').get(path).set('Accept', 'text/html').expect(200);
    expect(limited.headers['content-type']).toMatch(/text\/html/);
    expect(outsiders(limited.text)).toEqual([]);
    expect(insiders(limited.text).sort()).toEqual(insiders(all.text).sort());
    const hidden = (await as('limited').get(path).expect(200)).body as Sheet;
    const said = [...limited.text.matchAll(/(\d+) haltes? in andere gemeenten niet getoond/g)];
    expect(said.reduce((n, match) => n + Number(match[1]), 0)).toBe(
      hidden.routes.reduce((n, route) => n + route.hiddenStops, 0),
    );
    expect(said.length).toBeGreaterThan(0);
  });

  it('makes a driver feed she issues name only the passengers of her municipality', async () => {
    const fetchFeed = async (who: keyof typeof tokens) => {
      const { url } = (await as(who).post('/calendar/feeds', { driverId: ids.driver }).expect(201)).body;
      const { pathname, search } = new URL(url);
      return (await api.anonymous().get(`${pathname}${search}`).expect(200)).text;
    };
    const limited = await fetchFeed('limited');
    expect(outsiders(limited)).toEqual([]);
    expect(insiders(limited).length).toBeGreaterThan(0);

    // The same driver's feed, issued anew by a coordinator of the whole region, names them all.
    const all = await fetchFeed('unlimited');
    expect(outsiders(all).length).toBeGreaterThan(0);
  });

  it("lists only her municipality's members of a group, and keeps the others when she replaces the list", async () => {
    const all = (await as('unlimited').get(`/groups/${ids.g}`).expect(200)).body;
    expect(all.participantIds).toEqual(women.map((woman) => ids[woman.ref]).sort());
    expect(all.hiddenParticipants).toBe(0);

    const limited = (await as('limited').get(`/groups/${ids.g}`).expect(200)).body;
    expect(limited.participantIds).toEqual(inside.map((woman) => ids[woman.ref]).sort());
    expect(limited.hiddenParticipants).toBe(3);
    const listed = (await as('limited').get('/groups?region=grensdorp').expect(200)).body.items;
    expect(outsiders(JSON.stringify(listed))).toEqual([]);

    const patched = await as('limited')
      .patch(`/groups/${ids.g}`, { participantIds: limited.participantIds })
      .expect(200);
    expect(patched.body).toEqual(limited);
    expect((await as('unlimited').get(`/groups/${ids.g}`).expect(200)).body).toEqual(all);
  });

  it("lists only her municipality's riders in a session's routes and in a re-plan's answer", async () => {
    type Entry = { participantId: string };
    const about = (entries: Entry[]) =>
      entries.filter((entry) => outside.some((woman) => ids[woman.ref] === entry.participantId)).length;
    const all = (await as('unlimited').get(`/sessions/${sessionId}/routes`).expect(200)).body;
    const outsideStops = about(all.routes.flatMap((route: { stops: Entry[] }) => route.stops));
    expect(outsideStops).toBeGreaterThan(0);
    // She who lives too far away cannot be brought in time.
    expect(all.unrouted).toContainEqual(expect.objectContaining({ participantId: ids.p7, direction: 'to' }));
    expect(all.hiddenUnrouted).toBe(0);

    const limited = (await as('limited').get(`/sessions/${sessionId}/routes`).expect(200)).body;
    expect(outsiders(JSON.stringify(limited))).toEqual([]);
    expect(
      limited.routes.reduce((n: number, route: { hiddenStops: number }) => n + route.hiddenStops, 0),
    ).toBe(outsideStops);
    expect(limited.unrouted).toEqual(all.unrouted.filter((entry: Entry) => about([entry]) === 0));
    expect(limited.hiddenUnrouted).toBe(about(all.unrouted));

    // A first re-plan settles what the plan left to improve; the next two then change nothing.
    await as('unlimited').post(`/sessions/${sessionId}/routes/replan`).expect(200);
    const replanned = (await as('limited').post(`/sessions/${sessionId}/routes/replan`).expect(200)).body;
    expect(outsiders(JSON.stringify(replanned))).toEqual([]);
    const again = (await as('unlimited').post(`/sessions/${sessionId}/routes/replan`).expect(200)).body;
    expect(again.hiddenEntries).toBe(0);
    expect(about(again.unrouted)).toBeGreaterThan(0);
    expect(replanned.hiddenEntries).toBe(about(again.unrouted) + about(again.changes));
  });

  it("lists only her municipality's women in a session's attendance", async () => {
    await api.post(`/sessions/${sessionId}/absences`, { participantId: ids.p5, reason: 'ill' }).expect(201);
    const all = (await as('unlimited').get(`/sessions/${sessionId}/attendance`).expect(200)).body;
    expect(all.items).toHaveLength(7);
    expect(all.hiddenParticipants).toBe(0);
    expect(all.items).toContainEqual({ participantId: ids.p5, state: 'absent', reason: 'ill' });

    const limited = (await as('limited').get(`/sessions/${sessionId}/attendance`).expect(200)).body;
    expect(outsiders(JSON.stringify(limited))).toEqual([]);
    expect(limited.items.map((item: { participantId: string }) => item.participantId).sort()).toEqual(
      inside.map((woman) => ids[woman.ref]).sort(),
    );
    expect(limited.hiddenParticipants).toBe(3);
    // Nor does withdrawing an absence tell her that one of them reported one: the answer is the one for a
    // woman of hers who reported none.
    const theirs = await as('limited').delete(`/sessions/${sessionId}/absences/${ids.p5}`).expect(404);
    const none = await as('limited').delete(`/sessions/${sessionId}/absences/${ids.p1}`).expect(404);
    expect(theirs.body.message.replace(ids.p5, 'X')).toBe(none.body.message.replace(ids.p1, 'X'));
    await as('unlimited').delete(`/sessions/${sessionId}/absences/${ids.p5}`).expect(204);
  });
});
