/**
 * How long a whole region takes to import through `POST /imports/scenario`, first time and again (idempotent).
 * `npm run bench:import -- [participants…] [--runs N]`, default 500 and 2000 participants, 3 runs each, every run
 * on a fresh database. Prints the median and the spread, and the machine's core count.
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { buildScenario } from '../factories/scenario.factory';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { startTestApp } from '../support/test-app';
import { median, sizesAndRuns } from './sizes-and-runs';

async function main(): Promise<void> {
  const { sizes, runs } = sizesAndRuns(process.argv.slice(2), [500, 2000]);
  await globalSetup();
  try {
    console.log(`import benchmark: ${cpus().length} cores, ${runs} runs per size, median (min–max) in ms`);
    console.log('participants | first import | again (no change) | children | lessons');
    for (const participants of sizes) {
      const scenario = buildScenario({ participants, region: `bench-${participants}` });
      const first: number[] = [];
      const again: number[] = [];
      for (let run = 0; run < runs; run++) {
        const api = await startTestApp();
        try {
          let started = performance.now();
          await api.post('/imports/scenario', scenario).expect(200);
          first.push(performance.now() - started);
          started = performance.now();
          const response = await api.post('/imports/scenario', scenario).expect(200);
          again.push(performance.now() - started);
          if (response.body.changed) throw new Error('the second import changed something');
        } finally {
          await api.close();
        }
      }
      const spread = (values: number[]) =>
        `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
      const children = scenario.participants.reduce((sum, p) => sum + p.children.length, 0);
      const lessons = scenario.participants.reduce((sum, p) => sum + p.lessons.length, 0);
      console.log(`${participants} | ${spread(first)} | ${spread(again)} | ${children} | ${lessons}`);
    }
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
