import { Compiled, DELIVERY } from './model/compiled';
import { Route, RoutingSolution, Visit } from './model/solution';
import { Scheduler } from './route/scheduler';
import { Solution } from './search/solution';
import { unassignedReason } from './unassigned-reasons';

const TYPE_NAMES = ['stop', 'pickup', 'delivery'] as const;

/** The solution as plain data, with the times of the full schedule (departures delayed, rides shortened). */
export function toRoutingSolution(
  c: Compiled,
  scheduler: Scheduler,
  solution: Solution,
  iterations: number,
  timedOut: boolean,
): RoutingSolution {
  const routes: Route[] = [];
  let distance = 0;
  let vehicles = 0;
  let preferences = 0;
  for (const route of solution.routes) {
    if (route.size === 0) continue;
    const v = route.vehicle;
    const m = route.size;
    if (!scheduler.schedule(v, route.nodes, m))
      throw new Error(`route of ${c.vehicleIds[v]} lost its schedule`);
    const visits: Visit[] = [];
    for (let k = 1; k <= m; k++) {
      const node = route.nodes[k - 1];
      const visit: Visit = {
        jobId: c.jobIds[c.nodeJob[node]],
        type: TYPE_NAMES[c.nodeType[node]],
        location: c.nodeLocation[node],
        arrival: scheduler.arrival[k],
        start: scheduler.start[k],
        departure: scheduler.departure[k],
        load: Array.from(route.load.subarray(k * c.dims, (k + 1) * c.dims)),
      };
      if (c.nodeType[node] === DELIVERY) {
        const pickup = route.nodes.indexOf(node - 1) + 1;
        visit.ride = scheduler.start[k] - scheduler.departure[pickup];
      }
      visits.push(visit);
    }
    routes.push({
      vehicleId: c.vehicleIds[v],
      visits,
      start: scheduler.departure[0],
      end: scheduler.start[m + 1],
      distance: route.distance,
      duration: scheduler.start[m + 1] - scheduler.departure[0],
    });
    distance += route.distance;
    vehicles += c.vehicleCost[v];
    preferences += route.timePreferenceCost + route.vehiclePreferenceCost;
  }
  const unassigned = [...solution.unassigned]
    .sort((a, b) => a - b)
    .map((job) => ({ jobId: c.jobIds[job], reason: unassignedReason(c, scheduler, job) }));
  const penalty = unassigned.length * c.unassignedPenalty;
  return {
    routes,
    unassigned,
    cost: {
      total: distance + vehicles + preferences + penalty,
      distance,
      vehicles,
      preferences,
      unassigned: penalty,
    },
    iterations,
    stoppedBy: timedOut ? 'time-limit' : 'iterations',
  };
}
