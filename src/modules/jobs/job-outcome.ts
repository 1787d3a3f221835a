import { HttpException, HttpStatus } from '@nestjs/common';
import { EntityNotFoundError } from 'typeorm';
import { httpErrorForDatabase } from '../../common/errors/database-errors';

/**
 * What a job ended with, as pg-boss keeps it (its `output`): done (the result is in our `jobs` table; jobs done
 * before it moved there have it here), or the HTTP answer of its error.
 */
export type JobOutcome =
  { ok: true; result?: unknown } | { ok: false; status: number; body: object; reason: string };

/**
 * An error of the work as the answer a request would have given for it, the way AllExceptionsFilter maps it:
 * a client that waits for the job gets exactly what it got when the work ran inside its request.
 */
export function failure(error: unknown, errorId: string): JobOutcome & { ok: false } {
  const known =
    error instanceof HttpException
      ? error
      : error instanceof EntityNotFoundError
        ? new HttpException('not found', HttpStatus.NOT_FOUND)
        : httpErrorForDatabase(error);
  if (!known) {
    return {
      ok: false,
      status: 500,
      body: { statusCode: 500, message: 'Internal server error', errorId },
      reason: `unexpected error (error id ${errorId})`,
    };
  }
  const response = known.getResponse();
  const body = typeof response === 'string' ? { statusCode: known.getStatus(), message: response } : response;
  const message = (body as { message?: unknown }).message;
  return {
    ok: false,
    status: known.getStatus(),
    body,
    reason: [message ?? known.message].flat().map(String).join('; '),
  };
}

/** The error a waiting request answers with for a failed job. */
export function asHttpException(outcome: JobOutcome & { ok: false }): HttpException {
  return new HttpException(outcome.body, outcome.status);
}
