import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../../../config/environment';
import { IncomingMessage } from 'node:http';
import pino from 'pino';
import { Options } from 'pino-http';
import { loggedPath } from './logged-path';

/**
 * Structured JSON logs (pino). Requests are logged by method, path and status only: no query string, no
 * headers, no bodies, so that no participant's name, phone, address or children reach a log; secrets in a path
 * (an absence link's code) are replaced.
 */
function loggerOptions(environment: Environment): Options {
  return {
    level: environment.LOG_LEVEL,
    redact: { paths: ['req.headers', 'res.headers'], remove: true },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url ?? ''),
      }),
    },
    customProps: () => ({ service: 'trefpunt' }),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
  };
}

/**
 * Logs go to stdout, or to TREFPUNT_LOG_FILE when it is set: appended to (so logrotate's copytruncate works),
 * its folder made, readable by owner and group only, and written synchronously so that the last lines before a
 * crash are not lost.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({
        pinoHttp: environment.TREFPUNT_LOG_FILE
          ? [
              loggerOptions(environment),
              pino.destination({ dest: environment.TREFPUNT_LOG_FILE, mkdir: true, mode: 0o640, sync: true }),
            ]
          : loggerOptions(environment),
      }),
    }),
  ],
})
export class LoggingModule {}
