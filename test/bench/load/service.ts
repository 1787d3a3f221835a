import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  freePort,
  ScratchDatabase,
  startScratchDatabase,
} from '../../../src/common/database/scratch-database';

const ROOT = resolve(__dirname, '../../..');

export interface RunningService {
  url: string;
  adminToken: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * The service as `npm start` runs it, in a process of its own (so that the load generator does not share its
 * event loop), on a scratch database; with `v8Log`, V8's tick log is written there (`node --prof-process`). The rate limits are lifted: this measures the service, not the throttle.
 */
export async function startService(
  folder: string,
  logLevel: string,
  v8Log?: string,
): Promise<RunningService> {
  const database: ScratchDatabase = await startScratchDatabase(process.env.DATABASE_URL);
  const port = await freePort();
  const adminToken = randomBytes(24).toString('hex');
  const logFile = join(folder, 'service.log');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(v8Log ? ['--prof', '--no-logfile-per-isolate', `--logfile=${v8Log}`] : []),
      '-r',
      'ts-node/register/transpile-only',
      'src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: database.url,
        TREFPUNT_ADMIN_TOKEN: adminToken,
        TREFPUNT_DEMO_DATA: 'false',
        TREFPUNT_LOG_FILE: logFile,
        LOG_LEVEL: logLevel,
        TREFPUNT_RATE_LIMIT_PER_TOKEN: '1000000000',
        TREFPUNT_RATE_LIMIT_PER_ADDRESS: '1000000000',
      },
      stdio: ['ignore', openSync(join(folder, 'service.out'), 'a'), 'inherit'],
    },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${url}/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await database.dispose();
      throw new Error(`the service did not start (see ${logFile})`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return {
    url,
    adminToken,
    logFile,
    stop: async () => {
      // SIGTERM: the service shuts down as in production (pending audit rows are written first).
      child.kill('SIGTERM');
      await exited;
      await database.dispose();
    },
  };
}
