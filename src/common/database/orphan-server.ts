import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { signalProcess } from './postmaster';

/** Beside the data: the pid of the process that started the server and stops it again. */
const SUPERVISOR_FILE = 'trefpunt-supervisor.pid';

/** A server that runs on a data folder now, as its postmaster.pid says. */
export interface RunningServer {
  pid: number;
  port: number;
  /** Whether the process that started it still runs and watches it (a running service). */
  supervised: boolean;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Where /proc is there (Linux): what a process runs, and its parent. Elsewhere undefined. */
const procFile = (pid: number, file: string): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
};
const parentOf = (pid: number): number | undefined => {
  // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, …
  const stat = procFile(pid, 'stat');
  return stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};

/** The server on `dataDir` whose process is alive, if any: a pid reused by another program does not count. */
export async function runningServer(dataDir: string): Promise<RunningServer | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  if (existsSync('/proc') && !(procFile(pid, 'cmdline') ?? '').includes('postgres')) return undefined;
  const supervisor = Number((await readFile(join(dataDir, SUPERVISOR_FILE), 'utf8').catch(() => '')).trim());
  const watched =
    Number.isInteger(supervisor) &&
    supervisor > 0 &&
    isAlive(supervisor) &&
    // The server of a running service is its child; an orphan has been handed to init (or a subreaper).
    (parentOf(pid) ?? supervisor) === supervisor;
  return { pid, port: Number(lines[3]), supervised: watched };
}

/**
 * Stops a server that its service left behind (killed without a chance to stop it) with a fast shutdown, so
 * that its open transactions roll back and its data is written cleanly; kills its process group if it has
 * not ended after `timeoutMs`. It is not our child, so its end is seen by polling.
 */
export async function stopOrphan(dataDir: string, server: RunningServer, timeoutMs = 30_000): Promise<void> {
  const ended = () => !isAlive(server.pid) || !existsSync(join(dataDir, 'postmaster.pid'));
  signalProcess(server.pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (!ended() && Date.now() < deadline) await sleep(100);
  if (ended()) return;
  signalProcess(-server.pid, 'SIGKILL');
  signalProcess(server.pid, 'SIGKILL');
  while (isAlive(server.pid) && Date.now() < deadline + 5000) await sleep(100);
}

/** Marks this process as the one that watches the server on `dataDir`. */
export const claimSupervision = (dataDir: string) =>
  writeFile(join(dataDir, SUPERVISOR_FILE), `${process.pid}\n`);

export async function releaseSupervision(dataDir: string): Promise<void> {
  const file = join(dataDir, SUPERVISOR_FILE);
  const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  if (owner === process.pid) await rm(file, { force: true });
}
