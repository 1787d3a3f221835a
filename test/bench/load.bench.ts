/**
 * The read endpoints under load: `npm run bench:load -- [--participants N] [--runs N] [--duration S]
 * [--connections N] [--max-requests N] [--log-level L] [--only <endpoint name part>]
 * [--prof <v8 log file>] [--accept-encoding <header>] [--no-uploads]`. Starts the service in a process of its own on a scratch
 * database (embedded PostgreSQL, or a new database on DATABASE_URL's server), loads a generated region through the
 * API (import, a driver per vehicle, the programme planned), makes a coordinator's token, then runs autocannon
 * against each endpoint in turn: the plan export, a driver's route sheet as JSON and as HTML, and the participant
 * list. Defaults: 300 participants, 50 connections for 20 s (at most 200 000 requests), 3 runs. Prints per endpoint
 * the medians over the runs of p50/p95/p99 latency and requests per second, the errors and non-2xx answers summed,
 * the machine's core count, and at the end one JSON line (`figures {...}`). Requests carry the Accept-Encoding
 * that browsers and Node's fetch send (`gzip, deflate, br`); `--accept-encoding identity` asks for plain bytes.
 * Last, once per run, three 50 MB bodies are sent at once without a token while `/health` is asked again and
 * again: its p50, p95 and slowest answer (`--no-uploads` leaves this out).
 */
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegion } from './load/region';
import { startService } from './load/service';
import { healthDuringUploads } from '../support/uploads';
import { median } from './sizes-and-runs';

interface Endpoint {
  name: string;
  path: string;
  /** The p95 asked for on 2 cores, in ms. */
  p95Goal: number;
}

interface Run {
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** The latencies of every answer, so that p95 is exact (autocannon's own summary has p90 and p97.5). */
async function measure(
  url: string,
  token: string,
  load: { connections: number; duration: number; maxRequests: number; acceptEncoding: string },
): Promise<Run> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url,
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': load.acceptEncoding },
        connections: load.connections,
        duration: load.duration,
        maxOverallRequests: load.maxRequests,
        timeout: 30,
      },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on('response', (...args: unknown[]) => latencies.push(args.at(-1) as number));
  });
  latencies.sort((a, b) => a - b);
  const at = (share: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? NaN);
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requestsPerSecond: latencies.length / (result.duration || load.duration),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Waits until the service answers its health check quickly again: requests still in flight when autocannon
 * stops would otherwise slow the next endpoint's measurement.
 */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${url}/health`);
    if (performance.now() - started < 20) return;
    await new Promise((wait) => setTimeout(wait, 500));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: '300' },
      runs: { type: 'string', default: '3' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      'max-requests': { type: 'string', default: '200000' },
      'log-level': { type: 'string', default: 'info' },
      only: { type: 'string' },
      prof: { type: 'string' },
      'accept-encoding': { type: 'string', default: 'gzip, deflate, br' },
      uploads: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  const [participants, runs, duration, connections, maxRequests] = [
    values.participants,
    values.runs,
    values.duration,
    values.connections,
    values['max-requests'],
  ].map(Number);
  const folder = mkdtempSync(join(tmpdir(), 'trefpunt-bench-load-'));
  const service = await startService(folder, values['log-level'], values.prof);
  try {
    const started = performance.now();
    const region = await loadRegion(service.url, service.adminToken, participants);
    console.log(
      `load benchmark: ${cpus().length} cores, region of ${participants} participants loaded and planned in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s (${region.plan.sessions} sessions, ` +
        `${region.plan.routes} routes, ${region.plan.riders} stops; plan export ${Math.round(region.plan.bytes / 1024)} kB); ` +
        `route sheet of ${region.stopsOnSheet} stops; ${connections} connections, ${duration} s ` +
        `(at most ${maxRequests} requests) per endpoint, ${runs} runs, medians; log level ${values['log-level']}; ` +
        `Accept-Encoding: ${values['accept-encoding']}`,
    );
    const sheet = `/drivers/${region.driverId}/routes?date=${region.date}`;
    const all: Endpoint[] = [
      { name: 'plan export', path: `/exports/plan?region=${region.ref}`, p95Goal: 300 },
      { name: 'route sheet JSON', path: sheet, p95Goal: 150 },
      { name: 'route sheet HTML', path: `${sheet}&format=html`, p95Goal: 150 },
      { name: 'participant list', path: `/participants?region=${region.ref}`, p95Goal: 150 },
    ];
    const endpoints = all.filter((endpoint) => !values.only || endpoint.name.includes(values.only));
    for (const endpoint of endpoints) {
      const answer = await fetch(`${service.url}${endpoint.path}`, {
        headers: { authorization: `Bearer ${region.coordinatorToken}` },
      });
      if (!answer.ok) throw new Error(`${endpoint.path}: ${answer.status} ${await answer.text()}`);
    }
    const results = new Map<string, Run[]>(endpoints.map((endpoint) => [endpoint.name, []]));
    for (let run = 0; run < runs; run++) {
      for (const endpoint of endpoints) {
        results.get(endpoint.name)!.push(
          await measure(`${service.url}${endpoint.path}`, region.coordinatorToken, {
            connections,
            duration,
            maxRequests,
            acceptEncoding: values['accept-encoding']!,
          }),
        );
        await settle(service.url);
      }
    }
    console.log('endpoint | p50 ms | p95 ms | p99 ms | req/s | requests | errors | non-2xx | p95 goal');
    const figures = endpoints.map((endpoint) => {
      const list = results.get(endpoint.name)!;
      const row = {
        endpoint: endpoint.name,
        path: endpoint.path.replace(region.driverId, '{id}'),
        p50: median(list.map((r) => r.p50)),
        p95: median(list.map((r) => r.p95)),
        p99: median(list.map((r) => r.p99)),
        requestsPerSecond: Math.round(median(list.map((r) => r.requestsPerSecond))),
        requests: list.reduce((sum, r) => sum + r.requests, 0),
        errors: list.reduce((sum, r) => sum + r.errors, 0),
        non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
        p95Goal: endpoint.p95Goal,
      };
      console.log(
        [
          row.endpoint,
          row.p50,
          row.p95,
          row.p99,
          row.requestsPerSecond,
          row.requests,
          row.errors,
          row.non2xx,
          `${row.p95 <= row.p95Goal ? 'met' : 'MISSED'} (${row.p95Goal})`,
        ].join(' | '),
      );
      return row;
    });
    const uploads = [];
    for (let run = 0; values.uploads && run < runs; run++) {
      uploads.push(await healthDuringUploads(service.url));
      await settle(service.url);
    }
    const health = uploads.length > 0 && {
      probes: uploads.reduce((sum, u) => sum + u.probes, 0),
      p50: median(uploads.map((u) => u.p50)),
      p95: median(uploads.map((u) => u.p95)),
      max: median(uploads.map((u) => u.max)),
      statuses: uploads[0].statuses,
    };
    if (health)
      console.log(
        `/health during three 50 MB uploads without a token (${health.probes} probes, answers ` +
          `${health.statuses.join(', ')}): p50 ${health.p50} ms, p95 ${health.p95} ms, slowest ${health.max} ms ` +
          `(medians of ${uploads.length} runs; ${health.max < 200 ? 'met' : 'MISSED'} (200))`,
      );
    console.log(
      `figures ${JSON.stringify({ cores: cpus().length, participants, connections, duration, runs, acceptEncoding: values['accept-encoding'], endpoints: figures, healthDuringUploads: health || undefined })}`,
    );
  } catch (error) {
    // What the service said last, for a run that failed.
    const log = [join(folder, 'service.out'), service.logFile].map((file) =>
      existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '',
    );
    console.error(log.join('\n'));
    throw error;
  } finally {
    await service.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
