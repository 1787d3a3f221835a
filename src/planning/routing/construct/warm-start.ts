import { DELIVERY, PICKUP, STOP } from '../model/compiled';
import { WarmStart } from '../model/solution';
import { buildRoute } from '../route/route-state';
import { SearchContext, Solution } from '../search/solution';

const TYPES = { stop: STOP, pickup: PICKUP, delivery: DELIVERY } as const;

/**
 * The previous plan, kept as far as it is still valid: visits of unknown jobs or vehicles are dropped, a pair
 * must be complete and in order on one vehicle, and from a route that breaks a rule now (a changed window, a
 * new ride limit) the fewest jobs are taken out, latest first, until it holds again.
 */
export function warmStartSolution(context: SearchContext, warm: WarmStart): Solution {
  const { c } = context;
  const solution = Solution.empty(c);
  const jobIndex = new Map(c.jobIds.map((id, j) => [id, j]));
  const vehicleIndex = new Map(c.vehicleIds.map((id, v) => [id, v]));
  const placed = new Set<number>();
  for (const planned of warm.routes) {
    const v = vehicleIndex.get(planned.vehicleId);
    if (v === undefined || solution.routes[v].size > 0) continue;
    const nodes: number[] = [];
    for (const visit of planned.visits) {
      const job = jobIndex.get(visit.jobId);
      if (job === undefined || placed.has(job)) continue;
      const first = c.jobFirstNode[job];
      const node = visit.type === 'delivery' ? first + 1 : first;
      if (c.nodeType[node] !== TYPES[visit.type] || nodes.includes(node)) continue;
      if (visit.type === 'delivery' && !nodes.includes(first)) continue;
      nodes.push(node);
    }
    const complete = nodes.filter((node) => c.nodeType[node] !== PICKUP || nodes.includes(node + 1));
    const route = repaired(context, v, complete);
    for (const node of route) placed.add(c.nodeJob[node]);
    if (route.length > 0) {
      solution.routes[v] = buildRoute(c, context.scheduler, v, Int32Array.from(route))!;
      for (const node of route) solution.routeOf[c.nodeJob[node]] = v;
    }
  }
  solution.unassigned.splice(
    0,
    solution.unassigned.length,
    ...c.jobIds.map((_, j) => j).filter((j) => !placed.has(j)),
  );
  return solution;
}

function repaired(context: SearchContext, v: number, nodes: number[]): number[] {
  const { c } = context;
  let route = nodes;
  while (route.length > 0 && !buildRoute(c, context.scheduler, v, Int32Array.from(route))) {
    const jobs = [...new Set(route.map((node) => c.nodeJob[node]))].reverse();
    const without = (job: number) => route.filter((node) => c.nodeJob[node] !== job);
    const single = jobs.find((job) => buildRoute(c, context.scheduler, v, Int32Array.from(without(job))));
    route = without(single ?? jobs[0]);
  }
  return route;
}
