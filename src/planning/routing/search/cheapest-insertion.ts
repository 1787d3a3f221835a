import { Random } from '../random';
import { Insertion } from '../route/insertion';
import { insertionCandidates, SearchContext, Solution } from './solution';

export interface InsertionOptions {
  /** Whether an unused vehicle may be taken into use. */
  openRoutes: boolean;
  random: Random | null;
  blink: number;
}

/** The cheapest place for `job` over all routes; of unused vehicles only one per type is tried. */
export function cheapestInsertion(
  context: SearchContext,
  solution: Solution,
  job: number,
  options: InsertionOptions,
): Insertion | null {
  const { c, inserter } = context;
  let best: Insertion | null = null;
  let bound = Infinity;
  for (const v of insertionCandidates(c, solution, options.openRoutes)) {
    const route = solution.routes[v];
    const cost = inserter.bestIn(route, job, bound, options.random, options.blink);
    if (cost < bound) {
      bound = cost;
      best = { vehicle: v, a: inserter.a, b: inserter.b, cost };
    }
  }
  return best;
}
