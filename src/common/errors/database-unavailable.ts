import { HttpException, ServiceUnavailableException } from '@nestjs/common';
import {
  CannotExecuteNotConnectedError,
  ConnectionIsNotSetError,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';

/** What a client is told to wait before it tries again: the embedded server restarts within seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that could not be made or was cut. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** SQLSTATEs of a server that is stopping, starting, recovering or full, rather than of a bad query. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres's own errors for a lost connection, which carry no code. */
const LOST_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

const isUnavailable = (error: unknown): boolean => {
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof CannotExecuteNotConnectedError ||
    error instanceof ConnectionIsNotSetError
  ) {
    return true;
  }
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (!(cause instanceof Error)) return false;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.has(code))) return true;
  // Class 08: connection exceptions.
  if (typeof code === 'string' && /^08[0-9A-Z]{3}$/.test(code)) return true;
  return LOST_CONNECTION.test(cause.message);
};

/**
 * A 503 for a request that failed because the database could not be reached (a server restarting after a crash,
 * or being stopped), not because of the request: the client may send it again in a few seconds.
 */
export function httpErrorForUnavailableDatabase(error: unknown): HttpException | undefined {
  return isUnavailable(error)
    ? new ServiceUnavailableException(
        'the database is not reachable at the moment: try again in a few seconds',
      )
    : undefined;
}
