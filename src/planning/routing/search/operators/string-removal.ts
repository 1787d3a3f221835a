import { SearchContext, Solution } from '../solution';

export interface StringRemovalParameters {
  /** Average number of jobs removed. */
  averageRemoved: number;
  /** Longest string removed from one route. */
  maxStringLength: number;
  /** Chance of the split-string variant, which keeps a substring inside the removed string. */
  splitRate: number;
  /** Chance per extra kept job to stop growing the kept substring. */
  splitDepth: number;
}

export const DEFAULT_STRING_REMOVAL: StringRemovalParameters = {
  averageRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
};

/**
 * SISR's ruin (Christiaens and Vanden Berghe 2020): strings of consecutive jobs are cut from a few routes
 * near a random seed job, which leaves slack in neighbouring routes for the recreate to use.
 * Returns the removed jobs (the solution is changed in place).
 */
export function removeStrings(
  context: SearchContext,
  solution: Solution,
  parameters: StringRemovalParameters = DEFAULT_STRING_REMOVAL,
  /** The job whose neighbourhood is ruined (it may be unassigned); default a random routed job. */
  around = -1,
): number[] {
  const { c, random } = context;
  const used: number[] = [];
  let assigned = 0;
  for (let v = 0; v < c.vehicleCount; v++)
    if (solution.routes[v].size > 0) {
      used.push(v);
      assigned += solution.jobsOf(c, v).length;
    }
  if (assigned === 0) return [];
  const maxLength = Math.min(parameters.maxStringLength, assigned / used.length);
  const maxStrings = (4 * parameters.averageRemoved) / (1 + maxLength) - 1;
  const strings = Math.floor(random.next() * maxStrings) + 1;

  let seed = around;
  for (let pick = random.int(0, assigned - 1), j = 0; j < c.jobCount; j++)
    if (seed < 0 && solution.routeOf[j] >= 0 && pick-- === 0) {
      seed = j;
      break;
    }

  const ruined = new Set<number>();
  const removed: number[] = [];
  for (const job of c.neighbours[seed]) {
    if (ruined.size >= strings) break;
    const v = solution.routeOf[job];
    if (v < 0 || ruined.has(v)) continue;
    ruined.add(v);
    const jobs = solution.jobsOf(c, v);
    const length = Math.floor(random.next() * Math.min(jobs.length, maxLength)) + 1;
    const at = jobs.indexOf(job);
    if (random.next() < parameters.splitRate && length < jobs.length) {
      let kept = 1;
      while (length + kept < jobs.length && random.next() > parameters.splitDepth) kept++;
      const span = length + kept;
      const first = clampStart(random, at, span, jobs.length);
      const keepFrom = first + random.int(0, length);
      for (let k = first; k < first + span; k++)
        if (k < keepFrom || k >= keepFrom + kept) removed.push(jobs[k]);
    } else {
      const first = clampStart(random, at, length, jobs.length);
      for (let k = first; k < first + length; k++) removed.push(jobs[k]);
    }
  }
  solution.remove(context, removed);
  return removed;
}

/** A random start for a string of `length` that contains position `at` and fits in `size`. */
function clampStart(
  random: { int(from: number, to: number): number },
  at: number,
  length: number,
  size: number,
) {
  const lowest = Math.max(0, at - length + 1);
  const highest = Math.min(at, size - length);
  return random.int(lowest, highest);
}
