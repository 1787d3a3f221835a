import { Compiled } from '../model/compiled';
import { cheapestInsertion } from './cheapest-insertion';
import { SearchContext, Solution } from './solution';

/** Orders in which SISR reinserts removed jobs, with their weights: the variety is what helps. */
const ORDERS: { weight: number; key: (keys: OrderKeys, job: number) => number }[] = [
  { weight: 4, key: () => 0 },
  { weight: 4, key: (keys, job) => -keys.demand[job] },
  { weight: 2, key: (keys, job) => -keys.far[job] },
  { weight: 1, key: (keys, job) => keys.far[job] },
  { weight: 2, key: (keys, job) => keys.windowWidth[job] },
];
const PRIORITY_RATE = 0.5;
const TOTAL_WEIGHT = ORDERS.reduce((sum, order) => sum + order.weight, 0);

export interface OrderKeys {
  demand: Float64Array;
  far: Float64Array;
  windowWidth: Float64Array;
}

export function orderKeys(c: Compiled): OrderKeys {
  const J = c.jobCount;
  const demand = new Float64Array(J);
  const far = new Float64Array(J);
  const windowWidth = new Float64Array(J);
  const depot = c.vehicleCount > 0 ? c.vehicleStart[0] : 0;
  for (let j = 0; j < J; j++) {
    for (let d = 0; d < c.dims; d++) demand[j] += c.jobDemand[j * c.dims + d];
    const first = c.jobFirstNode[j];
    far[j] = c.cost[depot * c.locationCount + c.nodeLocation[first]];
    let width = c.nodeClose[first] - c.nodeOpen[first];
    if (c.jobIsPair[j]) width = Math.min(width, c.nodeClose[first + 1] - c.nodeOpen[first + 1]);
    windowWidth[j] = Number.isFinite(width) ? width : Number.MAX_VALUE;
  }
  return { demand, far, windowWidth };
}

/**
 * Greedy reinsertion with blinks (Christiaens and Vanden Berghe): jobs in a randomly chosen order, each at its
 * cheapest place, each place skipped with a small probability. Jobs without a place stay unassigned.
 */
export function recreate(
  context: SearchContext,
  keys: OrderKeys,
  solution: Solution,
  jobs: number[],
  openRoutes: boolean,
  blink: number,
  /** When given, sometimes the order instead: the highest first (fleet minimisation's absence counts). */
  priority?: Int32Array,
): void {
  const { random } = context;
  let pick = random.next() * TOTAL_WEIGHT;
  let order = ORDERS.find((candidate) => (pick -= candidate.weight) < 0) ?? ORDERS[0];
  if (priority && random.next() < PRIORITY_RATE) order = { weight: 0, key: (_, job) => -priority[job] };
  const shuffled = [...jobs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const k = random.int(0, i);
    [shuffled[i], shuffled[k]] = [shuffled[k], shuffled[i]];
  }
  // Stable sort: the shuffle breaks ties.
  shuffled.sort((a, b) => order.key(keys, a) - order.key(keys, b));
  for (const job of shuffled) {
    const insertion = cheapestInsertion(context, solution, job, { openRoutes, random, blink });
    if (insertion) solution.insert(context, job, insertion.vehicle, insertion.a, insertion.b);
  }
}
