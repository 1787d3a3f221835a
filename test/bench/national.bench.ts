/**
 * A national simulation: `npm run bench:national -- [--regions 40] [--participants 30000] [--municipalities 342]
 * [--instances 2]`. Generated regions (buildScenario, the municipalities spread over the regions as evenly as
 * they go, each with two locations) are imported into a scratch database and
 * every region's programme is planned as a job (Prefer: respond-async), by `--instances` service instances
 * (child processes, as `npm start`) on that one database. Prints each job's time, the instances' share of the
 * work, the wall time, peak memory per instance and the database size.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { startScratchDatabase } from '../../src/common/database/scratch-database';
import { buildScenario } from '../factories/scenario.factory';
import { ServiceInstance, startServiceInstance } from '../support/service-instance';
import { ADMIN_TOKEN } from '../support/test-logs';

interface Job {
  id: string;
  state: string;
  startedAt: string | null;
  finishedAt: string | null;
  instance: string | null;
  attempts: number;
  reason?: string;
}

const { values } = parseArgs({
  options: {
    regions: { type: 'string', default: '40' },
    participants: { type: 'string', default: '30000' },
    instances: { type: 'string', default: '2' },
    municipalities: { type: 'string', default: '342' },
  },
});
const regions = Number(values.regions);
const participants = Number(values.participants);
const instanceCount = Number(values.instances);
const municipalityCount = Number(values.municipalities);
/** The municipalities of region r (from 1): the first regions take one more where they do not divide evenly. */
const municipalitiesOf = (r: number) =>
  Math.floor(municipalityCount / regions) + (r <= municipalityCount % regions ? 1 : 0);

const peakRssMb = (pid: number) =>
  Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

async function call(instance: ServiceInstance, path: string, init: RequestInit = {}): Promise<Response> {
  const request = () =>
    fetch(instance.url(path), {
      ...init,
      headers: {
        Authorization: `Bearer ${ADMIN_TOKEN}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
  // A plan holds its instance's event loop for seconds at a time; a kept-alive connection may be closed just
  // as the next request goes out. Once more on a fresh connection (only reads and queueing come here).
  const response = await request().catch(() => request());
  if (response.status >= 400) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function main(): Promise<void> {
  const database = await startScratchDatabase(process.env.DATABASE_URL);
  const logs = mkdtempSync(join(tmpdir(), 'trefpunt-national-'));
  const instances: ServiceInstance[] = [];
  try {
    for (let i = 0; i < instanceCount; i++) {
      // One after the other: the first applies the migrations.
      instances.push(
        await startServiceInstance(
          database.url,
          {
            TREFPUNT_JOB_WORKERS: '1',
            TREFPUNT_JOB_POLL_MS: '500',
            LOG_LEVEL: 'info',
            TREFPUNT_LOG_FILE: join(logs, `instance-${i + 1}.log`),
          },
          // A machine busy with other work may take minutes to compile and migrate.
          600_000,
        ),
      );
    }
    const [first] = instances;
    const perRegion = Math.round(participants / regions);
    let municipalities = 0;
    const programmes: string[] = [];
    const importStarted = performance.now();
    for (let r = 1; r <= regions; r++) {
      const region = `regio-${r}`;
      const scenario = buildScenario({
        participants: perRegion,
        region,
        seed: r,
        municipalities: municipalitiesOf(r),
      });
      municipalities += scenario.municipalities.length;
      await call(first, '/imports/scenario', { method: 'POST', body: JSON.stringify(scenario) });
      const page = (await (await call(first, `/programmes?region=${region}`)).json()) as {
        items: { id: string }[];
      };
      programmes.push(page.items[0].id);
    }
    const importMs = performance.now() - importStarted;
    const planStarted = performance.now();
    const ids: string[] = [];
    for (const programme of programmes) {
      const response = await call(first, `/programmes/${programme}/plan`, {
        method: 'POST',
        headers: { Prefer: 'respond-async' },
      });
      ids.push(((await response.json()) as Job).id);
    }
    const ended: Job[] = [];
    for (const id of ids) {
      for (;;) {
        const job = (await (await call(first, `/jobs/${id}`)).json()) as Job;
        if (job.state === 'done' || job.state === 'failed') {
          ended.push(job);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    const wallMs = performance.now() - planStarted;
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const size = (await client.query('SELECT pg_database_size(current_database()) AS bytes')).rows[0] as {
      bytes: string;
    };
    await client.end();

    const seconds = (job: Job) => (Date.parse(job.finishedAt!) - Date.parse(job.startedAt!)) / 1000;
    const done = ended.filter((job) => job.state === 'done');
    const times = done.map(seconds).sort((a, b) => a - b);
    console.log(
      `${regions} regions, ${municipalities} municipalities, ${perRegion * regions} participants, ` +
        `${instanceCount} instances on ${cpus().length} cores; imported in ${(importMs / 1000).toFixed(0)} s`,
    );
    console.log(`jobs: ${done.length} done, ${ended.length - done.length} failed`);
    for (const job of ended.filter((each) => each.state === 'failed')) console.log(`  failed: ${job.reason}`);
    console.log(
      `job time: median ${times[Math.floor(times.length / 2)]?.toFixed(1)} s, longest ${times.at(-1)?.toFixed(1)} s; ` +
        `all planned in ${(wallMs / 1000).toFixed(0)} s (wall)`,
    );
    console.log('| instance | jobs | share of job time | peak memory |');
    console.log('| -------- | ---: | ----------------: | ----------: |');
    const total = done.reduce((sum, job) => sum + seconds(job), 0);
    for (const instance of instances) {
      const own = done.filter((job) => job.instance?.endsWith(`:${instance.child.pid}`));
      const share = own.reduce((sum, job) => sum + seconds(job), 0) / total;
      console.log(
        `| ${instance.child.pid} | ${own.length} | ${(share * 100).toFixed(0)} % | ${peakRssMb(instance.child.pid!)} MB |`,
      );
    }
    console.log(`database size: ${Math.round(Number(size.bytes) / 1024 / 1024)} MB`);
  } finally {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.exited));
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
