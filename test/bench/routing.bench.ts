/**
 * The routing solver on public benchmarks (see ../shared/benchmarks/README.md for formats and conventions).
 * `npm run bench:routing -- [files…] [--json] [--runs N] [--time-limit ms] [--iterations N] [--seed S]`,
 * default all Solomon and DARP instances in ../shared/benchmarks, 10000 iterations, a 10 s cap per run, seed 1.
 *
 * Solomon runs in two modes: `vehicles-first` (a cost per vehicle far above any distance; compared with
 * solomon/bks.csv) and `distance` (no vehicle cost, fleet of 25; solomon/bks_distance_only.csv). DARP runs in
 * `distance` mode with its K vehicles (darp/bks.csv). Distances are double-precision Euclidean, travel time =
 * distance. Feasibility comes from test/bench/routing/check.ts, which reads only the instance.
 * With `--runs N`, each figure is the median of N runs with seeds S, S+1, …
 */
import { existsSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RoutingSolution } from '../../src/planning/routing/model/solution';
import { solveRouting } from '../../src/planning/routing/solve';
import { CheckedRoute, checkSolution } from './routing/check';
import { BenchInstance, readBks, readInstance } from './routing/instances';
import { Objective, darpProblem, solomonProblem } from './routing/to-problem';

const BENCHMARKS = resolve(__dirname, '../../../shared/benchmarks');
const DEFAULT_ITERATIONS = 10000;
const DEFAULT_TIME_LIMIT_MS = 10000;

interface Row {
  instance: string;
  objective: Objective;
  vehicles: number;
  distance: number;
  feasible: boolean;
  ms: number;
}

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

function defaultFiles(): string[] {
  return ['solomon', 'darp'].flatMap((folder) =>
    readdirSync(join(BENCHMARKS, folder))
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => join(BENCHMARKS, folder, file)),
  );
}

function checkedRoutes(instance: BenchInstance, solution: RoutingSolution): CheckedRoute[] {
  const n = instance.kind === 'darp' ? instance.requests : 0;
  return solution.routes.map((route) => ({
    departure: route.start,
    end: route.end,
    stops: route.visits.map((visit) => ({
      node: Number(visit.jobId) + (visit.type === 'delivery' ? n : 0),
      start: visit.start,
    })),
  }));
}

function runOnce(
  instance: BenchInstance,
  objective: Objective,
  seed: number,
  iterations: number,
  limit: number,
): Row {
  const problem = instance.kind === 'darp' ? darpProblem(instance) : solomonProblem(instance, objective);
  const began = performance.now();
  const solution = solveRouting(problem, {
    seed,
    iterations,
    timeLimitMs: limit,
    clock: () => performance.now(),
  });
  const ms = performance.now() - began;
  const check = checkSolution(instance, checkedRoutes(instance, solution));
  const feasible = check.feasible && solution.unassigned.length === 0;
  if (!feasible) console.error(`${instance.name} ${objective}: ${check.problems.slice(0, 5).join('; ')}`);
  return {
    instance: instance.name,
    objective,
    vehicles: check.vehicles,
    distance: check.distance,
    feasible,
    ms,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const runs = option(args, '--runs', 1);
  const seed = option(args, '--seed', 1);
  const iterations = option(args, '--iterations', DEFAULT_ITERATIONS);
  const limit = option(args, '--time-limit', DEFAULT_TIME_LIMIT_MS);
  const valued = new Set(['--runs', '--seed', '--iterations', '--time-limit']);
  const files = args.filter((arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1]));
  if (files.length === 0 && !existsSync(BENCHMARKS)) {
    console.error(`No benchmark instances at ${BENCHMARKS}: give instance files as arguments.`);
    process.exit(2);
  }
  // The best-known tables beside the instances given (or in the default folders).
  const folders = [...new Set(files.map((file) => dirname(file)))];
  const tables = (name: string, fallback: string) =>
    new Map(
      [...folders.map((folder) => join(folder, name)), join(BENCHMARKS, fallback)].flatMap((path) => [
        ...readBks(path),
      ]),
    );
  const bksSolomon = tables('bks.csv', 'solomon/bks.csv');
  const bksDistance = tables('bks_distance_only.csv', 'solomon/bks_distance_only.csv');
  const bksDarp = tables('bks.csv', 'darp/bks.csv');

  const rows: (Row & { bks?: { vehicles: number; distance: number } })[] = [];
  for (const file of files.length ? files : defaultFiles()) {
    const instance = readInstance(file);
    const objectives: Objective[] = instance.kind === 'darp' ? ['distance'] : ['vehicles-first', 'distance'];
    for (const objective of objectives) {
      const results = Array.from({ length: runs }, (_, run) =>
        runOnce(instance, objective, seed + run, iterations, limit),
      );
      const row: Row = {
        instance: instance.name,
        objective,
        vehicles: median(results.map((r) => r.vehicles)),
        distance: median(results.map((r) => r.distance)),
        feasible: results.every((r) => r.feasible),
        ms: median(results.map((r) => r.ms)),
      };
      const table = instance.kind === 'darp' ? bksDarp : objective === 'distance' ? bksDistance : bksSolomon;
      rows.push({ ...row, bks: table.get(instance.name) });
      if (!json)
        process.stderr.write(
          `${instance.name} ${objective} ${row.distance.toFixed(2)} ${Math.round(row.ms)} ms\n`,
        );
    }
  }

  if (json) {
    console.log(
      JSON.stringify(
        rows.map(({ bks: _bks, ...row }) => ({
          ...row,
          distance: Number(row.distance.toFixed(2)),
          ms: Math.round(row.ms),
        })),
      ),
    );
    return;
  }
  const gap = (row: (typeof rows)[number]) =>
    row.bks ? (100 * (row.distance - row.bks.distance)) / row.bks.distance : NaN;
  console.log(
    `Runs: ${runs} (medians), seed ${seed}, ${iterations} iterations, cap ${limit} ms, ${cpus().length} cores\n`,
  );
  console.log(
    '| instance | objective | vehicles | distance | BKS vehicles | BKS distance | gap % | ms | feasible |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows)
    console.log(
      `| ${row.instance} | ${row.objective} | ${row.vehicles} | ${row.distance.toFixed(2)} | ${row.bks?.vehicles ?? ''} | ` +
        `${row.bks?.distance.toFixed(2) ?? ''} | ${gap(row).toFixed(2)} | ${Math.round(row.ms)} | ${row.feasible ? 'yes' : 'NO'} |`,
    );
  const groups: [string, (row: Row) => boolean][] = [
    ['Solomon distance', (row) => row.objective === 'distance' && !row.instance.startsWith('a')],
    ['Solomon vehicles-first', (row) => row.objective === 'vehicles-first'],
    ['DARP distance', (row) => row.instance.startsWith('a')],
  ];
  console.log(
    '\n| set | instances | average gap % | median gap % | vehicles over BKS | average ms | all feasible |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const [name, member] of groups) {
    const group = rows.filter(member);
    if (!group.length) continue;
    const gaps = group.map(gap);
    // Vehicle counts only compete in the vehicles-first mode.
    const over =
      name === 'Solomon vehicles-first'
        ? group.reduce((sum, row) => sum + Math.max(0, row.vehicles - (row.bks?.vehicles ?? row.vehicles)), 0)
        : '-';
    console.log(
      `| ${name} | ${group.length} | ${(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(2)} | ` +
        `${median(gaps).toFixed(2)} | ${over} | ${Math.round(group.reduce((a, r) => a + r.ms, 0) / group.length)} | ` +
        `${group.every((row) => row.feasible) ? 'yes' : 'NO'} |`,
    );
  }
}

main();
