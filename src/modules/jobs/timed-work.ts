import { Injectable, Logger } from '@nestjs/common';
import { isCronExpression } from '../../../config/environment';
import { INSTANCE } from './instance';

export interface TimedJob {
  /** Its own pg-boss queue (made by the migration TimedWorkQueues): pg-boss keeps one schedule per queue. */
  queue: string;
  cron: string;
  /** The zone the cron's times are read in. */
  tz: string;
  run: () => Promise<object | void>;
}

/**
 * The timed work of the service (reminders, clean-ups), registered by the modules that own it while the
 * application starts. JobQueue schedules it on pg-boss, so each period's run is one job that one instance of all
 * instances on the database takes: no instance keeps a timer of its own.
 */
@Injectable()
export class TimedWork {
  private readonly logger = new Logger('TimedWork');
  private readonly on = new Map<string, TimedJob>();
  private readonly off = new Set<string>();

  /**
   * Runs `run` at the times of `cron` (in `tz`). With `enabled: false` the work is taken off the schedule when
   * this instance starts: the schedule lives in the database and follows the instance started last.
   */
  every(
    queue: string,
    cron: string,
    run: TimedJob['run'],
    { tz = 'Europe/Amsterdam', enabled = true }: { tz?: string; enabled?: boolean } = {},
  ): void {
    if (!isCronExpression(cron))
      throw new Error(`${queue}: "${cron}" is not a cron expression of five fields`);
    if (this.on.has(queue) || this.off.has(queue)) throw new Error(`${queue} is registered twice`);
    if (enabled) this.on.set(queue, { queue, cron, tz, run });
    else this.off.add(queue);
  }

  get enabled(): TimedJob[] {
    return [...this.on.values()];
  }

  get disabled(): string[] {
    return [...this.off];
  }

  /** One run, as a pg-boss worker calls it: its answer, with the instance that ran it, is the job's output. */
  async run(job: TimedJob): Promise<object> {
    const started = performance.now();
    try {
      const output = { ...((await job.run()) ?? {}), instance: INSTANCE };
      this.logger.log(
        { queue: job.queue, ms: Math.round(performance.now() - started), ...output },
        'timed work done',
      );
      return output;
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.logger.error({ queue: job.queue, err: { type: err.name, stack: err.stack } }, 'timed work failed');
      throw error;
    }
  }
}
