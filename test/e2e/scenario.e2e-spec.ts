import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildScenario } from '../factories/scenario.factory';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
type Scenario = ReturnType<typeof fixture>;

describe('scenario import and export', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  describe('a valid region', () => {
    const berkelland: Scenario = fixture('berkelland.scenario.json');
    let first: { body: Record<string, any> };

    beforeAll(async () => {
      first = await api.post('/imports/scenario', berkelland).expect(200);
    });

    it('stores every record and reports what it created', () => {
      expect(first.body.region).toMatchObject({ ref: 'berkelland', created: true });
      expect(first.body.changed).toBe(true);
      expect(first.body.records.participants).toEqual({ created: 35, updated: 0, unchanged: 0 });
      expect(first.body.records.children.created).toBe(55);
      expect(first.body.records.groups.created).toBe(2);
      expect(first.body.lists.lessons.created).toBe(
        berkelland.participants.reduce((sum: number, p: Scenario) => sum + p.lessons.length, 0),
      );
    });

    it('makes every record reachable through the API, with its scenario id as ref', async () => {
      const participants = await api.get('/participants?region=berkelland&limit=100').expect(200);
      expect(participants.body.total).toBe(35);
      const p2 = await api.get('/participants?region=berkelland&ref=p2').expect(200);
      expect(p2.body.items[0]).toMatchObject({
        ref: 'p2',
        name: 'Zahra E.',
        transport: 'pickup',
        interpreterNeeded: true,
      });
      const programmes = await api.get('/programmes?region=berkelland').expect(200);
      expect(programmes.body).toMatchObject({
        total: 1,
        items: [{ name: 'Powervrouwen', startDate: '2027-01-11' }],
      });
      const members = await api
        .get('/participants?region=berkelland&group=g-berkelland-1&limit=100')
        .expect(200);
      expect(members.body.items.map((p: { ref: string }) => p.ref).sort()).toEqual(
        [...berkelland.programme.groups[0].participantIds].sort(),
      );
      const unknownGroup = await api.get('/participants?region=berkelland&group=no-such-group').expect(400);
      expect(unknownGroup.body.message).toMatch(/^group: /);
      const vehicles = await api.get('/vehicles?region=berkelland').expect(200);
      expect(vehicles.body.total).toBe(2);
      const lessons = await api.get(`/lessons?participant=${p2.body.items[0].id}`).expect(200);
      expect(
        lessons.body.items.map((lesson: { weekday: number; from: string }) => [lesson.weekday, lesson.from]),
      ).toEqual([
        [2, '09:00'],
        [5, '09:00'],
      ]);
    });

    it('leaves out appointments that end before they start, and says so, with their paths', () => {
      const inverted = berkelland.participants.flatMap((p: Scenario, i: number) =>
        p.appointments.flatMap((a: Scenario, j: number) =>
          a.to <= a.from ? [`participants[${i}].appointments[${j}]`] : [],
        ),
      );
      expect(inverted.length).toBeGreaterThan(0);
      for (const path of inverted) {
        expect(first.body.warnings).toEqual(
          expect.arrayContaining([
            expect.stringMatching(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: left out`)),
          ]),
        );
      }
    });

    it('warns about a participant who should get e-mail but has no address', () => {
      const index = berkelland.participants.findIndex(
        (p: Scenario) => p.reminderChannel === 'email' && !p.email,
      );
      expect(first.body.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^participants\\[${index}\\]\\.email: missing`)),
        ]),
      );
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await api.get('/participants?region=berkelland&ref=p1').expect(200);
      const again = await api.post('/imports/scenario', berkelland).expect(200);
      expect(again.body.changed).toBe(false);
      for (const count of Object.values<{ created: number; updated: number }>(again.body.records)) {
        expect(count).toMatchObject({ created: 0, updated: 0 });
      }
      for (const change of Object.values<{ created: number; deleted: number }>(again.body.lists)) {
        expect(change).toEqual({ created: 0, deleted: 0 });
      }
      const after = await api.get(`/participants/${before.body.items[0].id}`).expect(200);
      expect(after.body).toEqual(before.body.items[0]);
    });

    it('exports the region in the scenario format, and importing that export changes nothing', async () => {
      const exported = await api.get('/exports/scenario?region=berkelland').expect(200);
      expect(exported.body.format).toBe('trefpunt-scenario/1');
      expect(exported.body.participants).toHaveLength(35);
      const original = berkelland.participants.find((p: Scenario) => p.id === 'p2');
      const roundTripped = exported.body.participants.find((p: Scenario) => p.id === 'p2');
      expect(roundTripped).toEqual({ ...original, lessons: expect.any(Array) });
      expect(roundTripped.lessons).toEqual(expect.arrayContaining(original.lessons));
      expect(exported.body.programme.groups.map((g: Scenario) => g.participantIds.length)).toEqual(
        berkelland.programme.groups.map((g: Scenario) => g.participantIds.length),
      );
      // A policy without maxEarlyMinutes gets the default (45 minutes).
      expect(exported.body.policy).toEqual({ ...berkelland.policy, maxEarlyMinutes: 45 });
      expect(exported.body.childcareProviders).toEqual(expect.arrayContaining(berkelland.childcareProviders));

      const reimport = await api.post('/imports/scenario', exported.body).expect(200);
      expect(reimport.body.changed).toBe(false);
      const second = await api.get('/exports/scenario?region=berkelland').expect(200);
      expect(second.body).toEqual(exported.body);
    });

    it('updates what changed and leaves another region untouched', async () => {
      await api.post('/imports/scenario', fixture('utrecht-wijk.scenario.json')).expect(200);
      const utrechtBefore = await api.get('/exports/scenario?region=utrecht').expect(200);

      const changed = structuredClone(berkelland);
      changed.participants[0].name = 'Mariam W. (nieuw)';
      changed.participants[0].lessons[0].from = '12:30';
      changed.participants[0].colour = 'ignored: unknown fields are dropped';
      const response = await api.post('/imports/scenario', changed).expect(200);
      expect(response.body.records.participants).toEqual({ created: 0, updated: 1, unchanged: 34 });
      expect(response.body.lists.lessons).toEqual({ created: 1, deleted: 1 });

      const utrechtAfter = await api.get('/exports/scenario?region=utrecht').expect(200);
      expect(utrechtAfter.body).toEqual(utrechtBefore.body);
      const p1 = await api.get('/participants?region=utrecht&ref=p1').expect(200);
      expect(p1.body.items[0].name).not.toBe('Mariam W. (nieuw)');
    });

    it('answers 400 for an export of a region that does not exist', async () => {
      const response = await api.get('/exports/scenario?region=nowhere').expect(400);
      expect(response.body.message).toMatch(/^region: /);
    });
  });

  describe('a broken document', () => {
    it('is refused as a whole, with every problem named by its JSON path, and nothing is stored', async () => {
      const broken = fixture('berkelland.scenario.json');
      broken.region = 'broken-region';
      broken.participants[3].lessons[0].providerId = 'nope';
      broken.participants[5].lessons[0].to = '25:00';
      delete broken.participants[7].phone;
      broken.locations[1].municipalityId = 'atlantis';
      broken.programme.groups[0].participantIds.push('p999');
      broken.participants[9].id = broken.participants[8].id;

      const response = await api.post('/imports/scenario', broken).expect(400);
      const problems: string[] = response.body.message;
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^participants\[5\]\.lessons\[0\]\.to: /),
          expect.stringMatching(/^participants\[7\]\.phone: /),
        ]),
      );
      await api.get('/regions/broken-region').expect(404);

      // With its shape mended, the references are checked: every dangling one is listed.
      broken.participants[5].lessons[0].to = '11:00';
      broken.participants[7].phone = '+31611112222';
      const second = await api.post('/imports/scenario', broken).expect(400);
      expect(second.body.message).toEqual(
        expect.arrayContaining([
          'participants[3].lessons[0].providerId: unknown language provider "nope"',
          'locations[1].municipalityId: unknown municipality "atlantis"',
          expect.stringMatching(/^programme\.groups\[0\]\.participantIds\[\d+\]: unknown participant "p999"/),
          expect.stringMatching(/^participants\[9\]\.id: "p9" is already used by participants\[8\]/),
        ]),
      );
      await api.get('/regions/broken-region').expect(404);
      const participants = await api.get('/participants?ref=p1').expect(200);
      expect(participants.body.items.every((p: { regionId: string }) => p.regionId)).toBe(true);
    });

    it('refuses what is not a scenario at all', async () => {
      const response = await api.post('/imports/scenario', { format: 'something-else' }).expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^format: /),
          expect.stringMatching(/^participants: /),
        ]),
      );
    });
  });

  describe('a larger region', () => {
    it('imports 1200 participants (more than one batch) and finds them all again', async () => {
      const scenario = buildScenario({ participants: 1200, region: 'large', seed: 7 });
      const first = await api.post('/imports/scenario', scenario).expect(200);
      expect(first.body.records.participants.created).toBe(1200);
      const listed = await api.get('/participants?region=large&limit=1').expect(200);
      expect(listed.body.total).toBe(1200);
      const again = await api.post('/imports/scenario', scenario).expect(200);
      expect(again.body.changed).toBe(false);
    });
  });
});
