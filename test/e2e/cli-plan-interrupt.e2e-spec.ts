import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..');
const BERKELLAND = join(ROOT, 'test', 'fixtures', 'berkelland.scenario.json');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

describe('cli plan, interrupted', () => {
  // Its own temporary folder, so that the scratch database's folder is the only thing in it.
  const temporary = mkdtempSync(join(tmpdir(), 'trefpunt-cli-'));
  // As root (CI) the server runs as the `postgres` user, who must reach the folder.
  chmodSync(temporary, 0o755);
  afterAll(() => rmSync(temporary, { recursive: true, force: true }));

  it('stops its scratch database on Ctrl-C and leaves no server and no folder behind', async () => {
    const environment: Record<string, string> = {
      ...(process.env as Record<string, string>),
      TMPDIR: temporary,
      LOG_LEVEL: 'warn',
    };
    // The embedded scratch database, as for a newcomer without DATABASE_URL.
    delete environment.DATABASE_URL;
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        'src/cli.ts',
        'plan',
        BERKELLAND,
        '--out',
        join(temporary, 'plan.json'),
      ],
      { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit');

    // Once its server runs (its pid is in the data folder), the command is interrupted as Ctrl-C does.
    let serverPid: number | undefined;
    let scratch: string | undefined;
    const deadline = Date.now() + 60_000;
    while (serverPid === undefined && Date.now() < deadline && child.exitCode === null) {
      scratch = readdirSync(temporary).find((name) => name.startsWith('trefpunt-scratch-'));
      const pidFile = scratch && join(temporary, scratch, 'pg', 'postmaster.pid');
      if (pidFile && existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (pid > 0) serverPid = pid;
      }
      if (serverPid === undefined) await sleep(100);
    }
    expect({ serverPid, output }).toEqual({ serverPid: expect.any(Number), output });
    expect(isAlive(serverPid!)).toBe(true);
    child.kill('SIGINT');

    const [code] = await exited;
    expect({ code, output }).toEqual({
      code: 130,
      output: expect.stringContaining('SIGINT: stopping the scratch database, nothing is kept'),
    });
    expect(isAlive(serverPid!)).toBe(false);
    expect(existsSync(join(temporary, scratch!))).toBe(false);
    expect(existsSync(join(temporary, 'plan.json'))).toBe(false);
  }, 120_000);
});
