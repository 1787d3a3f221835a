import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildScenario } from '../factories/scenario.factory';
import { UNKNOWN_ID } from '../support/answers';
import { arrayOfSmallObjects } from '../support/uploads';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

/**
 * Sends the headers of an upload of `declared` bytes and only its first byte, and resolves with the status of
 * the answer: a service that waits for the body before it answers never does (rejects after two seconds).
 */
function answerBeforeBody(port: number, path: string, headers: Record<string, string>, declared: number) {
  return new Promise<number>((resolve, reject) => {
    const outgoing = httpRequest(
      { port, path, method: 'POST', agent: false, headers: { ...headers, 'Content-Length': declared } },
      (response) => {
        response.resume();
        resolve(response.statusCode!);
        outgoing.destroy();
      },
    );
    outgoing.setTimeout(2000, () => {
      outgoing.destroy();
      reject(new Error(`no answer from ${path} before the body was sent`));
    });
    outgoing.on('error', () => undefined);
    outgoing.write('[');
  });
}

describe('hostile input', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  describe('body limits', () => {
    let port: number;
    beforeAll(async () => {
      // Listening, so that the uploads can be sent as raw HTTP; supertest's requests go to this port too.
      const server = api.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    it('answers 413 to a JSON body over 100 kB on an ordinary route, naming the limit', async () => {
      const answer = await api.post('/regions', { name: 'x'.repeat(150_000) }).expect(413);
      expect(answer.body.message).toBe('body: this endpoint takes at most 100 kB (this one has 147 kB)');
    });

    it('still imports a valid scenario of several megabytes', async () => {
      const scenario = buildScenario({ participants: 4000, region: 'large-import' });
      expect(JSON.stringify(scenario).length).toBeGreaterThan(2_500_000);
      const answer = await api.post('/imports/scenario', scenario).expect(200);
      expect(answer.body.records.participants.created).toBe(4000);
    });

    it('answers 413 to a scenario over 10 MB from a caller with a token, without parsing it', async () => {
      const answer = await api
        .post('/imports/scenario')
        .set('Content-Type', 'application/json')
        .send(arrayOfSmallObjects(11 << 20).toString())
        .expect(413);
      expect(answer.body.message).toBe('body: this endpoint takes at most 10 MB (this one has 11 MB)');
    });

    it('answers 401 to a document upload without a valid token before reading a byte of it', async () => {
      for (const path of ['/imports/scenario', `/language-providers/${UNKNOWN_ID}/timetable`]) {
        const attempts: Record<string, string>[] = [
          { 'Content-Type': 'application/json' },
          { 'Content-Type': 'text/calendar', Authorization: 'Bearer not-a-real-token-at-all' },
        ];
        for (const headers of attempts) {
          const status = await answerBeforeBody(port, path, headers, 5_000_000);
          expect({ path, headers, status }).toEqual({ path, headers, status: 401 });
        }
      }
    });
  });

  describe('400 naming the field, not 500', () => {
    const berkelland = () => fixture('berkelland.scenario.json');
    let regionId: string;
    beforeAll(async () => {
      await api.post('/imports/scenario', berkelland()).expect(200);
      regionId = (await api.get('/regions?ref=berkelland').expect(200)).body.items[0].id;
    });

    it('refuses JSON nested 10 000 levels deep, on a record and on a document import', async () => {
      const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      for (const [path, field] of [
        ['/regions', 'name'],
        ['/imports/scenario', 'participants'],
      ]) {
        const answer = await api
          .post(path)
          .set('Content-Type', 'application/json')
          .send(`{"${field}":${deep}}`)
          .expect(400);
        expect(answer.body.message).toEqual([
          `${field}${'.a'.repeat(31)}: is nested more than 32 levels deep`,
        ]);
      }
    });

    it('refuses a childcare capacity of 2^31, in a scenario and through the childcare API', async () => {
      const scenario = berkelland();
      scenario.childcareProviders[0].places[0].capacity = 2 ** 31;
      const imported = await api.post('/imports/scenario', scenario).expect(400);
      expect(imported.body.message).toEqual([
        'childcareProviders[0].places[0].capacity: must not be greater than 1000',
      ]);
      const provider = (await api.get(`/childcare-providers?region=${regionId}`).expect(200)).body.items[0];
      const patched = await api
        .patch(`/childcare-providers/${provider.id}`, {
          places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 2 ** 31 }],
        })
        .expect(400);
      expect(patched.body.message).toEqual(['places[0].capacity: must not be greater than 1000']);
    });

    it('refuses pricePerHour 1e300, in a scenario and through the childcare API', async () => {
      const scenario = berkelland();
      scenario.childcareProviders[0].pricePerHour = 1e300;
      const imported = await api.post('/imports/scenario', scenario).expect(400);
      expect(imported.body.message).toEqual([
        'childcareProviders[0].pricePerHour: must not be greater than 1000',
      ]);
      const provider = (await api.get(`/childcare-providers?region=${regionId}`).expect(200)).body.items[0];
      const patched = await api
        .patch(`/childcare-providers/${provider.id}`, { pricePerHour: 1e300 })
        .expect(400);
      expect(patched.body.message).toEqual(['pricePerHour: must not be greater than 1000']);
    });

    it('refuses a NUL character in a name, in a query and in a document, wherever it is', async () => {
      const participant = await api
        .post('/participants', {
          regionId,
          name: 'Sel\u0000am',
          address: 'Dorpsstraat 1',
          position: { lat: 52.1, lon: 6.5 },
          phone: '+31612345678',
          language: 'ti',
          reminderChannel: 'sms',
          transport: 'own',
        })
        .expect(400);
      expect(participant.body.message).toEqual(['name: must not contain a NUL character (\\u0000)']);
      const scenario = berkelland();
      scenario.participants[3].name = 'Sel\u0000am';
      const imported = await api.post('/imports/scenario', scenario).expect(400);
      expect(imported.body.message).toEqual([
        'participants[3].name: must not contain a NUL character (\\u0000)',
      ]);
      const query = await api.get('/participants?region=berk%00elland').expect(400);
      expect(query.body.message).toEqual(['region: must not contain a NUL character (\\u0000)']);
    });

    it('refuses ?offset=1e20 on list endpoints', async () => {
      for (const path of ['/regions', '/participants', '/childcare-providers']) {
        const answer = await api.get(`${path}?offset=1e20`);
        expect({ path, status: answer.status, message: answer.body.message }).toEqual({
          path,
          status: 400,
          message: ['offset: must not be greater than 1000000000'],
        });
      }
      await api.get('/participants?offset=1000000000').expect(200);
    });
  });

  describe('personal data kept out of caches', () => {
    it('answers a caller with a token with Cache-Control: no-store', async () => {
      for (const path of ['/participants?region=berkelland', '/regions', '/outbox']) {
        const answer = await api.get(path).expect(200);
        expect({ path, cacheControl: answer.headers['cache-control'] }).toEqual({
          path,
          cacheControl: 'no-store',
        });
      }
    });
  });
});
