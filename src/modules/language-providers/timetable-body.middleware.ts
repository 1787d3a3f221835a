import {
  BadRequestException,
  Injectable,
  NestMiddleware,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { NextFunction, Request, Response, text } from 'express';

/** The media types a timetable may be sent as, raw in the request body. */
export const TIMETABLE_MEDIA_TYPES = ['text/csv', 'text/calendar'];

/** A provider's timetable for a few thousand participants is well under this. */
export const TIMETABLE_SIZE_LIMIT = '5mb';

const readText = text({ type: TIMETABLE_MEDIA_TYPES, limit: TIMETABLE_SIZE_LIMIT, defaultCharset: 'utf-8' });

/**
 * Reads a timetable file sent as the raw body (the application parses only JSON). Its errors are thrown, so
 * that they are answered as every other error is, instead of by Express's own error page.
 */
@Injectable()
export class TimetableBodyMiddleware implements NestMiddleware {
  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      readText(request, response, (error?: unknown) => (error ? reject(bodyError(error)) : resolve())),
    );
    next();
  }
}

function bodyError(error: unknown): Error {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type === 'entity.too.large') {
    return new PayloadTooLargeException(
      `the timetable file must be at most ${TIMETABLE_SIZE_LIMIT.toUpperCase()}`,
    );
  }
  if (status === 415) return new UnsupportedMediaTypeException('Content-Type: send the file as UTF-8');
  return new BadRequestException('the timetable file could not be read from the request');
}
