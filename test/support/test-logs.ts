import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The admin token of every test app; the log scan makes sure it never reaches a log. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** The folder of this run's server logs, made by global-setup and scanned by global-teardown. */
export const LOG_DIR_VARIABLE = 'TREFPUNT_TEST_LOG_DIR';

/** Every log file a test app was told to write, one a line: the scan checks that each one has lines. */
const STARTED_APPS = 'started-apps.txt';

/** The level of the test apps' logs: debug, the most that production could be set to log, unless overridden. */
export const testLogLevel = () => process.env.TEST_LOG_LEVEL ?? 'debug';

let appsStarted = 0;

/** A new log file in this run's folder for a test app started by `testFile`, recorded for the scan. */
export function newLogFile(testFile: string | undefined): string | undefined {
  const folder = process.env[LOG_DIR_VARIABLE];
  if (!folder) return undefined;
  const name = basename(testFile ?? 'app').replace(/\.e2e-spec\.ts$|\.ts$/, '');
  appsStarted += 1;
  const file = join(folder, `${name}-${process.pid}-${appsStarted}.log`);
  appendFileSync(join(folder, STARTED_APPS), `${file}\n`);
  return file;
}

interface Needle {
  what: string;
  find(text: string): string[];
}

const literal = (what: string, value: string): Needle[] =>
  // As written and as it would be escaped inside a JSON string.
  [...new Set([value, JSON.stringify(value).slice(1, -1)])].map((form) => ({
    what,
    find: (text) => (text.includes(form) ? [form] : []),
  }));

const pattern = (what: string, regex: RegExp): Needle => ({
  what,
  find: (text) => [...text.matchAll(new RegExp(regex.source, 'g'))].map((match) => match[0]),
});

/**
 * What must never be in a log: every participant's name, phone (also in the national 06 form), address and
 * e-mail of the scenario fixtures, any Dutch mobile number, the admin token, any issued token (`tp_…`), and the
 * code of any absence link (`/r/…`).
 */
export function forbiddenInLogs(fixturesFolder: string): Needle[] {
  const needles: Needle[] = [
    pattern('a Dutch mobile number', /\+31\s?6\d{8}/),
    pattern('an issued token', /tp_[A-Za-z0-9_-]{20,}/),
    pattern('the code of an absence link', /\/[Rr]\/+[A-Za-z0-9]{12}(?![A-Za-z0-9])/),
    ...literal('the admin token', ADMIN_TOKEN),
  ];
  for (const file of readdirSync(fixturesFolder).filter((name) => name.endsWith('.json'))) {
    const fixture = JSON.parse(readFileSync(join(fixturesFolder, file), 'utf8')) as {
      participants?: { id: string; name?: string; phone?: string; address?: string; email?: string }[];
    };
    for (const participant of fixture.participants ?? []) {
      const whose = (field: string) => `${field} of participant ${participant.id} in ${file}`;
      if (participant.name) needles.push(...literal(whose('the name'), participant.name));
      if (participant.address) needles.push(...literal(whose('the address'), participant.address));
      if (participant.email) needles.push(...literal(whose('the e-mail'), participant.email));
      if (participant.phone) {
        needles.push(...literal(whose('the phone'), participant.phone));
        if (participant.phone.startsWith('+31')) {
          needles.push(...literal(whose('the phone'), `0${participant.phone.slice(3)}`));
        }
      }
    }
  }
  return needles;
}

export interface LogScan {
  files: number;
  lines: number;
  /** Test apps whose log file is missing or empty: then the scan could not have seen their leaks. */
  silentApps: string[];
  leaks: string[];
}

/** Reads every log file in `folder` and lists each forbidden thing found, as `file:line: what "match"`. */
export function scanLogs(folder: string, needles: Needle[]): LogScan {
  const scan: LogScan = { files: 0, lines: 0, silentApps: [], leaks: [] };
  const startedApps = join(folder, STARTED_APPS);
  const expected = existsSync(startedApps)
    ? readFileSync(startedApps, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
    : [];
  scan.silentApps = expected.filter((file) => !existsSync(file) || statSync(file).size === 0);
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.log'))) {
    scan.files += 1;
    const lines = readFileSync(join(folder, name), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line === '') return;
      scan.lines += 1;
      for (const needle of needles) {
        for (const match of needle.find(line)) {
          scan.leaks.push(`${name}:${index + 1}: ${needle.what}: "${match}"`);
        }
      }
    });
  }
  return scan;
}
