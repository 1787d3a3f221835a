/**
 * How many women can actually come, and what planning costs: `npm run bench:plan -- [participants…] [--runs N]`.
 * Default: the Berkelland example (35 participants) and generated regions of 300, 1000 and 6000, each planned
 * whole by `cli plan` (import into a scratch database, sessions, then care and rides together, the plan export).
 * Prints per size the can-come share, the lessons-only bound and the bound with care places and the fleet counted
 * (canComeBound) beside it, the wall time and the peak memory
 * (medians over the runs), and the machine's core count. Where ../shared/scenario/check-plan.mjs is beside the
 * checkout, every plan is also checked with --strict and its own can-come figure is printed.
 *
 * With `--profile`, each region is also planned (once each) with its care places made ample, with its fleet made
 * ample, and with both: where the plan stays far below the bound, this says which shared resource keeps it there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildScenario } from '../factories/scenario.factory';
import { median, sizesAndRuns } from './sizes-and-runs';
import { PROFILES, withResources } from './ample-resources';

const ROOT = resolve(__dirname, '../..');
const CHECKER = resolve(ROOT, '../shared/scenario/check-plan.mjs');

interface Figures {
  memberSessions: number;
  canCome: number;
  lessonBound: number;
  resourceBound: number;
  careAndRidesMs: number;
  peakRssMb: number;
}

function planOnce(scenario: string, out: string): Figures & { wallMs: number } {
  const started = performance.now();
  const run = spawnSync(
    'npx',
    ['ts-node', '--transpile-only', 'src/cli.ts', 'plan', scenario, '--out', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallMs = performance.now() - started;
  const line = run.stdout.split('\n').find((text) => text.startsWith('figures '));
  if (run.status !== 0 || !line)
    throw new Error(`cli plan ${scenario} failed:\n${run.stderr}\n${run.stdout}`);
  return { ...(JSON.parse(line.slice('figures '.length)) as Figures), wallMs };
}

function check(scenario: string, plan: string): string {
  if (!existsSync(CHECKER)) return 'no checker beside the checkout';
  const run = spawnSync('node', [CHECKER, scenario, plan, '--strict', '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const { errors, figures } = JSON.parse(run.stdout) as {
    errors: string[];
    figures: { canComeShare: number; oneWay: number; careContradictions: number };
  };
  return `${errors.length === 0 ? 'VALID' : `INVALID (${errors.length})`} strict, checker canComeShare ${figures.canComeShare}`;
}

/** A count as a share of the member-sessions, as the tables print it. */
const share = (count: number, memberSessions: number) => (count / Math.max(1, memberSessions)).toFixed(4);
/** How far below the bound the plan stays, in per cent of the bound. */
const gap = (canCome: number, bound: number) =>
  `${((100 * (bound - canCome)) / Math.max(1, bound)).toFixed(1)} %`;

function main(): void {
  const { sizes, runs } = sizesAndRuns(process.argv.slice(2), [35, 300, 1000, 6000]);
  const profile = process.argv.includes('--profile');
  const dir = mkdtempSync(join(tmpdir(), 'trefpunt-bench-plan-'));
  console.log(`plan benchmark: ${cpus().length} cores, ${runs} runs per size, medians`);
  console.log(
    'participants | can come | share | lessons-only bound | bound with care and fleet, gap | cli plan wall s | care+rides s | peak MB | check',
  );
  for (const participants of sizes) {
    const scenario = join(dir, `region-${participants}.json`);
    const document =
      participants === 35
        ? // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('../fixtures/berkelland.scenario.json')
        : buildScenario({ participants, region: `bench-${participants}` });
    writeFileSync(scenario, JSON.stringify(document));
    const results: (Figures & { wallMs: number })[] = [];
    const plan = join(dir, `plan-${participants}.json`);
    for (let run = 0; run < runs; run++) results.push(planOnce(scenario, plan));
    const { memberSessions, canCome, lessonBound, resourceBound } = results[0];
    console.log(
      [
        participants,
        `${canCome}/${memberSessions}`,
        share(canCome, memberSessions),
        `${lessonBound} (${share(lessonBound, memberSessions)})`,
        `${resourceBound} (${share(resourceBound, memberSessions)}), gap ${gap(canCome, resourceBound)}`,
        (median(results.map((r) => r.wallMs)) / 1000).toFixed(1),
        (median(results.map((r) => r.careAndRidesMs)) / 1000).toFixed(1),
        median(results.map((r) => r.peakRssMb)),
        check(scenario, plan),
      ].join(' | '),
    );
    if (profile) profileOf(participants, document, dir, canCome);
  }
}

/** The same region planned again with ample care places, an ample fleet, and both: what each would add. */
function profileOf(participants: number, document: object, dir: string, canCome: number): void {
  for (const profile of PROFILES) {
    const scenario = join(dir, `region-${participants}-${profile.name}.json`);
    writeFileSync(scenario, JSON.stringify(withResources(document, profile)));
    const figures = planOnce(scenario, join(dir, `plan-${participants}-${profile.name}.json`));
    console.log(
      [
        `  ${profile.description}`,
        `${figures.canCome}/${figures.memberSessions}`,
        share(figures.canCome, figures.memberSessions),
        `+${figures.canCome - canCome}`,
        `bound ${figures.resourceBound}, gap ${gap(figures.canCome, figures.resourceBound)}`,
      ].join(' | '),
    );
  }
}

main();
