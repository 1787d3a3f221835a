import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../../../config/environment';
import { IncomingMessage } from 'node:http';

/**
 * Structured JSON logs (pino). Requests are logged by method, path and status only: no query string, no
 * headers, no bodies, so that no participant's name, phone, address or children reach a log.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({
        pinoHttp: {
          level: environment.LOG_LEVEL,
          redact: { paths: ['req.headers', 'res.headers'], remove: true },
          serializers: {
            req: (req: IncomingMessage & { id?: unknown }) => ({
              id: req.id,
              method: req.method,
              path: (req.url ?? '').split('?')[0],
            }),
          },
          customProps: () => ({ service: 'trefpunt' }),
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
