import { DateTime } from 'luxon';
import { Client } from 'pg';
import { buildScenario } from '../factories/scenario.factory';
import { minibus, village } from '../factories/village.factory';
import { startTestApp, TestApp } from '../support/test-app';

interface JobView {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  fraction: number;
  step: string | null;
  result?: Record<string, unknown>;
  reason?: string;
  startedAt: string | null;
  finishedAt: string | null;
  estimatedSecondsLeft: number | null;
}

const zone = 'Europe/Amsterdam';
const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
const at = (time: string) => DateTime.fromISO(`${tomorrow}T${time}`, { zone }).toISO()!;

/** Six women to collect, a bus and a car. */
const jobdorp = () =>
  village({
    region: 'jobdorp',
    startDate: tomorrow,
    participants: [1, 2, 3, 4, 5, 6].map((n) => ({
      id: `p${n}`,
      name: `Fatima${n} Test`,
      position: { lat: 52.1 + Math.sin(n) * 0.03, lon: 6.5 + Math.cos(n) * 0.04 },
      phone: `+3161111100${n}`,
      transport: 'pickup' as const,
      children: n === 1 ? [{ id: 'kind1', birthDate: '2025-01-15', careByPartner: false }] : [],
    })),
    vehicles: [
      minibus('bus'),
      { ...minibus('car', 3, 0, { lat: 52.09, lon: 6.49 }), name: 'Auto', kind: 'car' },
    ],
  });

const IMPORT_STEPS = [
  'region and locations',
  'participants',
  'children',
  'lessons',
  'appointments',
  'staff',
  'vehicles',
  'childcare',
  'programme and groups',
  'conflicts',
];

describe('routes, childcare and imports as jobs', () => {
  let api: TestApp;
  let db: Client;
  let sessionId: string;
  let programmeId: string;
  const ids: Record<string, string> = {};

  /** Every view of the job until it ended. */
  async function follow(id: string, everyMs = 20): Promise<JobView[]> {
    const seen: JobView[] = [];
    for (;;) {
      const job = (await api.get(`/jobs/${id}`).expect(200)).body as JobView;
      seen.push(job);
      if (job.state === 'done' || job.state === 'failed') return seen;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }

  /** Waits until the job is done without reading it through the API (which would be an audited read). */
  async function doneUnread(id: string): Promise<void> {
    for (;;) {
      const { rows } = await db.query<{ state: string }>('SELECT state FROM pgboss.job WHERE id = $1', [id]);
      if (rows[0]?.state === 'completed') return;
      if (rows[0] && ['failed', 'cancelled'].includes(rows[0].state)) throw new Error(`job ${rows[0].state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const count = async (sql: string, values: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, values)).rows[0].n);

  const queued = async (path: string, body?: object) => {
    const answer = await api.post(path, body).set('Prefer', 'respond-async').expect(202);
    expect(answer.body).toEqual({ id: expect.any(String), state: 'queued' });
    expect(answer.headers.location).toBe(`/jobs/${answer.body.id}`);
    return answer.body.id as string;
  };

  beforeAll(async () => {
    // Two workers, so that only the region's lock keeps two jobs of one region apart.
    api = await startTestApp({ TREFPUNT_JOB_WORKERS: '2' });
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  it('imports a scenario as a job, showing its steps, or waits for it without Prefer', async () => {
    const document = buildScenario({ participants: 400, region: 'big', seed: 3 });
    const id = await queued('/imports/scenario', document);
    const seen = await follow(id, 10);
    const done = seen.at(-1)!;
    expect(done).toMatchObject({
      kind: 'import-scenario',
      state: 'done',
      fraction: 1,
      estimatedSecondsLeft: 0,
    });
    expect(done.result).toMatchObject({ region: { ref: 'big', created: true }, changed: true });
    expect(seen.some((job) => IMPORT_STEPS.includes(job.step!))).toBe(true);
    const fractions = seen.map((job) => job.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // The document waited in a table of its own, gone with the job; pg-boss kept only ids.
    expect(await count('SELECT count(*) AS n FROM scenario_imports')).toBe(0);
    const data = (await db.query('SELECT data FROM pgboss.job WHERE id = $1', [id])).rows[0].data;
    expect(Object.keys(data.input).sort()).toEqual(['documentId', 'regionRef']);

    const again = await api.post('/imports/scenario', document).expect(200);
    expect(again.body).toMatchObject({ region: { ref: 'big', created: false }, changed: false });
  });

  it('refuses a bad document with every problem before anything is queued', async () => {
    const before = await count('SELECT count(*) AS n FROM jobs');
    const document = buildScenario({ participants: 5, region: 'bad', seed: 4 });
    document.participants[0].municipalityId = 'nowhere';
    document.participants[1].municipalityId = 'elsewhere';
    const answer = await api.post('/imports/scenario', document).set('Prefer', 'respond-async').expect(400);
    expect(answer.body.message).toEqual(
      expect.arrayContaining([expect.stringContaining('nowhere'), expect.stringContaining('elsewhere')]),
    );
    expect(await count('SELECT count(*) AS n FROM jobs')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM scenario_imports')).toBe(0);
  });

  describe('a village with a session tomorrow', () => {
    beforeAll(async () => {
      await api.post('/imports/scenario', jobdorp()).expect(200);
      for (const path of ['/participants', '/vehicles', '/groups']) {
        (await api.get(`${path}?region=jobdorp&limit=100`).expect(200)).body.items.forEach(
          (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
        );
      }
      const trainerId = (await api.get('/trainers?region=jobdorp').expect(200)).body.items[0].id;
      const regionId = (await api.get('/regions/jobdorp').expect(200)).body.id;
      programmeId = (await api.get('/programmes?region=jobdorp').expect(200)).body.items[0].id;
      sessionId = (
        await api
          .post('/sessions', { regionId, groupId: ids.g, start: at('10:00'), end: at('12:30'), trainerId })
          .expect(201)
      ).body.id;
    });

    it('plans and re-plans a session’s routes and a programme’s routes, with and without Prefer', async () => {
      const waited = (await api.post(`/sessions/${sessionId}/routes/plan`).expect(200)).body;
      expect(waited).toMatchObject({ sessions: 1, riders: 12, unrouted: [], hiddenEntries: 0 });

      const planned = (await follow(await queued(`/sessions/${sessionId}/routes/plan`))).at(-1)!;
      expect(planned).toMatchObject({ kind: 'plan-session-routes', state: 'done', result: { riders: 12 } });

      const replanned = (await follow(await queued(`/sessions/${sessionId}/routes/replan`))).at(-1)!;
      expect(replanned).toMatchObject({
        kind: 'replan-session-routes',
        state: 'done',
        result: { changes: [] },
      });
      expect((await api.post(`/sessions/${sessionId}/routes/replan`).expect(200)).body.riders).toBe(12);

      const week = DateTime.fromISO(tomorrow).toFormat("kkkk-'W'WW");
      const programme = `/programmes/${programmeId}/routes/plan?week=${week}`;
      expect((await api.post(programme).expect(200)).body.sessions).toBe(1);
      expect((await follow(await queued(programme))).at(-1)).toMatchObject({
        kind: 'plan-programme-routes',
        state: 'done',
        result: { sessions: 1 },
      });
      // A week that does not exist: 400 before anything is queued.
      await api
        .post(`/programmes/${programmeId}/routes/plan?week=2027-W60`)
        .set('Prefer', 'respond-async')
        .expect(400, /week/);
    });

    it('plans a programme’s childcare, with and without Prefer', async () => {
      const waited = (await api.post(`/programmes/${programmeId}/childcare/plan`).expect(200)).body;
      expect(waited).toMatchObject({ programmeId, sessions: expect.any(Number) });
      const job = (await follow(await queued(`/programmes/${programmeId}/childcare/plan`))).at(-1)!;
      expect(job).toMatchObject({ kind: 'plan-childcare', state: 'done', result: { programmeId } });
      await api
        .post('/programmes/00000000-0000-4000-8000-000000000000/childcare/plan')
        .set('Prefer', 'respond-async')
        .expect(404);
    });

    let unroutedJob: string;
    let named: string[];

    it('writes the audit entry when the result is read, not when it is computed', async () => {
      // Two seats and no car: some women cannot be collected, and the answer names them.
      await api.patch(`/vehicles/${ids.car}`, { availability: [] }).expect(200);
      await api.patch(`/vehicles/${ids.bus}`, { seats: 2, childSeats: 0 }).expect(200);
      // Reads are written in batches: the audit log's own answer writes what is pending first.
      const reads = async () => {
        await api.get('/audit-log?limit=1').expect(200);
        return count(`SELECT count(*) AS n FROM audit_entries WHERE action = 'read'`);
      };
      const before = await reads();
      unroutedJob = await queued(`/sessions/${sessionId}/routes/plan`);
      await doneUnread(unroutedJob);
      expect(await reads()).toBe(before);

      const job = (await api.get(`/jobs/${unroutedJob}`).expect(200)).body as JobView;
      const unrouted = job.result!.unrouted as { participantId: string }[];
      expect(unrouted.length).toBeGreaterThan(0);
      named = [...new Set(unrouted.map((entry) => entry.participantId))];
      expect(await reads()).toBe(before + named.length);
      const log = (await api.get(`/audit-log?participant=${named[0]}`).expect(200)).body.items;
      expect(log[0]).toMatchObject({ action: 'read', participantId: named[0] });
      // Each read is a read.
      await api.get(`/jobs/${unroutedJob}`).expect(200);
      expect(await reads()).toBe(before + 2 * named.length);
    });

    it('takes an erased participant out of the stored results', async () => {
      const [her] = named;
      expect(await count('SELECT count(*) AS n FROM jobs WHERE result::text LIKE $1', [`%${her}%`])).toBe(1);
      await api.post(`/participants/${her}/erase`).expect(200);
      expect(await count('SELECT count(*) AS n FROM jobs WHERE result::text LIKE $1', [`%${her}%`])).toBe(0);
      const job = (await api.get(`/jobs/${unroutedJob}`).expect(200)).body as JobView;
      const unrouted = job.result!.unrouted as { participantId: string }[];
      expect(unrouted.map((entry) => entry.participantId)).not.toContain(her);
      expect(unrouted.map((entry) => entry.participantId)).toEqual(expect.arrayContaining(named.slice(1)));
    });
  });

  it('never runs an import and a plan of the same region at the same time', async () => {
    const document = buildScenario({ participants: 60, region: 'apart', seed: 7 });
    await api.post('/imports/scenario', document).expect(200);
    const programme = (await api.get('/programmes?region=apart').expect(200)).body.items[0].id as string;
    const ids = [
      await queued(`/programmes/${programme}/plan`),
      await queued('/imports/scenario', document),
      await queued(`/programmes/${programme}/childcare/plan`),
      await queued('/imports/scenario', document),
    ];
    const ended = await Promise.all(ids.map(async (id) => (await follow(id, 100)).at(-1)!));
    expect(ended.map((job) => job.state)).toEqual(['done', 'done', 'done', 'done']);
    const spans = ended.map((job) => [Date.parse(job.startedAt!), Date.parse(job.finishedAt!)]);
    for (const [i, [start, end]] of spans.entries()) {
      for (const [otherStart, otherEnd] of spans.slice(i + 1)) {
        expect(end <= otherStart || otherEnd <= start).toBe(true);
      }
    }
  }, 180_000);
});
