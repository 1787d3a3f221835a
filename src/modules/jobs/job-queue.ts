import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { DatabaseServer } from '../../common/database/database-server';
import { JobsConfig } from './jobs-config';
import { TimedWork } from './timed-work';

/** The one pg-boss queue of the service (made by the migration Jobs): every kind of job goes through it. */
export const QUEUE = 'trefpunt';

/** A job whose region is busy is tried again this soon (seconds); it stays queued meanwhile. */
const BUSY_RETRY_SECONDS = 1;
/**
 * pg-boss counts every return to the queue as a retry: a region busy for a while, an instance that died or
 * stopped. Enough for a region busy for hours; instances dying under one job are counted apart (JobsService).
 */
const RETRY_LIMIT = 100_000;
/** Timed work is due at most once a minute: its queues are looked at this often (seconds). */
const TIMED_POLL_SECONDS = 5;

export type JobHandler<T> = (job: PgBoss.Job<T>) => Promise<unknown>;

/**
 * pg-boss, started with the application and stopped with it: the jobs live in PostgreSQL, so any instance on
 * the same database runs them, and a job whose instance died is taken over when its lease (expireInSeconds)
 * ends. Its schema is made by a migration (never by pg-boss itself: `migrate: false`).
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  /** Ours, not pg-boss's: it stays open after pg-boss stops, for requests still waiting on a job elsewhere. */
  private readonly pool: Pool;
  private handler: JobHandler<unknown> | undefined;
  private readonly workerIds: string[] = [];
  private started = false;
  /**
   * A second pg-boss on the same pool, with its scheduler (timekeeper) on: started only by an instance that runs
   * jobs and has timed work switched on, which the modules register after this class is built.
   */
  private timekeeper: PgBoss | undefined;

  constructor(
    server: DatabaseServer,
    private readonly config: JobsConfig,
    private readonly timed: TimedWork,
  ) {
    this.pool = new Pool({
      connectionString: server.url,
      application_name: 'trefpunt-jobs',
      // Two more for the timekeeper's own worker and its timed work.
      max: Math.max(2, config.workers + 1) + 2,
    });
    this.pool.on('error', (error) => this.logger.warn({ err: error.message }, 'job queue connection lost'));
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      migrate: false,
      schedule: false,
      supervise: config.workers > 0,
      maintenanceIntervalSeconds: config.superviseSeconds,
    });
    // Without a listener an 'error' event would stop the process; pg-boss reports lost connections this way.
    this.boss.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'job queue error'));
  }

  /** The one function that runs every job this instance takes; set before the application starts. */
  handle(handler: JobHandler<unknown>): void {
    this.handler = handler;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (let i = 0; i < this.config.workers; i++) {
      this.workerIds.push(
        await this.boss.work(
          QUEUE,
          { batchSize: 1, pollingIntervalSeconds: this.config.pollMs / 1000 },
          ([job]) => this.handler!(job),
        ),
      );
    }
    await this.startTimedWork();
  }

  /**
   * Puts the timed work on pg-boss's schedule and works its queues. The timekeeper of every instance looks at the
   * schedule, but one at a time (pg-boss's `cron_on` stamp), and each due period becomes one job (a singleton
   * per minute), which one instance takes: a run per period over all instances, however many there are.
   * An instance without workers leaves the schedule as it is.
   */
  private async startTimedWork(): Promise<void> {
    if (this.config.workers === 0) return;
    for (const queue of this.timed.disabled) {
      // The schedule is the deployment's, not this instance's: say so, since every instance stops this work now.
      this.logger.warn(
        `timed work ${queue} is switched off here, so taken off the schedule of every instance`,
      );
      await this.boss.unschedule(queue);
    }
    const jobs = this.timed.enabled;
    if (jobs.length === 0) return;
    this.timekeeper = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      migrate: false,
      schedule: true,
      // The first pg-boss supervises every queue.
      supervise: false,
    });
    this.timekeeper.on('error', (error: Error) =>
      this.logger.warn({ err: error.message }, 'timekeeper error'),
    );
    await this.timekeeper.start();
    for (const job of jobs) {
      await this.timekeeper.schedule(job.queue, job.cron, {}, { tz: job.tz });
      await this.timekeeper.work(
        job.queue,
        { batchSize: 1, pollingIntervalSeconds: TIMED_POLL_SECONDS },
        () => this.timed.run(job),
      );
    }
  }

  async send(id: string, data: object): Promise<void> {
    await this.boss.send(QUEUE, data, {
      id,
      expireInSeconds: this.config.leaseSeconds,
      retryLimit: RETRY_LIMIT,
      retryDelay: BUSY_RETRY_SECONDS,
      retryBackoff: false,
    });
    // A worker of this instance that is idle starts at once instead of at its next poll.
    for (const workerId of this.workerIds) this.boss.notifyWorker(workerId);
  }

  get(id: string): Promise<PgBoss.JobWithMetadata | null> {
    return this.boss.getJobById(QUEUE, id, { includeArchive: true });
  }

  /**
   * At SIGTERM, before the HTTP server and the database close: no new job is taken, and the running ones may
   * finish for TREFPUNT_JOB_STOP_SECONDS; pg-boss hands back those still running after that (failed, so retried
   * at once by another instance).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // Together, so that the wait is one TREFPUNT_JOB_STOP_SECONDS. A timed run still going is handed back like a
    // job; the next period runs anyway.
    const options = { graceful: true, wait: true, timeout: this.config.stopSeconds * 1000 };
    await Promise.all([this.timekeeper?.stop(options), this.boss.stop(options)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
