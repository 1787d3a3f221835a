import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { Environment } from '../config/environment';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  const { PORT } = app.get(Environment);
  await app.listen(PORT);
  app.get(Logger).log(`Trefpunt listens on http://localhost:${PORT} (API description at /docs)`);
  // Said on stdout too when the logs go to a file, so that whoever started the service sees that it runs.
  const { TREFPUNT_LOG_FILE } = app.get(Environment);
  if (TREFPUNT_LOG_FILE) console.log(`Trefpunt listens on port ${PORT}; it logs to ${TREFPUNT_LOG_FILE}`);
}

bootstrap().catch((error: unknown) => {
  // Configuration and start-up errors are the operator's to read: print them plainly and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
