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

    it('is loaded once only: renamed or gone, it does not come back on the next start', async () => {
      await api.patch('/regions/berkelland', { ref: 'berkelland-renamed' }).expect(200);
      await api.app.get(DemoDataLoader).onApplicationBootstrap();
      await api.get('/regions/berkelland').expect(404);
      const regions = await api.get('/regions').expect(200);
      expect(regions.body.total).toBe(1);
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
