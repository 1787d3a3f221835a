import { Budget } from '../stop/budget';
import { removeStrings } from './operators/string-removal';
import { OrderKeys, recreate } from './recreate';
import { SearchContext, Solution } from './solution';

export interface Temperature {
  initial: number;
  final: number;
}

/**
 * Ruin and recreate under simulated annealing: a worse solution is accepted when its extra cost is below
 * -T ln U, with T falling geometrically from `initial` to `final` over the iteration budget. Returns the best
 * solution seen.
 */
export function anneal(
  context: SearchContext,
  keys: OrderKeys,
  start: Solution,
  budget: Budget,
  temperature: Temperature,
  blink: number,
): Solution {
  const { c, random } = context;
  let current = start;
  let currentCost = start.cost(c);
  let best = start;
  let bestCost = currentCost;
  const first = budget.used;
  const span = Math.max(1, budget.iterations - first);
  const ratio = temperature.final / temperature.initial;
  while (budget.next()) {
    const t = temperature.initial * Math.pow(ratio, (budget.used - first) / span);
    const candidate = current.copy();
    removeStrings(context, candidate);
    recreate(context, keys, candidate, [...candidate.unassigned], true, blink);
    const cost = candidate.cost(c);
    if (cost < currentCost - t * Math.log(random.next())) {
      current = candidate;
      currentCost = cost;
      if (cost < bestCost - 1e-9) {
        best = candidate;
        bestCost = cost;
      }
    }
  }
  return best;
}
