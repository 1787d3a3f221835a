import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN, newLogFile, testLogLevel } from './test-logs';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  /** The file the service logs to (JSON lines). */
  logFile: string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  url(path: string): string;
  /** The lines of its log so far, parsed. */
  logs(): { msg?: string; level?: number }[];
}

export interface ServiceOptions {
  port: number;
  dataDir: string;
  embeddedPort: number;
  environment?: Record<string, string>;
  /** How long the start may take (compiling the TypeScript on the fly is most of it). */
  timeoutMs?: number;
}

/**
 * The service as `npm start` runs it, as a child process of its own with the embedded PostgreSQL in `dataDir`,
 * so that a test can kill it, signal it and start it again. Resolves once it listens.
 */
export async function startService(
  options: ServiceOptions,
  logFile = newLogFile(currentTestFile()),
): Promise<ServiceProcess> {
  const file = logFile ?? join(options.dataDir, '..', `service-${Date.now()}.log`);
  const environment: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(options.port),
    TREFPUNT_DATA_DIR: options.dataDir,
    TREFPUNT_EMBEDDED_PG_PORT: String(options.embeddedPort),
    TREFPUNT_ADMIN_TOKEN: ADMIN_TOKEN,
    TREFPUNT_DEMO_DATA: 'false',
    TREFPUNT_REMINDERS: 'false',
    LOG_LEVEL: testLogLevel(),
    TREFPUNT_LOG_FILE: file,
    ...options.environment,
  };
  delete environment.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const listening = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('listens on port')) {
        clearInterval(check);
        resolve();
      } else if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        clearInterval(check);
        child.kill('SIGKILL');
        reject(new Error(`the service did not start:\n${output}`));
      }
    }, 50);
  });
  await listening;
  return {
    child,
    port: options.port,
    logFile: file,
    exited,
    url: (path) => `http://127.0.0.1:${options.port}${path}`,
    logs: () =>
      existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as { msg?: string; level?: number })
        : [],
  };
}

const currentTestFile = (): string | undefined =>
  typeof expect === 'undefined' ? undefined : expect.getState().testPath;

/** The pid in the postmaster.pid of `dataDir`, if there is one. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A process that ended but was not yet reaped by its parent is no longer running.
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}

/** The PostgreSQL servers (postmasters, not their backends) that run on `dataDir` now. */
export function postmastersOn(dataDir: string): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return (
          args[0].endsWith('/postgres') && args.includes('-D') && args[args.indexOf('-D') + 1] === dataDir
        );
      } catch {
        return false;
      }
    });
}
