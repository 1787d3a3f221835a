import { HttpException, PayloadTooLargeException } from '@nestjs/common';

/** What Express's body parsers pass on when they refuse a body: an http-errors error with a type. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  limit?: number;
  length?: number;
}

const size = (bytes: number) =>
  bytes >= 1 << 20 ? `${Number((bytes / (1 << 20)).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} kB`;

/**
 * The 4xx for a body refused by Express's parsers before Nest saw the request (too large, aborted, in an
 * unknown charset). Nest hands these on as they are, and as unknown errors they would be answered 500.
 */
export function httpErrorForRequestBody(error: unknown): HttpException | undefined {
  if (!(error instanceof Error)) return undefined;
  const { type, status, expose, limit, length } = error as BodyParserError;
  if (type === 'entity.too.large' && limit !== undefined) {
    const sent = length === undefined ? '' : ` (this one has ${size(length)})`;
    return new PayloadTooLargeException(`body: this endpoint takes at most ${size(limit)}${sent}`);
  }
  if (expose && status !== undefined && status >= 400 && status < 500)
    return new HttpException(error.message, status);
  return undefined;
}
