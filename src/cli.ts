/**
 * Trefpunt on the command line: `npm run cli -- <command> …`.
 *
 *   import <scenario.json>   imports a region from a trefpunt-scenario/1 file (as POST /imports/scenario)
 *   export <region> [file]   writes a region as a scenario file (as GET /exports/scenario), or prints it
 *   token create --role <admin|coordinator|driver|participant> [--regions a,b] [--municipalities x,y]
 *                [--participant <id>] [--driver <id>] [--label <text>] [--expires <ISO instant>]
 *                            makes a token (as POST /tokens) and prints it: the only time it is shown
 *   plan <scenario.json> --out <plan.json>
 *                            plans a scenario file in a scratch database (nothing is kept) and writes the plan
 *   token list               lists the tokens (never their values)
 *   token revoke <id>        revokes a token
 *
 * It uses the same database as the service: DATABASE_URL, or the embedded one in TREFPUNT_DATA_DIR (shared with
 * a running `npm start`).
 */
import 'reflect-metadata';
import { HttpException, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { validateEnvironment } from '../config/environment';
import { ScratchDatabase, startScratchDatabase } from './common/database/scratch-database';
import { progressBar } from './common/cli/progress-bar';
import { ProgrammesScenarioService } from './modules/programmes/programmes-scenario.service';
import { PlanExportService } from './modules/plans/plan-export.service';
import { PlanningCascadeService } from './modules/plans/planning-cascade.service';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationMessages } from './common/validation/validation-messages';
import { CreateTokenDto } from './modules/access/dto/token.dto';
import { TokensService } from './modules/access/tokens.service';
import { AppModule } from './app.module';
import { InvalidScenarioException } from './modules/scenario/scenario-parser';
import { ScenarioExportService } from './modules/scenario/scenario-export.service';
import { ScenarioImportService } from './modules/scenario/scenario-import.service';

const USAGE =
  'usage: npm run cli -- import <scenario.json> | export <region> [<file>] | plan <scenario.json> --out <plan.json> | token create --role <role> … | token list | token revoke <id>';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!['import', 'export', 'token', 'plan'].includes(command) || args.length < 1) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'plan') return planFile(args);
  // The command does one thing: no demo region, no HTTP server, and none of the service's jobs.
  Object.assign(process.env, { TREFPUNT_DEMO_DATA: 'false', TREFPUNT_JOB_WORKERS: '0' });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  try {
    if (command === 'import') return await importFile(app.get(ScenarioImportService), args[0]);
    if (command === 'token') return await token(app.get(TokensService), args);
    const scenario = await app.get(ScenarioExportService).exportScenario(args[0]);
    const text = `${JSON.stringify(scenario, null, 2)}\n`;
    if (args[1]) await writeFile(args[1], text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await app.close();
  }
}

/** A JSON file's content, or undefined after saying why it could not be read. */
async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function importFile(importer: ScenarioImportService, file: string): Promise<number> {
  const document = await readJson(file);
  if (document === undefined) return 1;
  const bar = progressBar('import');
  try {
    const summary = await importer.importScenario(document, bar.report).finally(() => bar.report(1, 'done'));
    bar.stop();
    console.log(
      `${summary.changed ? 'imported' : 'already up to date:'} region "${summary.region.ref}" in ${summary.durationMs} ms`,
    );
    for (const [list, count] of Object.entries(summary.records)) {
      console.log(
        `  ${list}: ${count.created} created, ${count.updated} updated, ${count.unchanged} unchanged`,
      );
    }
    for (const [list, change] of Object.entries(summary.lists)) {
      console.log(`  ${list}: ${change.created} added, ${change.deleted} removed`);
    }
    for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
    return 0;
  } catch (error) {
    bar.stop();
    if (!(error instanceof InvalidScenarioException)) throw error;
    console.error(`${file} was not imported (nothing was stored):`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 1;
  }
}

/** Imports a scenario into a scratch database, plans its programme, and writes the plan; nothing is kept. */
async function planFile(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || !values.out) {
    console.error('usage: npm run cli -- plan <scenario.json> --out <plan.json>');
    return 2;
  }
  const document = await readJson(file);
  if (document === undefined) return 1;
  const starting = startScratchDatabase(validateEnvironment(process.env).DATABASE_URL);
  // From its first moment: Ctrl-C while its server starts must stop that server too.
  const release = disposeOnInterrupt(starting);
  const scratch = await starting;
  try {
    return await planInScratch(file, values.out, document, scratch);
  } finally {
    release();
    await scratch.dispose();
  }
}

/**
 * Stops the scratch database when the command is interrupted (Ctrl-C, a kill). Its server runs in a process group
 * of its own, which the terminal's Ctrl-C does not reach, and its folder is never used again: nothing else would
 * ever stop it. Gives back the function that takes the handlers off again.
 */
function disposeOnInterrupt(starting: Promise<ScratchDatabase>): () => void {
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the scratch database, nothing is kept`);
    void starting
      .then((scratch) => scratch.dispose())
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  return () => process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
}

/** Imports the scenario into the scratch database, plans it and writes the plan. */
async function planInScratch(
  file: string,
  out: string,
  document: unknown,
  scratch: ScratchDatabase,
): Promise<number> {
  // The scratch database serves this command only: no demo region, and a throw-away admin token.
  Object.assign(process.env, {
    DATABASE_URL: scratch.url,
    TREFPUNT_DEMO_DATA: 'false',
    TREFPUNT_JOB_WORKERS: '0',
    TREFPUNT_ADMIN_TOKEN: randomBytes(24).toString('hex'),
  });
  // LOG_LEVEL=debug also prints the service's own lines, among them the time of each step of the plan.
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: process.env.LOG_LEVEL === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn'],
  });
  const bar = progressBar('plan');
  // The import is the first tenth of the bar, the plan the rest.
  const report = (fraction: number, step: string) => bar.report(0.1 + 0.9 * fraction, step);
  try {
    const imported = await app
      .get(ScenarioImportService)
      .importScenario(document, (fraction, step) => bar.report(0.1 * fraction, `importing: ${step}`));
    const programme = await app.get(ProgrammesScenarioService).exportProgramme(imported.region.id);
    if (!programme) {
      bar.stop();
      console.error(`${file} has no programme to plan`);
      return 1;
    }
    // From the beginning of time: a scenario's programme is planned whole, whatever today's date. Childcare is
    // booked with it (the sessions' change sets it going).
    const summary = await app
      .get(PlanningCascadeService)
      .planProgramme(programme.programme.id, new Date(0), report);
    report(1, 'writing the plan');
    const joint = summary.careAndRides;
    const plan = await app.get(PlanExportService).exportPlan(imported.region.id);
    bar.stop();
    imported.warnings.forEach((warning) => console.log(`warning: ${warning}`));
    await writeFile(out, `${JSON.stringify(plan, null, 2)}\n`);
    console.log(
      `planned ${summary.groups.length} groups, ${plan.sessions.length} sessions in ${summary.durationMs} ms: ` +
        `${summary.attendable} of ${summary.memberSessions} member-sessions attendable (upper bound ${summary.upperBound}), ` +
        `${plan.conflicts.length} lesson conflicts, ${plan.childcare.length} childcare bookings ` +
        `(${plan.childcareUnmet.length} needs unmet), ${plan.routes.length} routes ` +
        `(${plan.unrouted.length} unrouted); care and rides in ${joint.durationMs} ms; ` +
        `she can come to ${plan.canCome.canCome} of ${plan.canCome.memberSessions} member-sessions ` +
        `(${plan.canCome.share}; at most ${plan.canCome.upperBound} are free of lessons and appointments then; ` +
        `at most ${joint.upperBound} at any times, with the care places and the fleet counted); ` +
        `written to ${out}`,
    );
    summary.unplanned.forEach((group) => console.log(`not planned: ${group.name}: ${group.reason}`));
    const groupName = new Map(summary.groups.map((group) => [group.groupId, group.name]));
    summary.outingsWaiting.forEach((outing) =>
      console.log(`outing not held: ${groupName.get(outing.groupId)} on ${outing.date}: ${outing.reason}`),
    );
    joint.advice.forEach((advice) => console.log(`advice: ${advice.text}`));
    if (summary.closingTalks) {
      const closing = summary.closingTalks;
      console.log(
        `closing talks (${closing.roles.join(', ')}): ${closing.planned} planned, ${closing.unplaced.length} without a time` +
          (closing.notPlanned ? ` (${closing.notPlanned})` : ''),
      );
    }
    // One line a script can read (bench:plan): the figures of this run.
    console.log(
      `figures ${JSON.stringify({
        memberSessions: plan.canCome.memberSessions,
        canCome: plan.canCome.canCome,
        lessonFree: plan.canCome.upperBound,
        lessonBound: summary.upperBound,
        resourceBound: joint.upperBound,
        careAndRidesMs: joint.durationMs,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}`,
    );
    return 0;
  } catch (error) {
    bar.stop();
    if (!(error instanceof InvalidScenarioException)) throw error;
    console.error(`${file} cannot be planned:`);
    error.problems.forEach((problem) => console.error(`  ${problem}`));
    return 1;
  } finally {
    await app.close();
  }
}

async function token(tokens: TokensService, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    const page = await tokens.list({ limit: 1000, offset: 0 });
    for (const item of page.items) {
      const state = item.revokedAt
        ? 'revoked'
        : item.expiresAt && item.expiresAt < new Date()
          ? 'expired'
          : 'active';
      console.log(`${item.id}  ${item.role.padEnd(11)} ${state.padEnd(7)} ${item.label}`);
    }
    return 0;
  }
  if (action === 'revoke' && rest[0]) {
    await tokens.revoke(rest[0], new Date());
    console.log(`revoked ${rest[0]}`);
    return 0;
  }
  if (action !== 'create') {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      role: { type: 'string' },
      regions: { type: 'string' },
      municipalities: { type: 'string' },
      participant: { type: 'string' },
      driver: { type: 'string' },
      label: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const list = (value?: string) =>
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const dto = plainToInstance(CreateTokenDto, {
    role: values.role,
    regions: list(values.regions),
    municipalities: list(values.municipalities),
    participantId: values.participant,
    driverId: values.driver,
    label: values.label,
    expiresAt: values.expires,
  });
  const problems = validationMessages(await validate(dto, { whitelist: true }));
  if (problems.length > 0) {
    problems.forEach((problem) => console.error(problem));
    return 1;
  }
  const { token: made, value } = await tokens.create(dto, new Date());
  console.log(`token ${made.id} (${made.role}) made; it is shown this once, keep it safe:\n${value}`);
  return 0;
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message =
      error instanceof HttpException
        ? [error.getResponse() as { message?: unknown }].flatMap((body) => body.message ?? error.message)
        : [error instanceof Error ? error.message : String(error)];
    message.flat().forEach((line) => new Logger('cli').error(String(line)));
    process.exit(1);
  });
