import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LessThan, Repository } from 'typeorm';
import { notFound } from '../../common/errors/not-found';
import { AccessContext } from '../access/access-context';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { asHttpException, JobOutcome } from './job-outcome';
import { JobQueue } from './job-queue';
import { JobRecord } from './job-record.entity';
import { participantsNamed, withoutParticipant } from './job-result';

/** Reports how far a job got: a fraction from 0 to 1 and the step it is in. */
export type ReportProgress = (fraction: number, step: string) => void;

/** The work of one kind of job: a service call with its input, a progress callback and a result. */
export type JobWork<I, R> = (input: I, progress: ReportProgress) => Promise<R>;

export interface JobKindOptions<I, R> {
  /**
   * The result as the reader may see it, in her request (e.g. without the participants outside the
   * municipalities she is limited to). By default the whole result.
   */
  reveal?: (result: R) => Promise<unknown>;
  /**
   * For work that may make its region (an import): the region's id as it stands once the job holds its own
   * exclusive key, or undefined when there is none yet. The job then also holds `region:<id>`, so that it never
   * runs beside another job of that region.
   */
  regionAtStart?: (input: I) => Promise<string | undefined>;
}

export interface JobKind {
  work: JobWork<unknown, unknown>;
  options: JobKindOptions<unknown, unknown>;
}

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
  /** While running: the time left at the pace so far, in seconds (null before there is a pace to go by). */
  estimatedSecondsLeft: number | null;
}

/** Our record of a job is kept two weeks. */
const RECORDS_KEPT_MS = 14 * 24 * 3600 * 1000;

/** How often a request that waits for a job looks at it. */
const WAIT_POLL_MS = 100;

/** Below this fraction the pace says little about the time left. */
const ESTIMATE_FROM_FRACTION = 0.02;

/** The key that keeps a region's jobs one at a time. */
export const regionKey = (regionId: string) => `region:${regionId}`;

/**
 * Jobs as the rest of the service sees them: a module registers the work of a kind once, queues jobs of it, and
 * reads or waits for them. Any instance on the database may run a job (JobRunner).
 */
@Injectable()
export class JobsService {
  private readonly kinds = new Map<string, JobKind>();

  constructor(
    private readonly queue: JobQueue,
    @InjectRepository(JobRecord) private readonly records: Repository<JobRecord>,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Called by the module that owns the work, when it starts (onModuleInit). */
  register<I, R>(kind: string, work: JobWork<I, R>, options: JobKindOptions<I, R> = {}): void {
    this.kinds.set(kind, {
      work: work as JobWork<unknown, unknown>,
      options: options as JobKindOptions<unknown, unknown>,
    });
  }

  kindOf(kind: string): JobKind | undefined {
    return this.kinds.get(kind);
  }

  /**
   * Queues a job; its input must already be checked (bad input is refused before anything is queued) and hold
   * ids, not personal data: pg-boss keeps it a week. The region decides who may see the job, and one region's
   * jobs run one at a time; `exclusiveKey` replaces the region's key for work whose region may not exist yet.
   */
  async enqueue(
    kind: string,
    input: unknown,
    regionId: string | null,
    exclusiveKey?: string,
  ): Promise<JobView> {
    if (!this.kinds.has(kind)) throw new Error(`no work registered for jobs of kind ${kind}`);
    const id = randomUUID();
    // pg-boss forgets a job a week after it ended (deleteAfterDays); what we keep of it goes a week later.
    await this.records.delete({ createdAt: LessThan(new Date(Date.now() - RECORDS_KEPT_MS)) });
    const record = await this.records.save(this.records.create({ id, kind, regionId }));
    const data: JobData = {
      kind,
      input,
      principal: this.access.principal(),
      exclusiveKey: exclusiveKey ?? (regionId ? regionKey(regionId) : undefined),
    };
    await this.queue.send(id, data);
    return {
      ...viewOf(record),
      state: 'queued',
      startedAt: null,
      finishedAt: null,
      estimatedSecondsLeft: null,
    };
  }

  /**
   * A job within the caller's reach (its region), or 404 as for one that does not exist. A done job shows its
   * result as the caller may see it, and each participant it names is an audited read by her.
   */
  async get(id: string): Promise<JobView> {
    const record = await this.records.findOneBy({ id });
    const reachable =
      record && (record.regionId ? this.access.reachesRegion(record.regionId) : this.access.isAdmin());
    if (!reachable) throw notFound('job', id);
    const view = await this.build(record);
    return view.state === 'done' ? { ...view, result: await this.reveal(record, view.result) } : view;
  }

  /**
   * Waits until the job is done and answers its result (as get() shows it), or throws what the work threw, as a
   * request would.
   */
  async result(id: string): Promise<unknown> {
    for (;;) {
      const job = await this.queue.get(id);
      if (job?.state === 'completed') {
        const outcome = job.output as JobOutcome;
        if (!outcome.ok) throw asHttpException(outcome);
        const record = await this.records.findOneByOrFail({ id });
        return this.reveal(record, record.result ?? outcome.result);
      }
      if (job && ['failed', 'cancelled'].includes(job.state)) throw new Error(reasonOf(job.output));
      await sleep(WAIT_POLL_MS);
    }
  }

  /** At her erasure: the stored results that name her, without her (in the erasure's transaction). */
  async eraseParticipant(participantId: string): Promise<void> {
    const records = this.txHost.tx.getRepository(JobRecord);
    const naming = await records
      .createQueryBuilder('job')
      .where('job.result::text LIKE :id', { id: `%${participantId}%` })
      .getMany();
    for (const record of naming) {
      await records.update(record.id, { result: withoutParticipant(record.result, participantId) as object });
    }
  }

  private async reveal(record: JobRecord, result: unknown): Promise<unknown> {
    const reveal = this.kinds.get(record.kind)?.options.reveal;
    const shown = reveal ? await reveal(result) : result;
    const named = participantsNamed(shown);
    if (named.length > 0 && record.regionId) {
      const regionId = record.regionId;
      await this.audit.record(
        'read',
        named.map((participantId) => ({
          recordType: 'participant',
          recordId: participantId,
          participantId,
          regionId,
        })),
      );
    }
    return shown;
  }

  private async build(record: JobRecord): Promise<JobView> {
    const job = await this.queue.get(record.id);
    const base = viewOf(record);
    const times = {
      startedAt: record.ranFrom ?? job?.startedOn ?? null,
      finishedAt: record.ranUntil ?? job?.completedOn ?? null,
      estimatedSecondsLeft: null,
    };
    if (!job) return { ...base, ...times, state: 'failed', reason: 'the job is no longer kept' };
    switch (job.state) {
      case 'created':
      case 'retry':
        return { ...base, ...times, state: 'queued', startedAt: null };
      case 'active':
        return {
          ...base,
          ...times,
          state: 'running',
          estimatedSecondsLeft: secondsLeft(record.fraction, job.startedOn),
        };
      case 'completed': {
        const outcome = job.output as JobOutcome;
        return outcome.ok
          ? {
              ...base,
              ...times,
              state: 'done',
              fraction: 1,
              estimatedSecondsLeft: 0,
              result: record.result ?? outcome.result,
            }
          : { ...base, ...times, state: 'failed', reason: outcome.reason };
      }
      default:
        return { ...base, ...times, state: 'failed', reason: reasonOf(job.output) };
    }
  }
}

/** The time left if the rest goes at the pace so far. */
function secondsLeft(fraction: number, startedOn: Date | null | undefined): number | null {
  if (!startedOn || fraction < ESTIMATE_FROM_FRACTION || fraction >= 1) return null;
  const elapsed = (Date.now() - startedOn.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed * (1 - fraction)) / fraction));
}

function viewOf(
  record: JobRecord,
): Omit<JobView, 'state' | 'startedAt' | 'finishedAt' | 'estimatedSecondsLeft'> {
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
