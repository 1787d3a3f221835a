import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../src/common/database/scratch-database';
import { buildScenario } from '../factories/scenario.factory';
import { UNKNOWN_ID } from '../support/answers';
import {
  isAlive,
  postmasterPid,
  postmastersOn,
  ServiceOptions,
  ServiceProcess,
  startService,
} from '../support/service-process';
import { ADMIN_TOKEN } from '../support/test-logs';
import { CLOSED_BEFORE_ANSWER, healthDuringUploads } from '../support/uploads';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** Waits until `condition` holds, for at most `ms`. */
async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(50);
  return condition();
}

/** The status of a request, or the name of the error when none came (the listener closed: ECONNREFUSED). */
async function statusOf(url: string, init: RequestInit = {}): Promise<number | string> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
}

/**
 * The service as its own process, with the embedded PostgreSQL, under the blows of a real operating system:
 * killed without warning, its database killed under it, stopped in the middle of a request.
 */
describe('hostile process events', () => {
  const folder = mkdtempSync(join(tmpdir(), 'trefpunt-process-'));
  // As root, the server runs as the `postgres` user, who must reach the folder.
  chmodSync(folder, 0o755);
  const started: ServiceProcess[] = [];
  let dataDirs = 0;

  const newOptions = async (): Promise<ServiceOptions> => ({
    port: await freePort(),
    embeddedPort: await freePort(),
    dataDir: join(folder, `pg-${++dataDirs}`),
  });
  const start = async (options: ServiceOptions) => {
    const service = await startService(options);
    started.push(service);
    return service;
  };

  afterAll(async () => {
    // Whatever a failed test left: the services this file started, then the servers on its folders.
    for (const service of started) if (service.child.exitCode === null) service.child.kill('SIGKILL');
    for (let n = 1; n <= dataDirs; n++) {
      for (const pid of postmastersOn(join(folder, `pg-${n}`))) process.kill(pid, 'SIGINT');
    }
    await until(
      () => [...Array(dataDirs).keys()].every((n) => postmastersOn(join(folder, `pg-${n + 1}`)).length === 0),
      15_000,
    );
    rmSync(folder, { recursive: true, force: true });
  });

  it('stops the PostgreSQL that a killed service left running before it starts anew, and stops its own with it', async () => {
    const options = await newOptions();
    const first = await start(options);
    const orphan = postmasterPid(options.dataDir)!;
    first.child.kill('SIGKILL');
    await first.exited;
    // Killed without a word, the service could not stop its server: it runs on without it.
    expect(isAlive(orphan)).toBe(true);

    const second = await start(options);
    expect(isAlive(orphan)).toBe(false);
    const current = postmasterPid(options.dataDir)!;
    expect(current).not.toBe(orphan);
    expect(postmastersOn(options.dataDir)).toEqual([current]);
    expect(second.logs().map((line) => line.msg)).toContainEqual(
      expect.stringMatching(new RegExp(`PostgreSQL \\(pid ${orphan}\\) of an earlier start still running`)),
    );
    expect(await statusOf(second.url('/regions'), { headers: auth })).toBe(200);

    second.child.kill('SIGTERM');
    await second.exited;
    expect(await until(() => !isAlive(current), 5000)).toBe(true);
    expect(postmastersOn(options.dataDir)).toEqual([]);
  }, 120_000);

  it('restarts a PostgreSQL that died under the running service, answering 503 (never 500) meanwhile', async () => {
    const options = await newOptions();
    const service = await start(options);
    expect(await statusOf(service.url('/regions'), { headers: auth })).toBe(200);
    const killed = postmasterPid(options.dataDir)!;
    process.kill(killed, 'SIGKILL');

    const answers: { path: string; status: number | string; retryAfter: string | null }[] = [];
    const probe = async (path: string) => {
      const response = await fetch(service.url(path), { headers: auth, signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      answers.push({ path, status: response.status, retryAfter: response.headers.get('retry-after') });
      return response.status;
    };
    const started = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - started < 30_000) {
      const regions = await probe('/regions');
      const health = await probe('/health');
      recovered = regions === 200 && health === 200;
      if (!recovered) await sleep(25);
    }
    const recoveredAfterMs = Date.now() - started;

    expect(recovered).toBe(true);
    expect(answers.filter(({ status }) => status !== 200 && status !== 503)).toEqual([]);
    expect(answers).toContainEqual({ path: '/regions', status: 503, retryAfter: '5' });
    expect(answers).toContainEqual(expect.objectContaining({ path: '/health', status: 503 }));
    expect(recoveredAfterMs).toBeLessThan(30_000);
    const restarted = postmasterPid(options.dataDir)!;
    expect(restarted).not.toBe(killed);
    expect(postmastersOn(options.dataDir)).toEqual([restarted]);
    // Written, not only read: the new server takes a whole import.
    const imported = await fetch(service.url('/imports/scenario'), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(buildScenario({ participants: 20, region: 'after-crash' })),
    });
    expect(imported.status).toBe(200);

    service.child.kill('SIGTERM');
    await service.exited;
  }, 120_000);

  it('lets a request under way finish at SIGTERM, refuses new ones, then closes the database', async () => {
    const options = await newOptions();
    const service = await start(options);
    const body = JSON.stringify(buildScenario({ participants: 3000, region: 'stopping' }));
    const importing = fetch(service.url('/imports/scenario'), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body,
      signal: AbortSignal.timeout(60_000),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { changed?: boolean },
    }));
    // Once the service has the whole document, it is stopped.
    await sleep(1000);
    service.child.kill('SIGTERM');
    await until(() => service.logs().some((line) => /waiting up to/.test(line.msg ?? '')), 5000);
    const afterSignal = await statusOf(service.url('/health'));

    const answer = await importing;
    const exit = await service.exited;

    expect(answer.status).toBe(200);
    expect(answer.body.changed).toBe(true);
    // The listener is closed (or a connection still open is told to come back).
    expect([503, 'ECONNREFUSED']).toContain(afterSignal);
    expect(service.logs().map((line) => line.msg)).toContainEqual(
      expect.stringMatching(/SIGTERM: waiting up to 25 s for 1 request\(s\) under way/),
    );
    expect(service.logs().filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
    expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
    expect(postmastersOn(options.dataDir)).toEqual([]);
  }, 120_000);
  it('keeps /health answering within 200 ms while a 10 MB scenario is validated and stored', async () => {
    const service = await start(await newOptions());
    // About the most the body limit (10 MB) lets through.
    const body = JSON.stringify(buildScenario({ participants: 13_000, region: 'large' }));
    expect(body.length).toBeGreaterThan(9_500_000);
    expect(body.length).toBeLessThan(10 << 20);
    const started = performance.now();
    let answered = false;
    const importing = fetch(service.url('/imports/scenario'), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body,
      signal: AbortSignal.timeout(150_000),
    })
      .then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { records: { participants: { created: number } } },
      }))
      .finally(() => (answered = true));
    const probes: { ms: number; status: number | string }[] = [];
    while (!answered) {
      const sent = performance.now();
      const status = await statusOf(service.url('/health'));
      probes.push({ ms: Math.round(performance.now() - sent), status });
      await sleep(100);
    }
    const answer = await importing;
    const importMs = Math.round(performance.now() - started);
    const times = probes.map(({ ms }) => ms).sort((a, b) => a - b);
    const slowest = times[times.length - 1];
    const p95 = times[Math.floor(times.length * 0.95)];
    console.log(
      `import of ${(body.length / 1e6).toFixed(1)} MB: ${importMs} ms; ${probes.length} /health probes, 95% within ${p95} ms, slowest ${slowest} ms`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body.records.participants.created).toBe(13_000);
    expect(probes.length).toBeGreaterThanOrEqual(10);
    expect(probes.filter(({ status }) => status !== 200)).toEqual([]);
    // The event loop is never held for long (it was for 8 s, validating on it). On a shared machine a garbage
    // collection or a busy core can still delay one probe now and then: 95% within 200 ms, every one within 1 s.
    expect(p95).toBeLessThan(200);
    expect(slowest).toBeLessThan(1000);

    service.child.kill('SIGTERM');
    await service.exited;
  }, 240_000);

  // In a process of its own, as the service runs: in the test runner's process, the runner's own heap (every
  // file before this one) and the sending of the bodies share the event loop with the service.
  it('keeps /health answering within a second while three 50 MB bodies come in without a token', async () => {
    const service = await start(await newOptions());
    const health = await healthDuringUploads(service.url(''), [
      { path: '/imports/scenario', contentType: 'application/json' },
      { path: '/participants', contentType: 'application/json' },
      { path: `/language-providers/${UNKNOWN_ID}/timetable`, contentType: 'text/calendar' },
    ]);
    // Refused before a byte of the body is read: the answer, or a close that came before the client read it.
    [401, 413, 401].forEach((refusal, index) =>
      expect([refusal, CLOSED_BEFORE_ANSWER]).toContain(health.statuses[index]),
    );
    expect(health.max).toBeLessThan(1000);

    service.child.kill('SIGTERM');
    await service.exited;
  }, 120_000);
});
