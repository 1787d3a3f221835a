import { TEMPLATE_DATABASE, withDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TREFPUNT_TEST_SERVER_URL;
  if (serverUrl) {
    await withDatabase(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`),
    );
  }
  await globalThis.embeddedTestDatabase?.stop();
}
