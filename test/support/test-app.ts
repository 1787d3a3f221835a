import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  app: INestApplication;
  databaseUrl: string;
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

/** The whole service on a database of this test file's own, as `npm start` builds it, without demo data. */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    TREFPUNT_ADMIN_TOKEN: ADMIN_TOKEN,
    TREFPUNT_DEMO_DATA: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...environment,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ logger: false }));
  await app.init();
  const server = app.getHttpServer();
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  return {
    app,
    databaseUrl: database.url,
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
