import { Budget } from '../stop/budget';
import { DEFAULT_STRING_REMOVAL, removeStrings } from './operators/string-removal';
import { OrderKeys, recreate } from './recreate';
import { SearchContext, Solution } from './solution';

/**
 * Fewer vehicles first (SISR's fleet minimisation): empty the smallest route, then ruin and recreate without
 * using new vehicles, accepting a solution when fewer jobs are left out, or as many that have been left out
 * less often (the absence counts steer the search to the jobs that are hard to place). When no more
 * jobs are left out than at the start, the route is gone for good and the next one is tried.
 */
export function minimiseFleet(
  context: SearchContext,
  keys: OrderKeys,
  start: Solution,
  budget: Budget,
  limit: number,
  blink: number,
): Solution {
  const { c, random } = context;
  // Jobs that no route could take at the start (a window nobody reaches) do not block the attempt.
  const floor = start.unassigned.length;
  const absences = new Int32Array(c.jobCount);
  const weight = (solution: Solution) => solution.unassigned.reduce((sum, job) => sum + absences[job], 0);
  let best = start;
  while (best.usedVehicles() > 1 && budget.used < limit) {
    let smallest = -1;
    for (let v = 0; v < c.vehicleCount; v++) {
      const size = best.routes[v].size;
      if (size > 0 && (smallest < 0 || size < best.routes[smallest].size)) smallest = v;
    }
    let current = best.copy();
    current.remove(context, current.jobsOf(c, smallest));
    recreate(context, keys, current, [...current.unassigned], false, blink);
    while (current.unassigned.length > floor && budget.next(limit)) {
      const candidate = current.copy();
      // Half the time ruin next to a job left out, where room is needed; else anywhere, to keep moving.
      const around = candidate.unassigned[random.int(0, candidate.unassigned.length - 1)];
      removeStrings(context, candidate, DEFAULT_STRING_REMOVAL, random.next() < 0.5 ? around : -1);
      recreate(context, keys, candidate, [...candidate.unassigned], false, blink, absences);
      const fewer = candidate.unassigned.length - current.unassigned.length;
      if (fewer < 0 || (fewer === 0 && weight(candidate) <= weight(current))) current = candidate;
      for (const job of candidate.unassigned) absences[job]++;
    }
    if (current.unassigned.length > floor) break;
    best = current;
  }
  return best;
}
