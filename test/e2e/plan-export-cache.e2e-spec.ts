import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { UNVERSIONED_TABLES_NOW as UNVERSIONED_TABLES } from '../../migrations/1795418870000-AuditReads';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

/**
 * The plan export is built once per version of the data and kept; any committed change to a planning table,
 * through any instance or straight in the database, makes the next export new.
 */
describe('the kept plan export', () => {
  let api: TestApp;
  let second: TestApp;
  let db: Client;
  let regionId: string;
  const exportOf = (app: TestApp) => app.get(`/exports/plan?region=${regionId}`).expect(200);

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('berkelland.scenario.json')).expect(200);
    regionId = (await api.get('/regions/berkelland').expect(200)).body.id;
    second = await startTestApp({}, { sameDatabaseAs: api });
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await second?.close();
    await api?.close();
  });

  it('answers the same document, as JSON, while nothing changed, and 304 to a client that has it', async () => {
    const first = await exportOf(api);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body).toMatchObject({ format: 'trefpunt-plan/1', region: 'berkelland' });
    const again = await exportOf(api);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    await api.get(`/exports/plan?region=${regionId}`).set('If-None-Match', first.headers.etag).expect(304);
  });

  it('sends the same document gzipped to a client that takes gzip, with its own ETag', async () => {
    const plain = await api
      .get(`/exports/plan?region=${regionId}`)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await api
      .get(`/exports/plan?region=${regionId}`)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text));
    expect(JSON.parse(zipped.body.toString('utf8'))).toEqual(plain.body);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    await api
      .get(`/exports/plan?region=${regionId}`)
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', zipped.headers.etag)
      .expect(304);
  });

  it('answers a change made through another instance', async () => {
    const before = await exportOf(api);
    await second.patch(`/regions/${regionId}`, { ref: 'berkelland-2' }).expect(200);
    const after = await exportOf(api);
    expect(after.body.region).toBe('berkelland-2');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers a change made straight in the database', async () => {
    await exportOf(api);
    await db.query(`UPDATE regions SET ref = 'berkelland-3' WHERE id = $1`, [regionId]);
    expect((await exportOf(api)).body.region).toBe('berkelland-3');
  });

  it('keeps the version while only a rolled-back transaction changed something', async () => {
    const version = async () => (await db.query('SELECT version FROM data_version')).rows[0].version;
    const before = await version();
    await db.query('BEGIN');
    await db.query(`UPDATE regions SET ref = 'never' WHERE id = $1`, [regionId]);
    await db.query('ROLLBACK');
    expect(await version()).toBe(before);
    await db.query(`UPDATE regions SET name = name WHERE id = $1`, [regionId]);
    expect(BigInt(await version())).toBe(BigInt(before) + 1n);
  });

  it('counts the changes of every table but the log, tokens, messages and feeds', async () => {
    const { rows } = await db.query(
      `SELECT t.table_name,
              count(*) FILTER (WHERE g.tgname IN ('data_version_bump', 'data_version_truncate'))::int AS triggers
         FROM information_schema.tables t
         LEFT JOIN pg_trigger g ON g.tgrelid = format('%I', t.table_name)::regclass
        WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        GROUP BY t.table_name`,
    );
    const missing = rows
      .filter((row) => !UNVERSIONED_TABLES.includes(row.table_name) && row.triggers !== 2)
      .map((row) => row.table_name);
    expect(missing).toEqual([]);
  });
});
