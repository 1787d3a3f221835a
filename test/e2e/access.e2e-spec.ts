import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { TOKEN_CACHE_MS } from '../../src/modules/access/token-cache';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

type Caller =
  'admin' | 'coordinatorA' | 'coordinatorB' | 'coordinatorBronckhorst' | 'driverA' | 'participantP2';

/**
 * Who may reach what. Region A is berkelland (municipalities berkelland and bronckhorst), region B utrecht.
 * Every role is tried on every endpoint group, inside and outside its reach.
 */
describe('access control', () => {
  let api: TestApp;
  const tokens = {} as Record<Caller, string>;
  const ids: Record<string, string> = {};
  const as = (caller: Caller) => {
    const server = api.app.getHttpServer();
    const auth = (test: request.Test) => test.set('Authorization', `Bearer ${tokens[caller]}`);
    return {
      get: (path: string) => auth(request(server).get(path)),
      post: (path: string, body?: object) => auth(request(server).post(path)).send(body),
      patch: (path: string, body?: object) => auth(request(server).patch(path)).send(body),
      delete: (path: string) => auth(request(server).delete(path)),
    };
  };
  const first = async (path: string) => (await api.get(path).expect(200)).body.items[0];
  /** How long until a token is refused (401), asked every 100 ms for a little longer than it may take. */
  const msUntilRefused = async (call: () => request.Test) => {
    const started = Date.now();
    while ((await call()).status !== 401 && Date.now() - started < TOKEN_CACHE_MS + 2_000) {
      await new Promise((wait) => setTimeout(wait, 100));
    }
    return Date.now() - started;
  };
  const issue = async (body: object) => (await api.post('/tokens', body).expect(201)).body;

  beforeAll(async () => {
    api = await startTestApp();
    tokens.admin = 'test-admin-token-0123456789abcdef';
    await api.post('/imports/scenario', fixture('berkelland.scenario.json')).expect(200);
    await api.post('/imports/scenario', fixture('utrecht-wijk.scenario.json')).expect(200);
    for (const [name, path] of Object.entries({
      regionA: '/regions?ref=berkelland',
      regionB: '/regions?ref=utrecht',
      p1: '/participants?region=berkelland&ref=p1',
      p2: '/participants?region=berkelland&ref=p2',
      utrechtP1: '/participants?region=utrecht&ref=p1',
      trainerB: '/trainers?region=utrecht',
      interpreterB: '/interpreters?region=utrecht',
      providerB: '/language-providers?region=utrecht',
      childcareB: '/childcare-providers?region=utrecht',
      programmeB: '/programmes?region=utrecht',
      groupB: '/groups?region=utrecht',
      groupBronckhorst: '/groups?region=berkelland&ref=g-bronckhorst-1',
      locationB: '/locations?region=utrecht',
      locationBerkelland: '/locations?region=berkelland&ref=loc-berkelland',
      municipalityB: '/municipalities?region=utrecht',
      vehicleA: '/vehicles?region=berkelland',
    })) {
      ids[name] = (await first(path)).id;
    }
    ids.childB = (await first('/children?region=utrecht')).id;
    ids.lessonB = (await first(`/lessons?participant=${ids.utrechtP1}`)).id;
    ids.driverA = (
      await api.post('/drivers', { regionId: ids.regionA, name: 'Henk', vehicleId: ids.vehicleA }).expect(201)
    ).body.id;
    ids.driverB = (await api.post('/drivers', { regionId: ids.regionB, name: 'Joke' }).expect(201)).body.id;
    ids.sessionA = (
      await api
        .post('/sessions', {
          regionId: ids.regionA,
          groupId: ids.groupBronckhorst,
          start: '2099-01-12T09:30:00+01:00',
          end: '2099-01-12T12:30:00+01:00',
        })
        .expect(201)
    ).body.id;
    ids.sessionB = (
      await api
        .post('/sessions', {
          regionId: ids.regionB,
          groupId: ids.groupB,
          start: '2099-01-13T09:30:00+01:00',
          end: '2099-01-13T11:30:00+01:00',
        })
        .expect(201)
    ).body.id;

    tokens.coordinatorA = (
      await issue({ role: 'coordinator', regions: ['berkelland'], label: 'coördinator A' })
    ).token;
    tokens.coordinatorB = (
      await issue({ role: 'coordinator', regions: ['utrecht'], label: 'coördinator B' })
    ).token;
    tokens.coordinatorBronckhorst = (
      await issue({
        role: 'coordinator',
        regions: ['berkelland'],
        municipalities: ['bronckhorst'],
        label: 'Bronckhorst',
      })
    ).token;
    tokens.driverA = (await issue({ role: 'driver', driverId: ids.driverA, label: 'Henk' })).token;
    tokens.participantP2 = (await issue({ role: 'participant', participantId: ids.p2 })).token;
  });
  // A second instance on the same database, started by the test that needs it; closed last but one, as closing
  // it earlier would close the database connections of this process.
  let other: TestApp | undefined;
  afterAll(async () => {
    await other?.close();
    await api.close();
  });

  describe('endpoint groups by role', () => {
    // [caller, method, path (with :name for ids), expected status]
    const matrix: [Caller, 'get' | 'post' | 'patch' | 'delete', string, number][] = [
      ['admin', 'get', '/regions/utrecht', 200],
      ['coordinatorA', 'get', '/regions/berkelland', 200],
      ['coordinatorA', 'get', '/regions/utrecht', 404],
      ['coordinatorA', 'patch', '/regions/utrecht', 404],
      ['coordinatorA', 'post', '/regions', 403],
      ['coordinatorA', 'delete', '/regions/berkelland', 403],
      ['driverA', 'get', '/regions', 403],
      ['participantP2', 'get', '/regions', 403],

      ['coordinatorA', 'get', '/participants/:p1', 200],
      ['coordinatorA', 'get', '/participants/:utrechtP1', 404],
      ['coordinatorA', 'patch', '/participants/:utrechtP1', 404],
      ['coordinatorA', 'delete', '/participants/:utrechtP1', 404],
      ['coordinatorB', 'get', '/participants/:utrechtP1', 200],
      ['coordinatorB', 'get', '/participants/:p1', 404],
      ['coordinatorBronckhorst', 'get', '/participants/:p2', 200],
      ['coordinatorBronckhorst', 'get', '/participants/:p1', 404],
      ['driverA', 'get', '/participants', 403],
      ['driverA', 'get', '/participants/:p1', 403],
      ['participantP2', 'get', '/participants/:p2', 403],
      ['participantP2', 'get', '/participants/:p1', 403],

      ['coordinatorA', 'get', '/children/:childB', 404],
      ['coordinatorA', 'get', '/lessons/:lessonB', 404],
      [
        'coordinatorA',
        'get',
        '/participants/:utrechtP1/lessons/occurrences?from=2027-01-01&to=2027-01-31',
        404,
      ],
      ['coordinatorA', 'get', '/trainers/:trainerB', 404],
      ['coordinatorA', 'get', '/interpreters/:interpreterB', 404],
      ['coordinatorA', 'get', '/language-providers/:providerB', 404],
      ['coordinatorA', 'get', '/childcare-providers/:childcareB', 404],
      ['coordinatorA', 'get', '/programmes/:programmeB', 404],
      ['coordinatorA', 'get', '/groups/:groupB', 404],
      // A filter on another region's record answers as one that does not exist.
      ['coordinatorA', 'get', '/groups?programme=:programmeB', 400],
      ['coordinatorA', 'get', '/groups?location=:locationB', 400],
      ['coordinatorA', 'get', '/sessions/:sessionB', 404],
      ['coordinatorA', 'get', '/sessions/:sessionA', 200],
      ['coordinatorA', 'get', '/locations/:locationB', 404],
      ['coordinatorA', 'get', '/municipalities/:municipalityB', 404],
      ['coordinatorA', 'get', '/drivers/:driverB', 404],
      ['coordinatorA', 'get', '/drivers/:driverA', 200],
      ['coordinatorBronckhorst', 'get', '/locations/:locationBerkelland', 404],

      ['coordinatorA', 'get', '/exports/scenario?region=berkelland', 200],
      ['coordinatorA', 'get', '/exports/scenario?region=utrecht', 400],
      ['coordinatorBronckhorst', 'get', '/exports/scenario?region=berkelland', 403],
      ['driverA', 'get', '/exports/scenario?region=berkelland', 403],

      ['driverA', 'get', '/drivers/me', 200],
      ['driverA', 'get', '/drivers/:driverA', 403],
      ['driverA', 'get', '/me', 403],
      ['participantP2', 'get', '/me', 200],
      ['participantP2', 'get', '/me/sessions', 200],
      ['participantP2', 'get', '/drivers/me', 403],
      ['participantP2', 'get', '/tokens', 403],
      ['coordinatorA', 'get', '/me', 403],
      ['admin', 'get', '/me', 403],

      ['coordinatorA', 'get', '/audit-log', 200],
      ['coordinatorA', 'get', '/audit-log?region=utrecht', 400],
      ['coordinatorBronckhorst', 'get', '/audit-log', 403],
      ['coordinatorBronckhorst', 'get', '/audit-log?participant=:p2', 200],
      ['coordinatorBronckhorst', 'get', '/audit-log?participant=:p1', 400],
      ['driverA', 'get', '/audit-log', 403],
    ];

    it.each(matrix)('%s %s %s answers %i', async (caller, method, path, status) => {
      const url = path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `:${name}`);
      const response = await as(caller)[method](url).expect(status);
      if (status === 404) expect(response.body.message).toMatch(/: not found$/);
    });
  });

  describe('lists and filters', () => {
    it('give a coordinator the records of her own region only', async () => {
      for (const path of [
        '/participants',
        '/children',
        '/trainers',
        '/sessions',
        '/groups',
        '/locations',
        '/municipalities',
      ]) {
        const response = await as('coordinatorA').get(`${path}?limit=1000`).expect(200);
        expect(response.body.total).toBeGreaterThan(0);
        expect(response.body.items.every((item: { regionId: string }) => item.regionId === ids.regionA)).toBe(
          true,
        );
      }
      const lessons = await as('coordinatorA').get('/lessons?limit=1000').expect(200);
      const ownLessons = await api.get('/lessons?region=berkelland&limit=1000').expect(200);
      expect(lessons.body.total).toBe(ownLessons.body.total);
      const regions = await as('coordinatorA').get('/regions').expect(200);
      expect(regions.body.items.map((region: { ref: string }) => region.ref)).toEqual(['berkelland']);
    });

    it('answer a filter on a region out of reach exactly as one on a region that does not exist', async () => {
      const other = await as('coordinatorA').get('/participants?region=utrecht').expect(400);
      const none = await as('coordinatorA').get('/participants?region=atlantis').expect(400);
      expect(other.body.message.replace('utrecht', 'X')).toBe(none.body.message.replace('atlantis', 'X'));
      await as('coordinatorA').get(`/children?participant=${ids.utrechtP1}`).expect(400);
      await as('coordinatorA').get(`/participants?group=${ids.groupB}`).expect(400);
    });

    it('keep a coordinator limited to a municipality to its participants and locations', async () => {
      const bronckhorst = await as('coordinatorBronckhorst').get('/participants?limit=1000').expect(200);
      const all = await api
        .get('/participants?region=berkelland&municipality=bronckhorst&limit=1000')
        .expect(200);
      expect(bronckhorst.body.total).toBe(all.body.total);
      expect(bronckhorst.body.total).toBeLessThan(35);
      const locations = await as('coordinatorBronckhorst').get('/locations').expect(200);
      expect(locations.body.items.map((location: { ref: string }) => location.ref)).toEqual([
        'loc-bronckhorst',
      ]);
      await as('coordinatorBronckhorst').get('/participants?municipality=berkelland').expect(400);
      const children = await as('coordinatorBronckhorst').get(`/children?participant=${ids.p1}`).expect(400);
      expect(children.body.message).not.toMatch(/Mariam/);
    });

    it('do not let a coordinator write into another region', async () => {
      const response = await as('coordinatorA')
        .post('/trainers', { regionId: ids.regionB, name: 'Indringer', availability: [] })
        .expect(400);
      expect(response.body.message).toEqual(expect.stringMatching(/^regionId: no region/));
      await as('coordinatorA').post('/imports/scenario', fixture('utrecht-wijk.scenario.json')).expect(403);
      const brandNew = { ...fixture('utrecht-wijk.scenario.json'), region: 'nieuw' };
      await as('coordinatorA').post('/imports/scenario', brandNew).expect(403);
      await as('coordinatorA').post('/imports/scenario', fixture('berkelland.scenario.json')).expect(200);
    });
  });

  describe('tokens', () => {
    it('are made by a coordinator only for her own participants and drivers', async () => {
      await as('coordinatorA')
        .post('/tokens', { role: 'coordinator', regions: ['berkelland'] })
        .expect(403);
      await as('coordinatorA').post('/tokens', { role: 'admin' }).expect(403);
      const link = await as('coordinatorA')
        .post('/tokens', { role: 'participant', participantId: ids.p1 })
        .expect(201);
      expect(link.body.token).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);
      await as('coordinatorA')
        .post('/tokens', { role: 'participant', participantId: ids.utrechtP1 })
        .expect(400);
      await as('coordinatorA').post('/tokens', { role: 'driver', driverId: ids.driverB }).expect(400);
      const listed = await as('coordinatorA').get('/tokens').expect(200);
      expect(listed.body.items.some((token: { id: string }) => token.id === link.body.id)).toBe(true);
      expect(JSON.stringify(listed.body)).not.toContain(link.body.token);
      const coordinatorBList = await as('coordinatorB').get('/tokens').expect(200);
      expect(coordinatorBList.body.items.some((token: { id: string }) => token.id === link.body.id)).toBe(
        false,
      );
      await as('coordinatorB').post(`/tokens/${link.body.id}/revoke`).expect(404);
    });

    it('are stored only as a hash, and refused once revoked or expired', async () => {
      const issued = await issue({ role: 'coordinator', regions: ['berkelland'] });
      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      try {
        const stored = await client.query('SELECT * FROM access_tokens WHERE id = $1', [issued.id]);
        expect(JSON.stringify(stored.rows)).not.toContain(issued.token);
        expect(stored.rows[0].token_hash).toBe(createHash('sha256').update(issued.token).digest('hex'));

        const auth = (token: string) =>
          request(api.app.getHttpServer()).get('/regions').set('Authorization', `Bearer ${token}`);
        await auth(issued.token).expect(200);
        await api.post(`/tokens/${issued.id}/revoke`).expect(200);
        const revoked = await auth(issued.token).expect(401);
        expect(revoked.body.message).toMatch(/revoked/);

        const expiring = await issue({
          role: 'coordinator',
          regions: ['berkelland'],
          expiresAt: '2099-01-01T00:00:00Z',
        });
        await auth(expiring.token).expect(200);
        await client.query(
          `UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
          [expiring.id],
        );
        // Changed in the database, as another instance would: this instance believes it for TOKEN_CACHE_MS at most.
        expect(await msUntilRefused(() => auth(expiring.token))).toBeLessThanOrEqual(TOKEN_CACHE_MS + 500);
        await api
          .post('/tokens', {
            role: 'coordinator',
            regions: ['berkelland'],
            expiresAt: '2001-01-01T00:00:00Z',
          })
          .expect(400);
        await auth('tp_not-a-token-not-a-token-not-a-token-0000').expect(401);
      } finally {
        await client.end();
      }
    });

    it('are refused by every instance within TOKEN_CACHE_MS of a revocation through one of them', async () => {
      other = await startTestApp({}, { sameDatabaseAs: api });
      const issued = await issue({ role: 'coordinator', regions: ['berkelland'] });
      const auth = (app: TestApp) =>
        request(app.app.getHttpServer()).get('/regions').set('Authorization', `Bearer ${issued.token}`);
      await auth(api).expect(200);
      await auth(other).expect(200);
      await other.post(`/tokens/${issued.id}/revoke`).expect(200);
      await auth(other).expect(401);
      expect(await msUntilRefused(() => auth(api))).toBeLessThanOrEqual(TOKEN_CACHE_MS + 500);
    });
  });

  describe('a participant with her personal link', () => {
    it('sees her own record and her sessions, nobody else’s', async () => {
      const me = await as('participantP2').get('/me').expect(200);
      expect(me.body).toMatchObject({ id: ids.p2, ref: 'p2' });
      const sessions = await as('participantP2').get('/me/sessions').expect(200);
      expect(sessions.body.items.map((session: { sessionId: string }) => session.sessionId)).toContain(
        ids.sessionA,
      );
      expect(sessions.body.items.map((session: { sessionId: string }) => session.sessionId)).not.toContain(
        ids.sessionB,
      );
    });

    it('says herself that she cannot come to one of her sessions, and only to hers', async () => {
      const absence = await as('participantP2')
        .post(`/me/sessions/${ids.sessionA}/absence`, { reason: 'child-ill' })
        .expect(201);
      expect(absence.body).toMatchObject({
        participantId: ids.p2,
        reason: 'child-ill',
        reportedBy: 'participant',
      });
      const mine = (await as('participantP2').get('/me/sessions').expect(200)).body.items;
      expect(mine.find((s: { sessionId: string }) => s.sessionId === ids.sessionA)).toMatchObject({
        absent: true,
      });
      await as('participantP2').post(`/me/sessions/${ids.sessionB}/absence`, { reason: 'ill' }).expect(400);
      await as('participantP2')
        .post(`/me/sessions/${ids.sessionA}/absence`, { reason: 'no-show' })
        .expect(400, /reason/);
    });
  });

  describe('the audit log', () => {
    it('records who read a participant, and a coordinator reads the log of her participants', async () => {
      await as('coordinatorA').get(`/participants/${ids.p1}`).expect(200);
      const log = await as('coordinatorA').get(`/audit-log?participant=${ids.p1}`).expect(200);
      expect(log.body.items[0]).toMatchObject({
        action: 'read',
        recordType: 'participant',
        recordId: ids.p1,
        actorRole: 'coordinator',
        actorLabel: 'coördinator A',
      });
      const other = await as('coordinatorB').get(`/audit-log?participant=${ids.p1}`).expect(200);
      expect(other.body.total).toBe(0);
    });

    it('records her own reads through her link, and imports and exports', async () => {
      const log = await api.get(`/audit-log?participant=${ids.p2}&limit=1000`).expect(200);
      const actions = log.body.items.map(
        (entry: { action: string; actorRole: string }) => `${entry.actorRole}:${entry.action}`,
      );
      expect(actions).toEqual(
        expect.arrayContaining(['participant:read', 'admin:import', 'coordinator:export']),
      );
    });

    it('cannot be changed or deleted, not even with direct SQL', async () => {
      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      try {
        await expect(client.query(`UPDATE audit_log SET action = 'read'`)).rejects.toThrow(/append-only/);
        await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      } finally {
        await client.end();
      }
      await api.delete('/audit-log').expect(404);
    });
  });

  describe('erasure', () => {
    it('removes her personal data, children, lessons and links in one go, and keeps the group count', async () => {
      const link = await issue({ role: 'participant', participantId: ids.p2 });
      const groupBefore = await api.get(`/groups/${ids.groupBronckhorst}`).expect(200);
      await as('coordinatorB').post(`/participants/${ids.p2}/erase`).expect(404);

      const erased = await as('coordinatorBronckhorst').post(`/participants/${ids.p2}/erase`).expect(200);
      expect(erased.body.participantId).toBe(ids.p2);

      await api.get(`/participants/${ids.p2}`).expect(404);
      const listed = await api.get('/participants?region=berkelland&limit=1000').expect(200);
      expect(listed.body.items.some((p: { id: string }) => p.id === ids.p2)).toBe(false);
      expect(
        (await api.get(`/children?region=berkelland&limit=1000`).expect(200)).body.items.some(
          (child: { participantId: string }) => child.participantId === ids.p2,
        ),
      ).toBe(false);
      await api.get(`/lessons?participant=${ids.p2}`).expect(400);
      await request(api.app.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${link.token}`)
        .expect(401);
      const groupAfter = await api.get(`/groups/${ids.groupBronckhorst}`).expect(200);
      expect(groupAfter.body.participantIds).toEqual(groupBefore.body.participantIds);

      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      try {
        const row = (await client.query('SELECT * FROM participants WHERE id = $1', [ids.p2])).rows[0];
        expect(row).toMatchObject({ name: null, phone: null, address: null, position_lat: null, ref: null });
        expect(row.erased_at).not.toBeNull();
        const lessons = await client.query(
          'SELECT count(*)::int AS n FROM lessons WHERE participant_id = $1',
          [ids.p2],
        );
        expect(lessons.rows[0].n).toBe(0);
        const tokensLeft = await client.query(
          'SELECT count(*)::int AS n FROM access_tokens WHERE participant_id = $1',
          [ids.p2],
        );
        expect(tokensLeft.rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
      const log = await api.get(`/audit-log?participant=${ids.p2}`).expect(200);
      expect(log.body.items[0]).toMatchObject({ action: 'erase', actorLabel: 'Bronckhorst' });

      const exported = await api.get('/exports/scenario?region=berkelland').expect(200);
      const reimported = await api.post('/imports/scenario', exported.body).expect(200);
      expect(reimported.body.changed).toBe(false);
      const groupKept = await api.get(`/groups/${ids.groupBronckhorst}`).expect(200);
      expect(groupKept.body.participantIds).toContain(ids.p2);
    });
  });
});
