import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '../../src/common/database/scratch-database';
import { ADMIN_TOKEN, newLogFile, testLogLevel } from './test-logs';

const ROOT = join(__dirname, '..', '..');

export interface ServiceInstance {
  child: ChildProcess;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  url(path: string): string;
}

/**
 * The service as `npm start` runs it, as a child process on an existing database (a test app's), so that a
 * test can kill or stop one of several instances. Resolves once it listens.
 */
export async function startServiceInstance(
  databaseUrl: string,
  environment: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ServiceInstance> {
  const port = await freePort();
  const logFile =
    newLogFile(typeof expect === 'undefined' ? undefined : expect.getState().testPath) ??
    join(ROOT, `.service-${port}.log`);
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      TREFPUNT_ADMIN_TOKEN: ADMIN_TOKEN,
      TREFPUNT_DEMO_DATA: 'false',
      TREFPUNT_REMINDERS: 'false',
      TREFPUNT_OUTBOX_INTERVAL_MS: '0',
      LOG_LEVEL: testLogLevel(),
      TREFPUNT_LOG_FILE: logFile,
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  await new Promise<void>((resolve, reject) => {
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
  return { child, exited, url: (path) => `http://127.0.0.1:${port}${path}` };
}
