import { Compiled } from '../model/compiled';
import { Inserter, withJob } from '../route/insertion';
import { RouteState, buildRoute, emptyRoute } from '../route/route-state';
import { Scheduler } from '../route/scheduler';
import { Random } from '../random';

/** What every step of the search shares: the problem, the scratch schedulers and the random source. */
export interface SearchContext {
  c: Compiled;
  scheduler: Scheduler;
  inserter: Inserter;
  random: Random;
}

export function createContext(c: Compiled, seed: number): SearchContext {
  const scheduler = new Scheduler(c);
  return { c, scheduler, inserter: new Inserter(c, scheduler), random: new Random(seed) };
}

/**
 * A solution: one route per vehicle (empty when unused) and the jobs left out. Routes are immutable, so a
 * copy shares them and only the routes a move touches are rebuilt.
 */
export class Solution {
  constructor(
    readonly routes: RouteState[],
    /** Per job the vehicle that serves it, or -1. */
    readonly routeOf: Int32Array,
    readonly unassigned: number[],
  ) {}

  static empty(c: Compiled): Solution {
    const routes = Array.from({ length: c.vehicleCount }, (_, v) => emptyRoute(c, v));
    return new Solution(
      routes,
      new Int32Array(c.jobCount).fill(-1),
      Array.from({ length: c.jobCount }, (_, j) => j),
    );
  }

  copy(): Solution {
    return new Solution([...this.routes], Int32Array.from(this.routeOf), [...this.unassigned]);
  }

  cost(c: Compiled): number {
    let total = this.unassigned.length * c.unassignedPenalty;
    for (const route of this.routes) total += route.cost(c);
    return total;
  }

  usedVehicles(): number {
    let used = 0;
    for (const route of this.routes) if (route.size > 0) used++;
    return used;
  }

  /** Jobs of a route in visiting order of their first node. */
  jobsOf(c: Compiled, v: number): number[] {
    const jobs: number[] = [];
    for (const node of this.routes[v].nodes)
      if (c.jobFirstNode[c.nodeJob[node]] === node) jobs.push(c.nodeJob[node]);
    return jobs;
  }

  /** Takes the jobs out. A route that the removal makes infeasible (a matrix without the triangle
   * inequality can do that) is emptied altogether, so that every route stays feasible. */
  remove(context: SearchContext, jobs: Iterable<number>): void {
    const { c, scheduler } = context;
    const gone = new Set<number>();
    const touched = new Set<number>();
    for (const job of jobs) {
      const v = this.routeOf[job];
      if (v < 0 || gone.has(job)) continue;
      gone.add(job);
      touched.add(v);
      this.routeOf[job] = -1;
      this.unassigned.push(job);
    }
    for (const v of [...touched].sort((x, y) => x - y)) {
      const route = this.routes[v];
      const nodes = route.nodes.filter((node) => !gone.has(c.nodeJob[node]));
      const rebuilt = buildRoute(c, scheduler, v, nodes);
      if (rebuilt) this.routes[v] = rebuilt;
      else {
        for (const job of this.jobsOf(c, v)) {
          if (gone.has(job)) continue;
          this.routeOf[job] = -1;
          this.unassigned.push(job);
        }
        this.routes[v] = emptyRoute(c, v);
      }
    }
  }

  /** Puts an unassigned job where the inserter found room; false when the full check refuses it after all. */
  insert(context: SearchContext, job: number, v: number, a: number, b: number): boolean {
    const { c, scheduler } = context;
    const route = buildRoute(c, scheduler, v, withJob(c, this.routes[v], job, a, b));
    if (!route) return false;
    this.routes[v] = route;
    this.routeOf[job] = v;
    const at = this.unassigned.indexOf(job);
    if (at >= 0) this.unassigned.splice(at, 1);
    return true;
  }
}

/**
 * The vehicles a job may go into now: every one in use, and of those unused only the first of each type (the
 * others of that type would be the same choice), unless new routes are closed.
 */
export function insertionCandidates(c: Compiled, solution: Solution, openRoutes = true): number[] {
  const candidates: number[] = [];
  const triedTypes = new Set<number>();
  for (let v = 0; v < c.vehicleCount; v++) {
    if (solution.routes[v].size === 0) {
      if (!openRoutes || triedTypes.has(c.vehicleType[v])) continue;
      triedTypes.add(c.vehicleType[v]);
    }
    candidates.push(v);
  }
  return candidates;
}
