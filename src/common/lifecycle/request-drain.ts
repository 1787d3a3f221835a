import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NextFunction, Request, Response } from 'express';
import { Server } from 'node:http';
import { Environment } from '../../../config/environment';

/** What a client refused while the service stops is told to wait before it tries again (another instance, or this one restarted). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Lets the service stop without cutting requests off. It counts the requests under way; at SIGTERM or SIGINT
 * (Nest calls `beforeApplicationShutdown` before it closes the HTTP server and, after that, the database) the
 * listener stops taking connections, new requests on open connections get 503 with Retry-After, and the
 * shutdown waits until the requests under way have answered, for at most TREFPUNT_SHUTDOWN_GRACE_SECONDS.
 */
@Injectable()
export class RequestDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private underWay = 0;
  private draining = false;
  private allAnswered: (() => void) | undefined;

  constructor(
    private readonly environment: Environment,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The first middleware of every request. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) {
      response
        .status(503)
        .set({ 'Retry-After': String(RETRY_AFTER_SECONDS), Connection: 'close' })
        .json({ statusCode: 503, message: 'the service is stopping: try again in a few seconds' });
      return;
    }
    this.underWay++;
    let counted = true;
    const answered = () => {
      if (!counted) return;
      counted = false;
      this.underWay--;
      if (this.draining) {
        // Its connection may be kept alive for a next request that would only be refused: close it now.
        setImmediate(() => this.server()?.closeIdleConnections());
        if (this.underWay === 0) this.allAnswered?.();
      }
    };
    response.once('finish', answered);
    response.once('close', answered);
    next();
  };

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    const server = this.server();
    if (server?.listening) server.close();
    server?.closeIdleConnections();
    if (this.underWay === 0) return;
    const graceSeconds = this.environment.TREFPUNT_SHUTDOWN_GRACE_SECONDS;
    this.logger.log(
      `${signal ?? 'shutdown'}: waiting up to ${graceSeconds} s for ${this.underWay} request(s) under way`,
    );
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      new Promise<true>((resolve) => (this.allAnswered = () => resolve(true))),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceSeconds * 1000))),
    ]);
    clearTimeout(timer);
    if (finished) {
      this.logger.log('every request under way has answered');
      return;
    }
    this.logger.warn(`${this.underWay} request(s) still under way after ${graceSeconds} s: cutting them off`);
    server?.closeAllConnections();
  }

  private server(): Server | undefined {
    return this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
  }
}
