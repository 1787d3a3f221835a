import { DateTime } from 'luxon';
import { Client } from 'pg';
import { AuditBuffer } from '../../src/modules/audit/audit-buffer';
import { minibus, village } from '../factories/village.factory';
import { startTestApp, TestApp } from '../support/test-app';

const zone = 'Europe/Amsterdam';
const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
const at = (time: string) => DateTime.fromISO(`${tomorrow}T${time}`, { zone }).toISO()!;

/**
 * Route sheets and participant lists are kept per version of the data: any committed change, through any
 * instance, makes the next answer new; every read of a kept answer is still written to the audit log.
 */
describe('kept route sheets and participant lists', () => {
  let api: TestApp;
  let second: TestApp;
  let db: Client;
  const ids: Record<string, string> = {};
  let sheet: string;

  beforeAll(async () => {
    api = await startTestApp();
    const scenario = village({
      region: 'keptdorp',
      startDate: tomorrow,
      participants: [1, 2, 3].map((n) => ({
        id: `p${n}`,
        name: `Vrouw${n} Test`,
        address: `Kerkpad ${n}`,
        phone: `+3163333100${n}`,
        position: { lat: 52.1 + n * 0.01, lon: 6.5 + n * 0.01 },
        transport: 'pickup' as const,
      })),
      vehicles: [minibus('bus')],
    });
    await api.post('/imports/scenario', scenario).expect(200);
    for (const path of ['/participants', '/vehicles', '/groups']) {
      (await api.get(`${path}?region=keptdorp&limit=100`).expect(200)).body.items.forEach(
        (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
      );
    }
    const regionId = (await api.get('/regions/keptdorp').expect(200)).body.id;
    const trainerId = (await api.get('/trainers?region=keptdorp').expect(200)).body.items[0].id;
    const sessionId = (
      await api
        .post('/sessions', { regionId, groupId: ids.g, start: at('10:00'), end: at('12:30'), trainerId })
        .expect(201)
    ).body.id;
    const driverId = (await api.post('/drivers', { regionId, name: 'Henk', vehicleId: ids.bus }).expect(201))
      .body.id;
    await api.post(`/sessions/${sessionId}/routes/plan`).expect(200);
    sheet = `/drivers/${driverId}/routes?date=${tomorrow}`;
    second = await startTestApp({}, { sameDatabaseAs: api });
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await second?.close();
    await api?.close();
  });

  it('answers a route sheet changed through another instance, as JSON and as HTML', async () => {
    const before = await api.get(sheet).expect(200);
    expect(before.headers['content-type']).toMatch(/^application\/json/);
    expect(before.text).toContain('Kerkpad 1');
    expect((await api.get(`${sheet}&format=html`).expect(200)).text).toContain('Kerkpad 1');
    await second.patch(`/participants/${ids.p1}`, { address: 'Molenweg 9' }).expect(200);
    expect((await api.get(sheet).expect(200)).text).toContain('Molenweg 9');
    expect((await api.get(`${sheet}&format=html`).expect(200)).text).toContain('Molenweg 9');
  });

  it('answers a participant list changed straight in the database', async () => {
    const list = `/participants?region=keptdorp`;
    expect((await api.get(list).expect(200)).text).toContain('Vrouw2 Test');
    await db.query(`UPDATE participants SET name = 'Vrouw2 Anders' WHERE id = $1`, [ids.p2]);
    const after = await api.get(list).expect(200);
    expect(after.text).toContain('Vrouw2 Anders');
    expect(after.text).not.toContain('Vrouw2 Test');
  });

  it('writes every read of a kept answer to the audit log', async () => {
    const reads = async () => {
      await api.app.get(AuditBuffer).flush();
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'read' AND participant_id = $1`,
        [ids.p3],
      );
      return rows[0].n as number;
    };
    const before = await reads();
    for (let i = 0; i < 3; i++) {
      await api.get(sheet).expect(200);
      await api.get('/participants?region=keptdorp').expect(200);
    }
    expect((await reads()) - before).toBe(6);
  });
});
