import { buildScenario } from '../factories/scenario.factory';
import { startTestApp, TestApp } from '../support/test-app';
import { PlanningCascadeService } from '../../src/modules/plans/planning-cascade.service';
import { ServiceInstance, startServiceInstance } from '../support/service-instance';

interface JobView {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  fraction: number;
  step: string | null;
  result?: unknown;
  reason?: string;
  attempts: number;
  instance: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A plan summary without what differs between two databases or two runs: ids and durations. */
const comparable = (summary: unknown) =>
  JSON.parse(
    JSON.stringify(summary, (key, value: unknown) =>
      key === 'durationMs' ? 0 : typeof value === 'string' ? value.replace(UUID, '<id>') : value,
    ),
  ) as unknown;

async function importRegion(api: TestApp, region: string, participants: number, seed = 1): Promise<string> {
  await api.post('/imports/scenario', buildScenario({ participants, region, seed })).expect(200);
  return (await api.get(`/programmes?region=${region}`).expect(200)).body.items[0].id as string;
}

/** Every view of the job until it ended, looked at every `everyMs`. */
async function follow(api: TestApp, id: string, everyMs = 40): Promise<JobView[]> {
  const seen: JobView[] = [];
  for (;;) {
    const job = (await api.get(`/jobs/${id}`).expect(200)).body as JobView;
    seen.push(job);
    if (job.state === 'done' || job.state === 'failed') return seen;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('jobs', () => {
  describe('one instance', () => {
    let api: TestApp;
    let direct: unknown;
    beforeAll(async () => {
      // The region planned directly, without a job, in a database of its own. First: a second app in the same
      // process takes over the transactions of the first, so this one is closed before the other starts.
      const alone = await startTestApp();
      try {
        const programmeId = await importRegion(alone, 'jobs-progress', 60);
        direct = await alone.app.get(PlanningCascadeService).planProgramme(programmeId, new Date());
      } finally {
        await alone.close();
      }
      api = await startTestApp();
    });
    afterAll(() => api.close());

    it('answers 202 with the job at once, whose progress goes from 0 to 1 and whose result is the direct plan', async () => {
      const programmeId = await importRegion(api, 'jobs-progress', 60);
      const queued = await api
        .post(`/programmes/${programmeId}/plan`)
        .set('Prefer', 'respond-async')
        .expect(202);
      expect(queued.body).toEqual({ id: expect.any(String), state: 'queued' });
      expect(queued.headers.location).toBe(`/jobs/${queued.body.id}`);
      expect(queued.headers['preference-applied']).toBe('respond-async');

      const seen = await follow(api, queued.body.id);
      const fractions = seen.map((job) => job.fraction);
      expect(fractions[0]).toBe(0);
      expect(fractions.at(-1)).toBe(1);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(seen.some((job) => job.state === 'running' && job.fraction > 0 && job.fraction < 1)).toBe(true);
      const steps = new Set(seen.map((job) => job.step));
      expect(
        [...steps].filter((step) =>
          ['loading', 'choosing times', 'care and rides', 'storing'].includes(step!),
        ).length,
      ).toBeGreaterThan(0);
      const done = seen.at(-1)!;
      expect(done).toMatchObject({ state: 'done', attempts: 1 });
      expect(comparable(done.result)).toEqual(comparable(direct));
    });

    it('streams the job as server-sent events until it is done', async () => {
      const programmeId = await importRegion(api, 'jobs-events', 30, 5);
      const { id } = (
        await api.post(`/programmes/${programmeId}/plan`).set('Prefer', 'respond-async').expect(202)
      ).body as JobView;
      const stream = await api
        .get(`/jobs/${id}/events`)
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => done(null, text));
        })
        .expect(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      const events = (stream.body as string)
        .split('\n\n')
        .filter((block) => block.includes('event: job'))
        .map(
          (block) =>
            JSON.parse(
              block
                .split('\n')
                .find((line) => line.startsWith('data: '))!
                .slice(6),
            ) as JobView,
        );
      expect(events.length).toBeGreaterThan(1);
      const fractions = events.map((event) => event.fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(events.at(-1)).toMatchObject({ id, state: 'done', fraction: 1 });
    });

    it('waits for the job without Prefer: respond-async and answers as the plan did before jobs', async () => {
      const programmeId = await importRegion(api, 'jobs-waiting', 30, 2);
      const answer = await api.post(`/programmes/${programmeId}/plan`).expect(200);
      expect(answer.body).toMatchObject({ careAndRides: { sessions: expect.any(Number) } });
      expect(answer.body.careAndRides.sessions).toBeGreaterThan(0);
    });

    it('refuses an unknown programme before anything is queued, and shows a job only within its region', async () => {
      await api
        .post('/programmes/00000000-0000-4000-8000-000000000000/plan')
        .set('Prefer', 'respond-async')
        .expect(404);
      const programmeId = await importRegion(api, 'jobs-private', 30, 3);
      await importRegion(api, 'jobs-other', 30, 4);
      const { id } = (
        await api.post(`/programmes/${programmeId}/plan`).set('Prefer', 'respond-async').expect(202)
      ).body as JobView;
      const issue = async (regions: string[]) =>
        (await api.post('/tokens', { role: 'coordinator', regions, label: 'test' }).expect(201)).body
          .token as string;
      const outsider = await issue(['jobs-other']);
      const insider = await issue(['jobs-private']);
      await api.anonymous().get(`/jobs/${id}`).expect(401);
      await api.anonymous().get(`/jobs/${id}`).set('Authorization', `Bearer ${outsider}`).expect(404);
      await api.anonymous().get(`/jobs/${id}`).set('Authorization', `Bearer ${insider}`).expect(200);
      await follow(api, id);
    });
  });

  describe('several instances on one database', () => {
    // Short leases so that a killed instance's job is taken over within seconds.
    const jobs = { TREFPUNT_JOB_LEASE_SECONDS: '10', TREFPUNT_JOB_POLL_MS: '500' };
    let api: TestApp;
    let instances: ServiceInstance[] = [];
    const programmes = new Map<string, string>();
    const pidOf = (job: JobView) => Number(job.instance!.split(':').at(-1));
    const queue = async (region: string) =>
      (
        await api
          .post(`/programmes/${programmes.get(region)}/plan`)
          .set('Prefer', 'respond-async')
          .expect(202)
      ).body.id as string;
    const regions = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

    beforeAll(async () => {
      // This one only takes requests and queues: the two child processes run the jobs, the imports too.
      api = await startTestApp({ ...jobs, TREFPUNT_JOB_WORKERS: '0' });
      instances = await Promise.all(
        [1, 2].map(() => startServiceInstance(api.databaseUrl, { ...jobs, TREFPUNT_JOB_WORKERS: '1' })),
      );
      for (const [index, region] of [...regions, 'slow'].entries()) {
        programmes.set(region, await importRegion(api, region, region === 'slow' ? 60 : 30, index + 10));
      }
    }, 300_000);
    afterAll(async () => {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      await Promise.all(instances.map((instance) => instance.exited));
      await api.close();
    });

    it('plans 6 regions with both instances, never one region twice at once, every job done', async () => {
      // Two plans for r1 and r2: the second waits for the first.
      const ids = [];
      for (const region of [...regions, 'r1', 'r2']) ids.push({ region, id: await queue(region) });
      const ended = await Promise.all(
        ids.map(async ({ region, id }) => ({ region, job: (await follow(api, id, 200)).at(-1)! })),
      );
      expect(ended.map(({ job }) => job.state)).toEqual(ended.map(() => 'done'));
      for (const region of ['r1', 'r2']) {
        const [a, b] = ended.filter((e) => e.region === region).map(({ job }) => job);
        const apart = a.finishedAt! <= b.startedAt! || b.finishedAt! <= a.startedAt!;
        expect(apart).toBe(true);
      }
      const pids = new Set(ended.map(({ job }) => pidOf(job)));
      expect([...pids].sort()).toEqual(instances.map((instance) => instance.child.pid).sort());
    }, 300_000);

    it('finishes on the other instance the job of an instance killed under it', async () => {
      const id = await queue('slow');
      let running: JobView;
      do running = (await api.get(`/jobs/${id}`).expect(200)).body as JobView;
      while (running.state !== 'running' || running.instance === null);
      const victim = instances.find((instance) => instance.child.pid === pidOf(running))!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      const done = (await follow(api, id, 200)).at(-1)!;
      expect(done).toMatchObject({ state: 'done', attempts: 2 });
      expect(pidOf(done)).not.toBe(victim.child.pid);
      expect(pidOf(done)).toBe(instances.find((instance) => instance !== victim)!.child.pid);
    }, 300_000);

    it('loses nothing when the last instance is stopped (SIGTERM) mid-job: it finishes, the rest stays queued', async () => {
      const survivor = instances.find(
        (instance) => instance.child.exitCode === null && !instance.child.signalCode,
      )!;
      const first = await queue('slow');
      const behind = await queue('r3');
      let running: JobView;
      do running = (await api.get(`/jobs/${first}`).expect(200)).body as JobView;
      while (running.state !== 'running');
      survivor.child.kill('SIGTERM');
      // Nest closes the application at SIGTERM, then ends the process by the same signal.
      expect(await survivor.exited).toEqual({ code: null, signal: 'SIGTERM' });
      expect((await api.get(`/jobs/${first}`).expect(200)).body).toMatchObject({
        state: 'done',
        attempts: 1,
      });
      expect((await api.get(`/jobs/${behind}`).expect(200)).body).toMatchObject({ state: 'queued' });
      // An instance started later takes what was left.
      const later = await startTestApp({ ...jobs, TREFPUNT_JOB_WORKERS: '1' }, { sameDatabaseAs: api });
      try {
        expect((await follow(api, behind, 200)).at(-1)).toMatchObject({ state: 'done' });
      } finally {
        await later.close();
      }
    }, 300_000);
  });
});
