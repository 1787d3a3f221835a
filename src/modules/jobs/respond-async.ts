import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader } from '@nestjs/swagger';
import { Response } from 'express';
import { QueuedJobDto } from './dto/job.dto';
import { JobsService, JobView } from './jobs.service';

/** RFC 7240: the client would rather have the job at once than wait for its result. */
export function prefersAsync(prefer: string | undefined): boolean {
  return (prefer ?? '')
    .split(',')
    .some((preference) => preference.split(';')[0].trim().toLowerCase() === 'respond-async');
}

/**
 * The answer of an endpoint whose work runs as a job: with `Prefer: respond-async` 202 at once with the job and
 * its Location; without it, the result once the job is done (whichever instance runs it), as before jobs.
 */
export async function answerWithJob(
  jobs: JobsService,
  job: JobView,
  prefer: string | undefined,
  response: Response,
): Promise<unknown> {
  if (!prefersAsync(prefer)) return jobs.result(job.id);
  response
    .status(HttpStatus.ACCEPTED)
    .set({ Location: `/jobs/${job.id}`, 'Preference-Applied': 'respond-async' });
  return { id: job.id, state: job.state } satisfies QueuedJobDto;
}

/** The OpenAPI of an endpoint that answers with answerWithJob. */
export const RespondsAsync = () =>
  applyDecorators(
    ApiHeader({
      name: 'Prefer',
      required: false,
      description:
        '`respond-async`: answer 202 at once with the job (`Location: /jobs/{id}`) instead of waiting for it',
    }),
    ApiAcceptedResponse({ type: QueuedJobDto, description: 'With `Prefer: respond-async`: the job queued' }),
  );
