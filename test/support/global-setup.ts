import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedDatabase } from '../../src/common/database/embedded-database';
import { freePort } from '../../src/common/database/scratch-database';
import { dataSourceOptions } from '../../src/common/database/data-source-options';
import { TEMPLATE_DATABASE, withDatabase } from './test-database';
import { LOG_DIR_VARIABLE } from './test-logs';

declare global {
  var embeddedTestDatabase: EmbeddedDatabase | undefined;
}

/**
 * Makes the folder for the server logs of this run. Starts one PostgreSQL for the whole run (the embedded one,
 * or the server of DATABASE_URL, which needs the CREATEDB right) and builds a template database with the real
 * migrations applied once. Each test file copies the template into a database of its own (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  // The test apps' server logs of this run: global-teardown scans them for personal data and tokens.
  process.env[LOG_DIR_VARIABLE] = mkdtempSync(join(tmpdir(), 'trefpunt-test-logs-'));
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const folder = mkdtempSync(join(tmpdir(), 'trefpunt-test-'));
    chmodSync(folder, 0o755); // as root, the server runs as the `postgres` user, who must reach the folder
    const dataDir = join(folder, 'pg');
    globalThis.embeddedTestDatabase = await EmbeddedDatabase.start({ dataDir, port: await freePort() });
    serverUrl = globalThis.embeddedTestDatabase.url;
  }
  process.env.TREFPUNT_TEST_SERVER_URL = serverUrl;
  await withDatabase(serverUrl, async (client: Client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const template = new URL(serverUrl);
  template.pathname = `/${TEMPLATE_DATABASE}`;
  const dataSource = await new DataSource(dataSourceOptions(template.toString())).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
