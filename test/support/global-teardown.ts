import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_DATABASE, withDatabase } from './test-database';
import { forbiddenInLogs, LOG_DIR_VARIABLE, scanLogs, testLogLevel } from './test-logs';

/** Levels at which every test app logs at least its start, so that an empty log means logging is broken. */
const CHATTY_LEVELS = ['trace', 'debug', 'info'];

export default async function globalTeardown(): Promise<void> {
  try {
    const serverUrl = process.env.TREFPUNT_TEST_SERVER_URL;
    if (serverUrl) {
      await withDatabase(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`),
      );
    }
  } finally {
    await globalThis.embeddedTestDatabase?.stop();
    checkLogs();
  }
}

/**
 * Fails the run when a server log of any test holds personal data of the fixtures or a token: the test apps
 * log through the real logger at debug level, so what passes here would pass in production too.
 */
function checkLogs(): void {
  const folder = process.env[LOG_DIR_VARIABLE];
  if (!folder) return;
  const scan = scanLogs(folder, forbiddenInLogs(join(__dirname, '..', 'fixtures')));
  const problems = [...scan.leaks];
  if (CHATTY_LEVELS.includes(testLogLevel())) {
    problems.push(
      ...scan.silentApps.map((file) => `${file}: this test app wrote no log, so nothing of it was scanned`),
    );
  }
  if (problems.length > 0) {
    throw new Error(
      `The server logs of this run hold what no log may hold (logs kept in ${folder}):\n  ` +
        problems.join('\n  '),
    );
  }
  const summary = `log scan: ${scan.lines} lines in ${scan.files} files, nothing forbidden`;
  if (process.env.TEST_LOG_LEVEL) {
    console.log(`${summary}; the logs are in ${folder}`);
  } else {
    console.log(summary);
    rmSync(folder, { recursive: true, force: true });
  }
}
