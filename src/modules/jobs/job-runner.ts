import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { DataSource, Repository } from 'typeorm';
import { PRINCIPAL } from '../access/principal';
import { HeldLock, tryExclusiveLock } from './exclusive-lock';
import { INSTANCE } from './instance';
import { failure, JobOutcome } from './job-outcome';
import { JobQueue } from './job-queue';
import { JobRecord } from './job-record.entity';
import { JobData, JobsService, regionKey } from './jobs.service';

/**
 * A job started this often without finishing killed or stopped its instance each time (out of memory, say):
 * it fails instead of taking the next instance down too.
 */
const MAX_ATTEMPTS = 3;

/** Thrown to pg-boss for a job whose region another job is planning: it goes back to the queue for a moment. */
class ExclusiveKeyBusy extends Error {}

/**
 * Runs the jobs this instance takes from the queue: one at a time per key (region) over all instances, as the
 * principal who queued it, with its progress written where every instance reads it.
 */
@Injectable()
export class JobRunner implements OnModuleInit {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly jobs: JobsService,
    @InjectRepository(JobRecord) private readonly records: Repository<JobRecord>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cls: ClsService,
  ) {}

  onModuleInit(): void {
    this.queue.handle((job) => this.run(job as PgBoss.Job<JobData>));
  }

  private async run(job: PgBoss.Job<JobData>): Promise<JobOutcome> {
    const { kind, input, principal, exclusiveKey } = job.data;
    const jobKind = this.jobs.kindOf(kind);
    const locks = await this.lock(exclusiveKey, () => jobKind?.options.regionAtStart?.(input));
    try {
      await this.records.increment({ id: job.id }, 'attempts', 1);
      await this.records.update(job.id, {
        instance: INSTANCE,
        fraction: 0,
        step: 'started',
        ranFrom: () => 'clock_timestamp()',
        ranUntil: null,
      });
      const record = await this.records.findOneBy({ id: job.id });
      const errorId = randomUUID();
      if (!record) return failure(new Error('its region was deleted'), errorId);
      if (record.attempts > MAX_ATTEMPTS) {
        const reason = `started ${MAX_ATTEMPTS} times, and each time its instance stopped before it ended`;
        this.logger.error({ jobId: job.id, kind }, reason);
        return { ok: false, status: 500, body: { statusCode: 500, message: reason }, reason };
      }
      if (!jobKind) throw new Error(`no work registered for jobs of kind ${kind}`);
      const progress = this.progressOf(job.id);
      const started = performance.now();
      try {
        const result = await this.cls.run(async () => {
          this.cls.set(PRINCIPAL, principal);
          return jobKind.work(input, progress.report);
        });
        progress.report(1, 'done');
        await progress.written();
        // The result stays ours (it may name participants): pg-boss only learns that the job is done.
        await this.records.update(job.id, { result: (result ?? null) as object });
        this.logger.log(
          { jobId: job.id, kind, attempt: record.attempts, ms: Math.round(performance.now() - started) },
          'job done',
        );
        return { ok: true };
      } catch (error) {
        const outcome = failure(error, errorId);
        await progress.written();
        if (outcome.status >= 500) {
          const err = error instanceof Error ? error : new Error(String(error));
          this.logger.error(
            { jobId: job.id, kind, errorId, err: { type: err.name, stack: err.stack } },
            'job failed',
          );
        } else this.logger.log({ jobId: job.id, kind, status: outcome.status }, 'job refused');
        return outcome;
      }
    } finally {
      // Before the locks go: the next job of the region starts after this time.
      await this.records.update(job.id, { ranUntil: () => 'clock_timestamp()' }).catch(() => undefined);
      for (const lock of locks.reverse()) await lock.release();
    }
  }

  /**
   * The job's exclusive key, then the key of the region it finds once it holds that (an import of a region that
   * may be new): or, when either is held by another job, nothing held and the job back to the queue.
   */
  private async lock(
    exclusiveKey: string | undefined,
    regionAtStart: () => Promise<string | undefined> | undefined,
  ): Promise<HeldLock[]> {
    if (!exclusiveKey) return [];
    const first = await tryExclusiveLock(this.dataSource, exclusiveKey);
    if (!first) throw new ExclusiveKeyBusy(`${exclusiveKey} is busy`);
    try {
      const regionId = await regionAtStart();
      const key = regionId && regionKey(regionId);
      if (!key || key === exclusiveKey) return [first];
      const second = await tryExclusiveLock(this.dataSource, key);
      if (!second) throw new ExclusiveKeyBusy(`${key} is busy`);
      return [first, second];
    } catch (error) {
      await first.release();
      throw error;
    }
  }

  /** Progress writes in order, each its own statement outside the job's transaction so that others see it. */
  private progressOf(id: string) {
    let chain: Promise<unknown> = Promise.resolve();
    return {
      report: (fraction: number, step: string) => {
        const bounded = Math.min(1, Math.max(0, fraction));
        chain = chain
          .then(() => this.records.update(id, { fraction: bounded, step }))
          .catch((error: unknown) =>
            this.logger.warn({ jobId: id, err: String(error) }, 'progress not written'),
          );
      },
      written: () => chain,
    };
  }
}
