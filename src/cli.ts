/**
 * Trefpunt on the command line: `npm run cli -- <command> …`.
 *
 *   import <scenario.json>   imports a region from a trefpunt-scenario/1 file (as POST /imports/scenario)
 *   export <region> [file]   writes a region as a scenario file (as GET /exports/scenario), or prints it
 *
 * It uses the same database as the service: DATABASE_URL, or the embedded one in TREFPUNT_DATA_DIR (shared with
 * a running `npm start`).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFile, writeFile } from 'node:fs/promises';
import { AppModule } from './app.module';
import { InvalidScenarioException } from './modules/scenario/scenario-parser';
import { ScenarioExportService } from './modules/scenario/scenario-export.service';
import { ScenarioImportService } from './modules/scenario/scenario-import.service';

const USAGE = 'usage: npm run cli -- import <scenario.json> | export <region> [<file>]';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if ((command !== 'import' && command !== 'export') || args.length < 1) {
    console.error(USAGE);
    return 2;
  }
  // The command does one thing: no demo region, and no HTTP server.
  process.env.TREFPUNT_DEMO_DATA = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  try {
    if (command === 'import') return await importFile(app.get(ScenarioImportService), args[0]);
    const scenario = await app.get(ScenarioExportService).exportScenario(args[0]);
    const text = `${JSON.stringify(scenario, null, 2)}\n`;
    if (args[1]) await writeFile(args[1], text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await app.close();
  }
}

async function importFile(importer: ScenarioImportService, file: string): Promise<number> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    const summary = await importer.importScenario(document);
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
    if (!(error instanceof InvalidScenarioException)) throw error;
    console.error(`${file} was not imported (nothing was stored):`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 1;
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    new Logger('cli').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
