import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { __resetOutOfContextForTests as forgetPreviousAppsLogger } from 'nestjs-pino/PinoLogger';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { createTestDatabase, TestDatabase } from './test-database';
import { ADMIN_TOKEN, newLogFile, testLogLevel } from './test-logs';

export { ADMIN_TOKEN };

export interface TestApp {
  app: INestApplication;
  databaseUrl: string;
  /** The file this app logs to (JSON lines) in the run's log folder; undefined without global-setup. */
  logFile: string | undefined;
  /** Requests with the admin token, as a script would send them. */
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
  /** Requests without any token. */
  anonymous(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Starts a second instance of the service on the database of this running app instead of on a new one, as
   * two instances of the service share one database in production. Its close() leaves the database alone.
   */
  sameDatabaseAs?: TestApp;
}

const currentTestFile = (): string | undefined =>
  typeof expect === 'undefined' ? undefined : expect.getState().testPath;

/**
 * Sets `variables` in process.env for the start of one app only: the service reads its environment once, at
 * start, and the next app of the same test file must not inherit this one's settings.
 */
async function withEnvironment<T>(variables: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const previous = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  try {
    return await start();
  } finally {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * The whole service on a database of this test file's own, as `npm start` builds it, without demo data. It logs
 * through the real logger, as in production, at debug level (TEST_LOG_LEVEL to change that) into a file of the
 * run's log folder, which global-teardown scans for personal data and tokens.
 */
export async function startTestApp(
  environment: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database: TestDatabase = options.sameDatabaseAs
    ? { url: options.sameDatabaseAs.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const logFile = newLogFile(currentTestFile());
  const app = await withEnvironment(
    {
      DATABASE_URL: database.url,
      TREFPUNT_ADMIN_TOKEN: ADMIN_TOKEN,
      TREFPUNT_DEMO_DATA: 'false',
      // The reminders' timer is off, as in the child-process instances: a test runs the job itself, as of the
      // instant it needs (POST /admin/reminders/run), and no test app starts pg-boss's timekeeper unasked.
      TREFPUNT_REMINDERS: 'false',
      LOG_LEVEL: testLogLevel(),
      ...(logFile ? { TREFPUNT_LOG_FILE: logFile } : {}),
      ...environment,
    },
    async () => {
      // nestjs-pino keeps the logger for logs outside a request once per process: without this, the logs of
      // a second app of the same test file would go to the first one's file.
      forgetPreviousAppsLogger();
      // As main.ts does it; abortOnError: false, so that a failed start fails the test instead of exiting.
      const created = await NestFactory.create<NestExpressApplication>(AppModule, {
        bufferLogs: true,
        abortOnError: false,
      });
      try {
        created.useLogger(created.get(Logger));
        configureApp(created);
        await created.init();
        // main.ts flushes the logs buffered during the start when it listens; a test app does not listen.
        created.flushLogs();
        return created;
      } catch (error) {
        await created.close();
        throw error;
      }
    },
  ).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const server = app.getHttpServer();
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  return {
    app,
    databaseUrl: database.url,
    logFile,
    get: (path) => auth(request(server).get(path)),
    post: (path, body) => auth(request(server).post(path)).send(body),
    patch: (path, body) => auth(request(server).patch(path)).send(body),
    put: (path, body) => auth(request(server).put(path)).send(body),
    delete: (path) => auth(request(server).delete(path)),
    anonymous: () => request(server),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
