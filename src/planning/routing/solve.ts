import { regretInsertion } from './construct/regret-insertion';
import { warmStartSolution } from './construct/warm-start';
import { compile } from './model/compiled';
import { RoutingProblem } from './model/problem';
import { RoutingSolution, WarmStart } from './model/solution';
import { toRoutingSolution } from './output';
import { anneal } from './search/annealing';
import { minimiseFleet } from './search/fleet-minimisation';
import { orderKeys } from './search/recreate';
import { Solution, createContext } from './search/solution';
import { Budget } from './stop/budget';

export interface SolveOptions {
  /** Same seed, same problem, same iterations: same solution (unless the time limit is hit). */
  seed?: number;
  /** Ruin-and-recreate iterations, fleet minimisation and improvement together; default 100 per job (1000 to 20000). */
  iterations?: number;
  /** Wall-clock safety cap; needs `clock`. Hitting it ends the search early and can break determinism. */
  timeLimitMs?: number;
  /** Milliseconds from any fixed point (e.g. `performance.now`); the core does not read the time itself. */
  clock?: () => number;
  /** A previous plan to start from: it is kept as far as it is valid, missing jobs are inserted. */
  warmStart?: WarmStart;
  /**
   * Share of the iterations spent on removing whole routes. Default: 0.5 when a vehicle costs anything
   * (vehicles first), else 0.
   */
  fleetMinimisation?: number;
  /** Annealing temperatures, as fractions of the average travel cost per job of the first solution. */
  temperature?: { initial: number; final: number };
  /** Chance to skip a candidate position during reinsertion (SISR's blinks). */
  blink?: number;
}

/** Enough for the plans of one training location; larger problems deserve an explicit budget. */
export const defaultIterations = (jobs: number) => Math.min(20000, Math.max(1000, 100 * jobs));
const DEFAULT_TEMPERATURE = { initial: 1, final: 0.01 };
const DEFAULT_BLINK = 0.01;

/**
 * Routes the jobs on the vehicles: regret insertion (or the warm start, repaired and completed), then SISR
 * ruin and recreate (Christiaens and Vanden Berghe 2020) with simulated annealing, after a fleet minimisation
 * phase when vehicles cost something. The objective is lexicographic by the size of its terms: jobs left out
 * (`unassignedPenalty`), then vehicles (`costPerVehicle`, `fixedCost`), then distance and preference costs.
 */
export function solveRouting(problem: RoutingProblem, options: SolveOptions = {}): RoutingSolution {
  const c = compile(problem);
  const context = createContext(c, options.seed ?? 1);
  const keys = orderKeys(c);
  const blink = options.blink ?? DEFAULT_BLINK;
  const budget = new Budget(
    options.iterations ?? defaultIterations(problem.jobs.length),
    options.clock,
    options.timeLimitMs,
  );

  const solution = options.warmStart ? warmStartSolution(context, options.warmStart) : Solution.empty(c);
  regretInsertion(context, solution);

  let assigned = 0;
  for (const route of solution.routes) assigned += route.size;
  const scale = assigned > 0 ? solution.routes.reduce((sum, route) => sum + route.distance, 0) / assigned : 1;
  const temperature = options.temperature ?? DEFAULT_TEMPERATURE;
  const vehiclesCost = c.vehicleCost.some((cost) => cost > 0);
  const share = options.fleetMinimisation ?? (vehiclesCost ? 0.5 : 0);

  let best = solution;
  if (share > 0)
    best = minimiseFleet(context, keys, best, budget, Math.floor(budget.iterations * share), blink);
  best = anneal(
    context,
    keys,
    best,
    budget,
    { initial: temperature.initial * scale, final: temperature.final * scale },
    blink,
  );
  return toRoutingSolution(c, context.scheduler, best, budget.used, budget.timedOut);
}
