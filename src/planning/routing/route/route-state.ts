import { Compiled, DELIVERY, EPS, PICKUP, STOP, earliestStart, latestStart } from '../model/compiled';
import { Scheduler } from './scheduler';

/**
 * One vehicle's route with what the insertion checks need in O(1) per position: the earliest start and the
 * latest start (for the rest of the route to stay within its windows) and the load after every position.
 * Positions are 0 (vehicle start), 1..n (nodes), n + 1 (vehicle end). Immutable: a change builds a new one.
 */
export class RouteState {
  constructor(
    readonly vehicle: number,
    readonly nodes: Int32Array,
    readonly locations: Int32Array,
    readonly service: Float64Array,
    readonly earliest: Float64Array,
    readonly latest: Float64Array,
    /** Load after each position, `dims` values per position. */
    readonly load: Float64Array,
    readonly distance: number,
    /** Cost of the preferred-time deviations of the jobs on it (from the full schedule). */
    readonly timePreferenceCost: number,
    /** Cost of the jobs on it that prefer another vehicle. */
    readonly vehiclePreferenceCost: number,
    /** Whether a change needs the full schedule (ride limits, route duration, preferred times). */
    readonly needsSchedule: boolean,
    readonly pairNodes: number,
  ) {}

  get size(): number {
    return this.nodes.length;
  }

  cost(c: Compiled): number {
    if (this.nodes.length === 0) return 0;
    return this.distance + c.vehicleCost[this.vehicle] + this.timePreferenceCost + this.vehiclePreferenceCost;
  }
}

export function emptyRoute(c: Compiled, v: number): RouteState {
  return buildRoute(c, null, v, new Int32Array(0))!;
}

/** The route of `nodes` on vehicle `v`, or null when it breaks a hard rule. */
export function buildRoute(
  c: Compiled,
  scheduler: Scheduler | null,
  v: number,
  nodes: Int32Array,
): RouteState | null {
  const m = nodes.length;
  const last = m + 1;
  const L = c.locationCount;
  const dims = c.dims;
  const locations = new Int32Array(m + 2);
  const service = new Float64Array(m + 2);
  const earliest = new Float64Array(m + 2);
  const latest = new Float64Array(m + 2);
  const load = new Float64Array((m + 2) * dims);
  locations[0] = c.vehicleStart[v];
  locations[last] = c.vehicleEnd[v];
  let needsSchedule = Number.isFinite(c.vehicleMaxDuration[v]);
  let pairNodes = 0;
  let vehiclePreferenceCost = 0;
  for (let k = 1; k <= m; k++) {
    const node = nodes[k - 1];
    const job = c.nodeJob[node];
    locations[k] = c.nodeLocation[node];
    service[k] = c.nodeService[node];
    if (c.jobAllowed && !c.jobAllowed[job * c.vehicleCount + v]) return null;
    if (c.jobNeedsSchedule[job]) needsSchedule = true;
    if (c.nodeType[node] === STOP) {
      for (let d = 0; d < dims; d++) load[d] += c.jobDemand[job * dims + d];
    } else pairNodes++;
    if (c.nodeType[node] !== DELIVERY && c.prefVehicle[job] >= 0 && c.prefVehicle[job] !== v)
      vehiclePreferenceCost += c.prefVehicleWeight[job];
  }

  let distance = 0;
  earliest[0] = c.vehicleEarliest[v];
  for (let k = 1; k <= last; k++) {
    const hop = locations[k - 1] * L + locations[k];
    distance += c.cost[hop];
    const arrival = earliest[k - 1] + service[k - 1] + c.duration[hop];
    earliest[k] = k === last ? arrival : earliestStart(c, nodes[k - 1], arrival);
    if (earliest[k] === Infinity || (k === last && arrival > c.vehicleLatest[v] + EPS)) return null;
  }
  latest[last] = c.vehicleLatest[v];
  for (let k = m; k >= 0; k--) {
    const bound = latest[k + 1] - c.duration[locations[k] * L + locations[k + 1]] - service[k];
    latest[k] = k === 0 ? Math.min(bound, c.vehicleLatest[v]) : latestStart(c, nodes[k - 1], bound);
  }

  const capacity = v * dims;
  for (let d = 0; d < dims; d++) if (load[d] > c.vehicleCapacity[capacity + d] + EPS) return null;
  for (let k = 1; k <= last; k++) {
    const node = k === last ? -1 : nodes[k - 1];
    const job = node < 0 ? -1 : c.nodeJob[node];
    const sign = node < 0 ? 0 : c.nodeType[node] === PICKUP ? 1 : -1;
    for (let d = 0; d < dims; d++) {
      const value = load[(k - 1) * dims + d] + (sign ? sign * c.jobDemand[job * dims + d] : 0);
      load[k * dims + d] = value;
      if (value > c.vehicleCapacity[capacity + d] + EPS) return null;
    }
  }

  let timePreferenceCost = 0;
  if (needsSchedule && m > 0) {
    if (!scheduler || !scheduler.schedule(v, nodes, m)) return null;
    timePreferenceCost = timePreferenceCostOf(c, scheduler, nodes, m);
  }
  return new RouteState(
    v,
    nodes,
    locations,
    service,
    earliest,
    latest,
    load,
    distance,
    timePreferenceCost,
    vehiclePreferenceCost,
    needsSchedule,
    pairNodes,
  );
}

/** Deviation beyond tolerance from each job's preferred time, at its first stop, priced by its weight. */
export function timePreferenceCostOf(
  c: Compiled,
  scheduler: Scheduler,
  nodes: ArrayLike<number>,
  length: number,
): number {
  let total = 0;
  for (let k = 1; k <= length; k++) {
    const node = nodes[k - 1];
    if (c.nodeType[node] === DELIVERY) continue;
    const job = c.nodeJob[node];
    if (Number.isNaN(c.prefTime[job])) continue;
    const deviation = Math.abs(scheduler.start[k] - c.prefTime[job]) - c.prefTolerance[job];
    if (deviation > 0) total += deviation * c.prefTimeWeight[job];
  }
  return total;
}
