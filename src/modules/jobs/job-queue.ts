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

/** The one pg-boss queue of the service (made by the migration Jobs): every kind of job goes through it. */
export const QUEUE = 'trefpunt';

/** A job whose region is busy is tried again this soon (seconds); it stays queued meanwhile. */
const BUSY_RETRY_SECONDS = 1;
/**
 * pg-boss counts every return to the queue as a retry: a region busy for a while, an instance that died or
 * stopped. Enough for a region busy for hours; instances dying under one job are counted apart (JobsService).
 */
const RETRY_LIMIT = 100_000;

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

  constructor(
    server: DatabaseServer,
    private readonly config: JobsConfig,
  ) {
    this.pool = new Pool({
      connectionString: server.url,
      application_name: 'trefpunt-jobs',
      max: Math.max(2, config.workers + 1),
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
    await this.boss.stop({ graceful: true, wait: true, timeout: this.config.stopSeconds * 1000 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
