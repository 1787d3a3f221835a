import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { DemoDataLoader } from '../../src/modules/scenario/demo-data.loader';

describe('the demo region', () => {
  describe('with TREFPUNT_DEMO_DATA on', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ TREFPUNT_DEMO_DATA: 'true' });
    });
    afterAll(() => api.close());

    it('is loaded on the first start of an empty database', async () => {
      const region = await api.get('/regions/berkelland').expect(200);
      expect(region.body.name).toMatch(/^Demo: /);
      const participants = await api.get('/participants?region=berkelland').expect(200);
      expect(participants.body.total).toBe(35);
    });

    it('is planned after it is loaded: a plan job was queued, and a newcomer finds a planned week', async () => {
      const jobs: { id: string; kind: string }[] = await api.app
        .get(DataSource)
        .query(`SELECT id, kind FROM jobs WHERE kind = 'plan-programme'`);
      expect(jobs).toHaveLength(1);
      const deadline = Date.now() + 120_000;
      let job = (await api.get(`/jobs/${jobs[0].id}`).expect(200)).body;
      while (job.state === 'queued' || job.state === 'running') {
        if (Date.now() > deadline) throw new Error(`the demo plan is still ${job.state}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        job = (await api.get(`/jobs/${jobs[0].id}`).expect(200)).body;
      }
      expect(job).toMatchObject({ state: 'done', fraction: 1 });
      expect(job.result.sessions).toBeGreaterThan(0);
      const sessions = await api.get('/sessions?region=berkelland&status=planned').expect(200);
      expect(sessions.body.total).toBe(job.result.sessions);
      const plan = await api.get('/exports/plan?region=berkelland').expect(200);
      expect(plan.body.canCome.canCome).toBeGreaterThan(0);
      expect(plan.body.routes.length).toBeGreaterThan(0);
    }, 180_000);

    it('is loaded once only: renamed or gone, it does not come back on the next start', async () => {
      await api.patch('/regions/berkelland', { ref: 'berkelland-renamed' }).expect(200);
      await api.app.get(DemoDataLoader).onApplicationBootstrap();
      await api.get('/regions/berkelland').expect(404);
      const regions = await api.get('/regions').expect(200);
      expect(regions.body.total).toBe(1);
      // Nor is it planned again.
      const jobs = await api.app.get(DataSource).query(`SELECT id FROM jobs WHERE kind = 'plan-programme'`);
      expect(jobs).toHaveLength(1);
    });
  });

  describe('with TREFPUNT_DEMO_DATA=false', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ TREFPUNT_DEMO_DATA: 'false' });
    });
    afterAll(() => api.close());

    it('leaves the database empty', async () => {
      const regions = await api.get('/regions').expect(200);
      expect(regions.body).toEqual({ items: [], total: 0 });
    });
  });
});
