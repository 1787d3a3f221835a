import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Response } from 'express';
import { EntityNotFoundError } from 'typeorm';
import { httpErrorForDatabase } from './database-errors';
import { DATABASE_RETRY_AFTER_SECONDS, httpErrorForUnavailableDatabase } from './database-unavailable';
import { httpErrorForRequestBody } from './request-body-errors';

/**
 * The one place errors become HTTP answers: HTTP exceptions as they are, violated constraints and bodies the
 * parsers refused as 4xx, a database out of reach as 503 with Retry-After, anything else as a 500 that carries an error id, logged with that id (and without
 * request data).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const known =
      exception instanceof HttpException
        ? exception
        : exception instanceof EntityNotFoundError
          ? new HttpException('not found', HttpStatus.NOT_FOUND)
          : (httpErrorForDatabase(exception) ??
            httpErrorForUnavailableDatabase(exception) ??
            httpErrorForRequestBody(exception));
    if (known) {
      const body = known.getResponse();
      if (known.getStatus() === HttpStatus.SERVICE_UNAVAILABLE) {
        response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      }
      response
        .status(known.getStatus())
        .json(typeof body === 'string' ? { statusCode: known.getStatus(), message: body } : body);
      return;
    }
    const errorId = randomUUID();
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error({ errorId, err: { type: error.name, stack: error.stack } }, 'unexpected error');
    response.status(500).json({ statusCode: 500, message: 'Internal server error', errorId });
  }
}
