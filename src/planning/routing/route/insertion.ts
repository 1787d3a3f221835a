import { Compiled, EPS, earliestStart } from '../model/compiled';
import { Random } from '../random';
import { RouteState, timePreferenceCostOf } from './route-state';
import { Scheduler } from './scheduler';

/** Where a job goes: its (first) node after position `a`, a delivery after old position `b` (b >= a). */
export interface Insertion {
  vehicle: number;
  a: number;
  b: number;
  cost: number;
}

/** The nodes of `route` with `job` inserted: its first node after position `a`, a delivery after old position `b`. */
export function withJob(
  c: Compiled,
  route: RouteState,
  job: number,
  a: number,
  b: number,
  into?: Int32Array,
) {
  const pair = c.jobIsPair[job] === 1;
  const m = route.size;
  const out = into ?? new Int32Array(m + (pair ? 2 : 1));
  const first = c.jobFirstNode[job];
  const nodes = route.nodes;
  let n = 0;
  for (let k = 0; k < a; k++) out[n++] = nodes[k];
  out[n++] = first;
  if (pair) {
    for (let k = a; k < b; k++) out[n++] = nodes[k];
    out[n++] = first + 1;
    for (let k = b; k < m; k++) out[n++] = nodes[k];
  } else for (let k = a; k < m; k++) out[n++] = nodes[k];
  return out;
}

/** Candidate insertions that pass the O(1) checks but still need the full schedule (ride limits, duration). */
class Pending {
  a: number[] = [];
  b: number[] = [];
  bound: number[] = [];
  order: number[] = [];

  clear() {
    this.a.length = this.b.length = this.bound.length = 0;
  }

  push(a: number, b: number, bound: number) {
    this.a.push(a);
    this.b.push(b);
    this.bound.push(bound);
  }

  sorted(): number[] {
    const order = this.order;
    order.length = 0;
    for (let i = 0; i < this.a.length; i++) order.push(i);
    return order.sort((x, y) => this.bound[x] - this.bound[y] || x - y);
  }
}

/**
 * Cheapest feasible insertion of one job into one route. Time windows and capacity are checked per position
 * in O(1) from the route's earliest/latest starts and loads (for a pair, the shift the pickup causes is carried
 * along the delivery positions); when the route needs the full schedule (ride limits, route duration,
 * preferred times), the candidates are verified cheapest first.
 */
export class Inserter {
  private readonly pending = new Pending();
  private sequence = new Int32Array(16);
  /** The best insertion found by the last `bestIn` call that returned a finite cost. */
  a = 0;
  b = 0;

  constructor(
    private readonly c: Compiled,
    private readonly scheduler: Scheduler,
  ) {}

  /**
   * Cost increase of the cheapest insertion of `job` into `route` below `bound`, or Infinity. With `random`,
   * each candidate position is skipped with probability `blink` (the blinks of SISR).
   */
  bestIn(route: RouteState, job: number, bound: number, random: Random | null, blink: number): number {
    const c = this.c;
    const v = route.vehicle;
    const dims = c.dims;
    if (c.jobAllowed && !c.jobAllowed[job * c.vehicleCount + v]) return Infinity;
    for (let d = 0; d < dims; d++)
      if (c.jobDemand[job * dims + d] > c.vehicleCapacity[v * dims + d] + EPS) return Infinity;
    let extra = route.size === 0 ? c.vehicleCost[v] : 0;
    if (c.prefVehicle[job] >= 0 && c.prefVehicle[job] !== v) extra += c.prefVehicleWeight[job];
    // With preferred times an insertion may lower the others' deviation: the bound allows for all of it.
    const offset = extra - route.timePreferenceCost;
    const full = route.needsSchedule || c.jobNeedsSchedule[job] === 1;
    this.pending.clear();
    const best = c.jobIsPair[job]
      ? this.pair(route, job, bound, offset, full, random, blink)
      : this.stop(route, job, bound, offset, full, random, blink);
    return full ? this.verify(route, job, Math.min(best, bound)) : best;
  }

  private fits(route: RouteState, job: number, position: number): boolean {
    const c = this.c;
    const dims = c.dims;
    const capacity = route.vehicle * dims;
    for (let d = 0; d < dims; d++)
      if (
        route.load[position * dims + d] + c.jobDemand[job * dims + d] >
        c.vehicleCapacity[capacity + d] + EPS
      )
        return false;
    return true;
  }

  private stop(
    route: RouteState,
    job: number,
    bound: number,
    offset: number,
    full: boolean,
    random: Random | null,
    blink: number,
  ): number {
    const c = this.c;
    const L = c.locationCount;
    const node = c.jobFirstNode[job];
    const here = c.nodeLocation[node];
    const service = c.nodeService[node];
    const { locations, earliest, latest, nodes } = route;
    const m = route.size;
    let best = bound;
    let found = false;
    // A stop's load rides from the start, so every position up to the stop carries it too; without pairs the
    // load only falls along the route and position 0 decides.
    if (!this.fits(route, job, 0)) return Infinity;
    for (let a = 0; a <= m; a++) {
      if (route.pairNodes > 0 && !this.fits(route, job, a)) break;
      const before = locations[a];
      const start = earliestStart(c, node, earliest[a] + route.service[a] + c.duration[before * L + here]);
      if (start === Infinity) continue;
      const after = locations[a + 1];
      const arrival = start + service + c.duration[here * L + after];
      const next = a === m ? arrival : earliestStart(c, nodes[a], arrival);
      if (next > latest[a + 1] + EPS) continue;
      const delta =
        c.cost[before * L + here] + c.cost[here * L + after] - c.cost[before * L + after] + offset;
      if (delta >= best || (random && random.next() < blink)) continue;
      if (full) this.pending.push(a, a, delta);
      else {
        best = delta;
        found = true;
        this.a = this.b = a;
      }
    }
    return found ? best : Infinity;
  }

  private pair(
    route: RouteState,
    job: number,
    bound: number,
    offset: number,
    full: boolean,
    random: Random | null,
    blink: number,
  ): number {
    const c = this.c;
    const L = c.locationCount;
    const D = c.duration;
    const C = c.cost;
    const p = c.jobFirstNode[job];
    const q = p + 1;
    const lp = c.nodeLocation[p];
    const lq = c.nodeLocation[q];
    const sp = c.nodeService[p];
    const sq = c.nodeService[q];
    const maxRide = c.jobMaxRide[job];
    const { locations, earliest, latest, nodes } = route;
    const m = route.size;
    let best = bound;
    let found = false;
    const consider = (a: number, b: number, delta: number) => {
      if (delta >= best || (random && random.next() < blink)) return;
      if (full) this.pending.push(a, b, delta);
      else {
        best = delta;
        found = true;
        this.a = a;
        this.b = b;
      }
    };
    for (let a = 0; a <= m; a++) {
      if (!this.fits(route, job, a)) continue;
      const la = locations[a];
      const pickup = earliestStart(c, p, earliest[a] + route.service[a] + D[la * L + lp]);
      if (pickup === Infinity) continue;
      const leave = pickup + sp;
      const next = locations[a + 1];
      // No schedule starts the pickup after this, nor the delivery before its earliest start: a bound on her ride.
      const lastPickup = Math.min(c.nodeClose[p], latest[a + 1] - D[lp * L + next] - sp);
      // Delivered straight after the pickup.
      const direct = earliestStart(c, q, leave + D[lp * L + lq]);
      if (direct !== Infinity && direct - Math.min(c.nodeClose[p], latest[a + 1]) - sp <= maxRide + EPS) {
        const arrival = direct + sq + D[lq * L + next];
        const start = a === m ? arrival : earliestStart(c, nodes[a], arrival);
        if (start <= latest[a + 1] + EPS)
          consider(a, a, C[la * L + lp] + C[lp * L + lq] + C[lq * L + next] - C[la * L + next] + offset);
      }
      // Delivered after old position b: the pickup's delay is carried along a+1..b.
      const pickupDelta = C[la * L + lp] + C[lp * L + next] - C[la * L + next] + offset;
      let previousDeparture = leave;
      let previousLocation = lp;
      for (let b = a + 1; b <= m; b++) {
        const lb = locations[b];
        const arrival = previousDeparture + D[previousLocation * L + lb];
        const start = earliestStart(c, nodes[b - 1], arrival);
        if (start > latest[b] + EPS || !this.fits(route, job, b)) break;
        const departure = start + route.service[b];
        const delivery = earliestStart(c, q, departure + D[lb * L + lq]);
        if (delivery !== Infinity && delivery - lastPickup - sp <= maxRide + EPS) {
          const after = locations[b + 1];
          const reach = delivery + sq + D[lq * L + after];
          const nextStart = b === m ? reach : earliestStart(c, nodes[b], reach);
          if (nextStart <= latest[b + 1] + EPS)
            consider(a, b, pickupDelta + C[lb * L + lq] + C[lq * L + after] - C[lb * L + after]);
        }
        previousDeparture = departure;
        previousLocation = lb;
      }
    }
    return found ? best : Infinity;
  }

  /** The cheapest pending candidate that the full schedule accepts, below `bound`. */
  private verify(route: RouteState, job: number, bound: number): number {
    const c = this.c;
    const pending = this.pending;
    if (pending.a.length === 0) return Infinity;
    const length = route.size + (c.jobIsPair[job] ? 2 : 1);
    if (this.sequence.length < length) this.sequence = new Int32Array(length * 2);
    let best = bound;
    let found = false;
    for (const i of pending.sorted()) {
      if (pending.bound[i] >= best) break;
      const sequence = withJob(c, route, job, pending.a[i], pending.b[i], this.sequence);
      if (!this.scheduler.schedule(route.vehicle, sequence, length)) continue;
      const exact = pending.bound[i] + timePreferenceCostOf(c, this.scheduler, sequence, length);
      if (exact < best) {
        best = exact;
        found = true;
        this.a = pending.a[i];
        this.b = pending.b[i];
      }
    }
    return found ? best : Infinity;
  }
}
