import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuditBuffer } from '../../src/modules/audit/audit-buffer';
import { AuditService } from '../../src/modules/audit/audit.service';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

/** Reads are written to the audit log in batches, after they were answered; none is lost on shutdown. */
describe('the audit log of reads', () => {
  let api: TestApp;
  let db: Client;
  let participantIds: string[];

  const rowsOf = async (recordId: string, since = new Date(0)) =>
    (
      await db.query(
        `SELECT action, record_type, actor_role, actor_label, at FROM audit_entries
          WHERE record_id = $1 AND action = 'read' AND at >= $2`,
        [recordId, since],
      )
    ).rows;
  const eventually = async <T>(probe: () => Promise<T[]>): Promise<T[]> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const rows = await probe();
      if (rows.length > 0 || Date.now() > deadline) return rows;
      await new Promise((wait) => setTimeout(wait, 50));
    }
  };

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('berkelland.scenario.json')).expect(200);
    participantIds = (await api.get('/participants?region=berkelland&limit=1000').expect(200)).body.items.map(
      (p: { id: string }) => p.id,
    );
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  it('writes the read of a participant shortly after answering it, with who read her and when', async () => {
    const before = new Date();
    await api.get(`/participants/${participantIds[0]}`).expect(200);
    const rows = await eventually(() => rowsOf(participantIds[0], before));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'read',
      record_type: 'participant',
      actor_role: 'admin',
      actor_label: 'TREFPUNT_ADMIN_TOKEN',
    });
    expect(rows[0].at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('writes one row per participant of a list read, as before', async () => {
    const before = new Date();
    await api.get('/participants?region=berkelland&limit=1000').expect(200);
    await eventually(() => rowsOf(participantIds.at(-1)!, before));
    const read = await db.query(
      `SELECT DISTINCT record_id FROM audit_entries WHERE action = 'read' AND record_id = ANY($1) AND at >= $2`,
      [participantIds, before],
    );
    expect(read.rows).toHaveLength(participantIds.length);
  });

  it('stores a list read as one row with its participants, and answers it per participant', async () => {
    const before = new Date();
    await api.get('/participants?region=berkelland&limit=1000').expect(200);
    await eventually(() => rowsOf(participantIds.at(-1)!, before));
    const reads = await db.query(
      `SELECT cardinality(participant_ids) AS participants FROM audit_reads
        WHERE action = 'read' AND at >= $1 AND participant_ids @> $2::uuid[]`,
      [before, [participantIds[0]]],
    );
    expect(reads.rows).toEqual([{ participants: participantIds.length }]);
    const log = await api.get(`/audit-log?participant=${participantIds[2]}&limit=1`).expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        action: 'read',
        recordId: participantIds[2],
        participantId: participantIds[2],
      }),
    ]);
    expect(log.body.total).toBeGreaterThanOrEqual(2);
    await expect(db.query(`DELETE FROM audit_reads`)).rejects.toThrow(/append-only/);
  });

  it('answers the reads so far in the audit log at once', async () => {
    await api.get(`/participants/${participantIds[1]}`).expect(200);
    const log = await api.get(`/audit-log?participant=${participantIds[1]}`).expect(200);
    expect(log.body.items[0]).toMatchObject({ action: 'read', recordId: participantIds[1] });
  });

  it('writes the reads still pending when the service shuts down', async () => {
    const second = await startTestApp({}, { sameDatabaseAs: api });
    const buffer = second.app.get(AuditBuffer);
    // A participant nobody else reads in this test, so that her rows can only come from this read.
    const read = randomUUID();
    await second.app.get(AuditService).record('read', [
      {
        recordType: 'participant',
        recordId: read,
        participantId: read,
        regionId: (await api.get('/regions/berkelland').expect(200)).body.id,
      },
    ]);
    expect(buffer.size).toBe(1);
    expect(await rowsOf(read)).toHaveLength(0);
    await second.close();
    expect(await rowsOf(read)).toHaveLength(1);
  });
});
