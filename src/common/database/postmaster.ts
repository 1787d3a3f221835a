import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresBinaries, RunAs } from './postgres-binaries';

/** English server messages, whatever the machine's locale: the start is recognised by one of them. */
const ENVIRONMENT = { ...process.env, LC_MESSAGES: 'C' };
const READY = 'database system is ready to accept connections';
/** A server that has not said it is ready by then (a long crash recovery) counts as failed to start. */
const START_TIMEOUT_MS = 120_000;

export interface ClusterOptions {
  binaries: PostgresBinaries;
  runAs: RunAs;
  dataDir: string;
  log: (line: string) => void;
}

/** Creates a new cluster in `dataDir` with one superuser, `user`, who logs in with `password`. */
export async function initCluster(
  options: ClusterOptions & { user: string; password: string },
): Promise<void> {
  const { binaries, runAs, dataDir, user, password, log } = options;
  await mkdir(dataDir, { recursive: true });
  const secrets = await mkdtemp(join(tmpdir(), 'trefpunt-initdb-'));
  const passwordFile = join(secrets, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs.uid !== undefined) {
      await chown(dataDir, runAs.uid, runAs.gid!);
      await chown(secrets, runAs.uid, runAs.gid!);
      await chown(passwordFile, runAs.uid, runAs.gid!);
    }
    const initdb = spawn(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      { ...runAs, env: ENVIRONMENT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output: string[] = [];
    const collect = (chunk: Buffer) => output.push(chunk.toString('utf8'));
    initdb.stdout.on('data', collect);
    initdb.stderr.on('data', collect);
    const [code] = (await once(initdb, 'close')) as [number | null];
    output.join('').split('\n').filter(Boolean).forEach(log);
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}):\n${output.join('')}`);
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running PostgreSQL server process (the postmaster) that this process started. */
export class Postmaster {
  /** Resolves when the server process has ended, however it ended. */
  readonly exited: Promise<Exit>;
  private hasExited = false;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      const ended = (exit: Exit) => {
        this.hasExited = true;
        resolve(exit);
      };
      child.once('exit', (code, signal) => ended({ code, signal }));
      // A program that could not be started at all (missing, not executable) ends with an error, not an exit.
      child.once('error', () => ended({ code: null, signal: null }));
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /**
   * Starts the server in its own process group, so that a Ctrl-C in the terminal (sent to the service's group)
   * does not stop it under requests still running: the service stops it itself, after its last query.
   * Resolves once the server accepts connections.
   */
  static async start(options: ClusterOptions & { port: number }): Promise<Postmaster> {
    const { binaries, runAs, dataDir, port, log } = options;
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=localhost',
        '-c',
        'unix_socket_directories=',
      ],
      { ...runAs, env: ENVIRONMENT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const postmaster = new Postmaster(child);
    const recentLines: string[] = [];
    let ready: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const onLines = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        recentLines.push(line.trim());
        if (recentLines.length > 20) recentLines.shift();
        log(line.trim());
        if (line.includes(READY)) ready();
      }
    };
    child.stdout!.on('data', onLines);
    child.stderr!.on('data', onLines);
    child.once('error', (error) => recentLines.push(String(error)));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), START_TIMEOUT_MS);
    });
    const outcome = await Promise.race([isReady.then(() => 'ready' as const), postmaster.exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'ready') return postmaster;
    await postmaster.kill();
    throw new Error(recentLines.join('\n'));
  }

  /**
   * Stops the server with a fast shutdown (open transactions roll back, a clean checkpoint is written); if it
   * has not ended after `timeoutMs`, kills its whole process group.
   */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.hasExited) return;
    signalProcess(this.pid, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const outcome = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') await this.kill();
  }

  /** Ends the server and whatever of its processes still runs (after a crash of the postmaster, its backends). */
  async kill(): Promise<void> {
    if (this.child.pid !== undefined) signalProcess(-this.child.pid, 'SIGKILL');
    await this.exited;
  }

  /** After the postmaster died: its backends, left in its process group, hold the shared memory until they end. */
  killLeftovers(): void {
    signalProcess(-this.pid, 'SIGKILL');
  }
}

/** Sends a signal to a process (or, with a negative pid, a process group) that may have ended already. */
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
