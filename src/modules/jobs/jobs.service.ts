import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LessThan, Repository } from 'typeorm';
import { notFound } from '../../common/errors/not-found';
import { AccessContext } from '../access/access-context';
import { Principal } from '../access/principal';
import { asHttpException, JobOutcome } from './job-outcome';
import { JobQueue } from './job-queue';
import { JobRecord } from './job-record.entity';

/** Reports how far a job got: a fraction from 0 to 1 and the step it is in. */
export type ReportProgress = (fraction: number, step: string) => void;

/** The work of one kind of job: a service call with its input, a progress callback and a result. */
export type JobWork<I, R> = (input: I, progress: ReportProgress) => Promise<R>;

/** What is stored with the job in pg-boss. */
export interface JobData {
  kind: string;
  input: unknown;
  /** Who queued it: the work runs as her, as it ran in her request (audit log, municipality limits). */
  principal: Principal;
  /** Jobs with the same key never run at the same time, on any instance (e.g. `region:<id>`). */
  exclusiveKey?: string;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  fraction: number;
  step: string | null;
  result?: unknown;
  reason?: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  attempts: number;
  /** The instance (host:process id) that runs or ran it last. */
  instance: string | null;
}

/** Our record of a job is kept two weeks. */
const RECORDS_KEPT_MS = 14 * 24 * 3600 * 1000;

/** How often a request that waits for a job looks at it. */
const WAIT_POLL_MS = 100;

/**
 * Jobs as the rest of the service sees them: a module registers the work of a kind once, queues jobs of it, and
 * reads or waits for them. Any instance on the database may run a job (JobRunner).
 */
@Injectable()
export class JobsService {
  private readonly kinds = new Map<string, JobWork<never, unknown>>();

  constructor(
    private readonly queue: JobQueue,
    @InjectRepository(JobRecord) private readonly records: Repository<JobRecord>,
    private readonly access: AccessContext,
  ) {}

  /** Called by the module that owns the work, when it starts (onModuleInit). */
  register<I, R>(kind: string, work: JobWork<I, R>): void {
    this.kinds.set(kind, work as JobWork<never, unknown>);
  }

  workOf(kind: string): JobWork<unknown, unknown> | undefined {
    return this.kinds.get(kind) as JobWork<unknown, unknown> | undefined;
  }

  /**
   * Queues a job; its input must already be checked (bad input is refused before anything is queued). The
   * region decides who may see the job, and one region's jobs run one at a time.
   */
  async enqueue(kind: string, input: unknown, regionId: string | null): Promise<JobView> {
    if (!this.kinds.has(kind)) throw new Error(`no work registered for jobs of kind ${kind}`);
    const id = randomUUID();
    // pg-boss forgets a job a week after it ended (deleteAfterDays); what we keep of it goes a week later.
    await this.records.delete({ createdAt: LessThan(new Date(Date.now() - RECORDS_KEPT_MS)) });
    const record = await this.records.save(this.records.create({ id, kind, regionId }));
    const data: JobData = {
      kind,
      input,
      principal: this.access.principal(),
      exclusiveKey: regionId ? `region:${regionId}` : undefined,
    };
    await this.queue.send(id, data);
    return { ...viewOf(record), state: 'queued', startedAt: null, finishedAt: null };
  }

  /** A job within the caller's reach (its region), or 404 as for one that does not exist. */
  async get(id: string): Promise<JobView> {
    const record = await this.records.findOneBy({ id });
    const reachable =
      record && (record.regionId ? this.access.reachesRegion(record.regionId) : this.access.isAdmin());
    if (!reachable) throw notFound('job', id);
    return this.build(record);
  }

  /** A job already found within the caller's reach, looked at again (an events stream). */
  async current(id: string): Promise<JobView> {
    return this.build(await this.records.findOneByOrFail({ id }));
  }

  /** Waits until the job is done and answers its result, or throws what the work threw, as a request would. */
  async result(id: string): Promise<unknown> {
    for (;;) {
      const job = await this.queue.get(id);
      if (job?.state === 'completed') {
        const outcome = job.output as JobOutcome;
        if (outcome.ok) return outcome.result;
        throw asHttpException(outcome);
      }
      if (job && ['failed', 'cancelled'].includes(job.state)) throw new Error(reasonOf(job.output));
      await sleep(WAIT_POLL_MS);
    }
  }

  private async build(record: JobRecord): Promise<JobView> {
    const job = await this.queue.get(record.id);
    const base = viewOf(record);
    const times = { startedAt: job?.startedOn ?? null, finishedAt: job?.completedOn ?? null };
    if (!job) return { ...base, ...times, state: 'failed', reason: 'the job is no longer kept' };
    switch (job.state) {
      case 'created':
      case 'retry':
        return { ...base, ...times, state: 'queued', startedAt: null };
      case 'active':
        return { ...base, ...times, state: 'running' };
      case 'completed': {
        const outcome = job.output as JobOutcome;
        return outcome.ok
          ? { ...base, ...times, state: 'done', fraction: 1, result: outcome.result }
          : { ...base, ...times, state: 'failed', reason: outcome.reason };
      }
      default:
        return { ...base, ...times, state: 'failed', reason: reasonOf(job.output) };
    }
  }
}

function viewOf(record: JobRecord): Omit<JobView, 'state' | 'startedAt' | 'finishedAt'> {
  return {
    id: record.id,
    kind: record.kind,
    fraction: record.fraction,
    step: record.step,
    createdAt: record.createdAt,
    attempts: record.attempts,
    instance: record.instance,
  };
}

/** pg-boss keeps an error it caught (a lease run out, a shutdown) as its serialised form. */
function reasonOf(output: unknown): string {
  const value = (output as { value?: { message?: unknown }; message?: unknown } | null) ?? {};
  return String(value.message ?? value.value?.message ?? 'the job failed');
}
