import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from './embedded-database';

export interface ScratchDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** A TCP port on localhost that nobody listens on now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * A throw-away database for a one-off job (planning a scenario file): a new database on the server of
 * `serverUrl` (its user needs the right to create databases), or else an embedded server in a temporary folder.
 * `dispose` removes it again (once, however often it is called).
 */
export async function startScratchDatabase(serverUrl: string | undefined): Promise<ScratchDatabase> {
  if (serverUrl) {
    const name = `trefpunt_scratch_${randomBytes(6).toString('hex')}`;
    const admin = new URL(serverUrl);
    const onServer = async (sql: string) => {
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await onServer(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), dispose: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const folder = mkdtempSync(join(tmpdir(), 'trefpunt-scratch-'));
  chmodSync(folder, 0o755); // as root, the server runs as the `postgres` user, who must reach the folder
  const server = await EmbeddedDatabase.start({ dataDir: join(folder, 'pg'), port: await freePort() });
  // Once, however often asked: an interrupted command and its own end may both ask.
  let disposed: Promise<void> | undefined;
  return {
    url: server.url,
    dispose: () =>
      (disposed ??= (async () => {
        await server.stop();
        rmSync(folder, { recursive: true, force: true });
      })()),
  };
}
