import { DateTime } from 'luxon';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TimedWorkQueues1795418910000 } from '../../migrations/1795418910000-TimedWorkQueues';
import { TravelCacheCleanup } from '../../src/modules/travel/travel-cache-cleanup';
import { readTravelConfig } from '../../src/modules/travel/travel-config';
import { TravelTimeCacheRepository } from '../../src/modules/travel/travel-time-cache.repository';
import { TimedWork } from '../../src/modules/jobs/timed-work';
import { buildScenario } from '../factories/scenario.factory';
import { ServiceInstance, startServiceInstance } from '../support/service-instance';
import { startTestApp, TestApp } from '../support/test-app';

const zone = 'Europe/Amsterdam';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Retries `check` until it passes or `ms` have gone by; then its last failure is the test's. */
async function eventually(check: () => Promise<void>, ms: number, everyMs = 1000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}

describe('timed work on pg-boss', () => {
  describe('the clean-up of Google travel times', () => {
    let api: TestApp;
    // Nothing here asks Google: the address only has to be valid.
    const google = {
      GOOGLE_MAPS_API_KEY: 'timed-work-test-key',
      GOOGLE_MAPS_BASE_URL: 'http://127.0.0.1:9',
      GOOGLE_MAPS_CACHE_DAYS: '30',
    };
    const stored = (url: string) =>
      withClient(url, async (client) =>
        (
          await client.query<{ origin_lat: string }>(
            'SELECT origin_lat FROM travel_time_cache ORDER BY origin_lat',
          )
        ).rows.map((row) => Number(row.origin_lat)),
      );
    /** Times fetched `daysAgo` days ago, one per latitude. */
    const store = (url: string, daysAgo: number, latitudes: number[]) =>
      withClient(url, (client) =>
        client.query(
          `INSERT INTO travel_time_cache
                  (origin_lat, origin_lon, destination_lat, destination_lon, hour_of_week, mode, minutes, km,
                   fetched_at)
           SELECT lat, 6.5, 52.2, 6.6, -1, 'driving', 12, 9.5, now() - $2 * interval '1 day'
             FROM unnest($1::numeric[]) AS lat`,
          [latitudes, daysAgo],
        ),
      );

    beforeAll(async () => {
      api = await startTestApp({ ...google, TREFPUNT_JOB_WORKERS: '1' });
    });
    afterAll(() => api.close());

    it('is on the schedule at 03:30 in Amsterdam once an instance with workers and a Google key started', async () => {
      const schedules = await withClient(
        api.databaseUrl,
        async (client) =>
          (await client.query('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name')).rows,
      );
      // The reminders' timer is off in test apps: taken off the schedule, never put on it.
      expect(schedules).toEqual([
        { name: 'trefpunt-travel-cache-cleanup', cron: '30 3 * * *', timezone: zone },
      ]);
    });

    it('deletes the times older than GOOGLE_MAPS_CACHE_DAYS in batches and keeps the fresh ones', async () => {
      await store(api.databaseUrl, 45, [52.001, 52.002, 52.003, 52.004, 52.005]);
      await store(api.databaseUrl, 31, [52.006]);
      await store(api.databaseUrl, 29, [52.101]);
      await store(api.databaseUrl, 1, [52.102]);
      const cleanup = api.app.get(TravelCacheCleanup);
      expect(await cleanup.cleanUp(new Date(), 2)).toEqual({ deleted: 6 });
      expect(await stored(api.databaseUrl)).toEqual([52.101, 52.102]);
      expect(await cleanup.cleanUp(new Date(), 2)).toEqual({ deleted: 0 });
    });

    it('keeps what others stored within GOOGLE_MAPS_CACHE_DAYS when it runs on an instance without a key', async () => {
      const keyless = readTravelConfig({ GOOGLE_MAPS_CACHE_DAYS: '30' });
      expect(keyless.google).toBeNull();
      const cleanup = new TravelCacheCleanup(
        new TimedWork(),
        keyless,
        api.app.get(TravelTimeCacheRepository),
      );
      expect(await cleanup.cleanUp(new Date())).toEqual({ deleted: 0 });
      expect(await stored(api.databaseUrl)).toEqual([52.101, 52.102]);
    });

    it('deletes every stored time with GOOGLE_MAPS_CACHE_DAYS=0, since none is reused then', async () => {
      const config = readTravelConfig({ ...google, GOOGLE_MAPS_CACHE_DAYS: '0' });
      const cleanup = new TravelCacheCleanup(new TimedWork(), config, api.app.get(TravelTimeCacheRepository));
      expect(await stored(api.databaseUrl)).toHaveLength(2);
      expect(await cleanup.cleanUp(new Date())).toEqual({ deleted: 2 });
      expect(await stored(api.databaseUrl)).toEqual([]);
    });

    it('undoes its migration, the queues and their schedule gone, and does it again', async () => {
      const queues = () =>
        withClient(api.databaseUrl, async (client) =>
          (
            await client.query<{ name: string }>(
              "SELECT name FROM pgboss.queue WHERE name <> 'trefpunt' ORDER BY name",
            )
          ).rows.map((row) => row.name),
        );
      const made = ['__pgboss__send-it', 'trefpunt-reminders', 'trefpunt-travel-cache-cleanup'];
      expect(await queues()).toEqual(made);
      const runner = api.app.get(DataSource).createQueryRunner();
      const migration = new TimedWorkQueues1795418910000();
      try {
        await migration.down(runner);
        expect(await queues()).toEqual([]);
        const schedules = await withClient(api.databaseUrl, (client) =>
          client.query('SELECT 1 FROM pgboss.schedule'),
        );
        expect(schedules.rowCount).toBe(0);
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      expect(await queues()).toEqual(made);
    });
  });

  describe("the reminders' timer on two instances", () => {
    // This one only takes requests: the two child processes run the jobs and the timer, every minute.
    let api: TestApp;
    let instances: ServiceInstance[] = [];
    const timed = {
      TREFPUNT_REMINDERS: 'true',
      TREFPUNT_REMINDERS_CRON: '* * * * *',
      // Any time of day is past both: a session tomorrow is due its evening reminder whenever the test runs.
      TREFPUNT_REMINDER_EVENING_AT: '00:00',
      TREFPUNT_REMINDER_MORNING_AT: '00:00',
      TREFPUNT_JOB_WORKERS: '1',
    };
    interface TimedJob {
      state: string;
      retry_count: number;
      started_on: Date | null;
      output: { instance?: string; enqueued?: number } | null;
    }
    const reminderJobs = () =>
      withClient(api.databaseUrl, async (client) => {
        const columns = 'state, retry_count, started_on, output';
        return (
          await client.query<TimedJob>(
            `SELECT ${columns} FROM pgboss.job WHERE name = 'trefpunt-reminders'
             UNION ALL SELECT ${columns} FROM pgboss.archive WHERE name = 'trefpunt-reminders'
             ORDER BY started_on NULLS LAST`,
          )
        ).rows;
      });
    /** The periods pg-boss's scheduler turned into jobs: one row per minute at most, or it ran twice. */
    const periods = () =>
      withClient(
        api.databaseUrl,
        async (client) =>
          (
            await client.query<{ singleton_on: Date; state: string; n: number }>(
              `SELECT singleton_on, state, count(*)::int AS n FROM pgboss.job
              WHERE name = '__pgboss__send-it' AND singleton_key = 'trefpunt-reminders'
              GROUP BY singleton_on, state ORDER BY singleton_on`,
            )
          ).rows,
      );
    const reminders = async () =>
      (
        (await api.get('/outbox?region=timed&limit=1000').expect(200)).body.items as {
          participantId: string;
          sessionId: string | null;
          kind: string;
        }[]
      ).filter((message) => message.kind === 'reminder-evening');

    beforeAll(async () => {
      api = await startTestApp({ TREFPUNT_JOB_WORKERS: '0' });
      instances = await Promise.all([1, 2].map(() => startServiceInstance(api.databaseUrl, timed)));
    }, 300_000);
    afterAll(async () => {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      await Promise.all(instances.map((instance) => instance.exited));
      await api.close();
    });

    it('writes a session’s reminders once, each period’s run being one job on one of the instances', async () => {
      await api.post('/imports/scenario', buildScenario({ participants: 15, region: 'timed' })).expect(200);
      const programmeId = (await api.get('/programmes?region=timed').expect(200)).body.items[0].id as string;
      await api.post(`/programmes/${programmeId}/plan`).expect(200);
      const group = (await api.get('/groups?region=timed').expect(200)).body.items[0] as {
        id: string;
        regionId: string;
        participantIds: string[];
      };
      const noon = DateTime.now().setZone(zone).plus({ days: 1 }).set({ hour: 12, minute: 0, second: 0 });
      const session = (
        await api
          .post('/sessions', {
            regionId: group.regionId,
            groupId: group.id,
            start: noon.toISO(),
            end: noon.plus({ hours: 2 }).toISO(),
          })
          .expect(201)
      ).body as { id: string };
      const created = new Date();

      // A run that started after the session was made has written its reminders.
      let first: TimedJob | undefined;
      await eventually(async () => {
        first = (await reminderJobs()).find(
          (job) => job.state === 'completed' && job.started_on !== null && job.started_on > created,
        );
        expect(first).toBeDefined();
      }, 150_000);
      const written = await reminders();
      expect(written.length).toBeGreaterThan(0);
      expect(written.every((message) => message.sessionId === session.id)).toBe(true);
      expect(written.every((message) => group.participantIds.includes(message.participantId))).toBe(true);
      expect(new Set(written.map((message) => message.participantId)).size).toBe(written.length);

      // The next period's run finds them written and adds nothing.
      await eventually(async () => {
        const later = (await reminderJobs()).filter(
          (job) => job.state === 'completed' && job.started_on! > first!.started_on!,
        );
        expect(later.length).toBeGreaterThan(0);
      }, 150_000);
      expect(await reminders()).toHaveLength(written.length);

      // Two instances, each with its timekeeper, and yet one job per minute: as many as periods were due, each
      // run once (no retry) by one instance, and both of them from these two instances.
      const pids = instances.map((instance) => instance.child.pid);
      await eventually(async () => {
        const due = await periods();
        expect(due.every((period) => period.n === 1)).toBe(true);
        const jobs = (await reminderJobs()).filter((job) => job.state !== 'created');
        expect(jobs.length).toBe(due.filter((period) => period.state === 'completed').length);
        expect(jobs.length).toBeGreaterThanOrEqual(2);
        for (const job of jobs) {
          expect(job).toMatchObject({ state: 'completed', retry_count: 0 });
          expect(pids).toContain(Number(job.output!.instance!.split(':').at(-1)));
        }
        expect(jobs.reduce((sum, job) => sum + job.output!.enqueued!, 0)).toBe(written.length);
      }, 20_000);
    }, 360_000);
  });
});
