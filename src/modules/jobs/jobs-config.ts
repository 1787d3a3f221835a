import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, validateSync } from 'class-validator';
import { InvalidEnvironmentError } from '../../../config/environment';

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;

/** An optional whole number within bounds, refused with a message that names the variable. */
const WholeNumber = (name: string, from: number, to: number, unit: string) => {
  const message = `${name} must be a whole number of ${unit} from ${from} to ${to}`;
  return applyDecorators(
    IsOptional(),
    Transform(toInteger),
    IsInt({ message }),
    Min(from, { message }),
    Max(to, { message }),
  );
};

/** The environment variables of the jobs, validated at start as messages-config.ts does. */
export class JobsEnvironment {
  /** Jobs this instance runs at once; 0: it only queues them (the command line, an API-only instance). */
  @WholeNumber('TREFPUNT_JOB_WORKERS', 0, 16, 'jobs')
  TREFPUNT_JOB_WORKERS = 1;

  /**
   * How long a job may run before another instance takes it over: the lease. pg-boss has no heartbeat, so it
   * must be longer than the longest plan (a region of 1000 participants: 3-5 minutes on 2 cores).
   */
  @WholeNumber('TREFPUNT_JOB_LEASE_SECONDS', 2, 82_800, 'seconds')
  TREFPUNT_JOB_LEASE_SECONDS = 1800;

  /** How often an idle worker asks the database for a job. */
  @WholeNumber('TREFPUNT_JOB_POLL_MS', 500, 60_000, 'milliseconds')
  TREFPUNT_JOB_POLL_MS = 1000;

  /** At SIGTERM, how long running jobs may take to finish before they are handed back to the queue. */
  @WholeNumber('TREFPUNT_JOB_STOP_SECONDS', 1, 600, 'seconds')
  TREFPUNT_JOB_STOP_SECONDS = 25;
}

export class JobsConfig {
  constructor(
    readonly workers: number,
    readonly leaseSeconds: number,
    readonly pollMs: number,
    readonly stopSeconds: number,
  ) {}

  /** Expired leases are looked for this often: a tenth of the lease, between 1 s and a minute. */
  get superviseSeconds(): number {
    return Math.min(60, Math.max(1, Math.floor(this.leaseSeconds / 10)));
  }
}

export function readJobsConfig(raw: Record<string, unknown>): JobsConfig {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(JobsEnvironment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (problems.length > 0) {
    throw new InvalidEnvironmentError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return new JobsConfig(
    env.TREFPUNT_JOB_WORKERS,
    env.TREFPUNT_JOB_LEASE_SECONDS,
    env.TREFPUNT_JOB_POLL_MS,
    env.TREFPUNT_JOB_STOP_SECONDS,
  );
}
