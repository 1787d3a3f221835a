import { BenchInstance, euclidean } from './instances';

/** A route in the instance's own node ids, with the start of service the solver gave each stop. */
export interface CheckedRoute {
  departure: number;
  stops: { node: number; start: number }[];
  end: number;
}

export interface CheckResult {
  feasible: boolean;
  problems: string[];
  vehicles: number;
  distance: number;
}

const EPS = 1e-6;

/**
 * Checks a solution against the instance text alone (no solver code): every customer or request served once,
 * the given times consistent with travel and service and inside the windows, load, ride time, route duration
 * and fleet size. The distance is recomputed here from the coordinates.
 */
export function checkSolution(instance: BenchInstance, routes: CheckedRoute[]): CheckResult {
  const problems: string[] = [];
  const nodes = instance.nodes;
  const darp = instance.kind === 'darp';
  const n = darp ? instance.requests : nodes.length - 1;
  const startDepot = nodes[0];
  const endDepot = darp ? nodes[2 * n + 1] : nodes[0];
  const fleet = darp ? instance.vehicles : instance.fleet;
  const capacity = instance.capacity;
  const customers = darp ? 2 * n : n;
  const seen = new Map<number, number>();
  let distance = 0;
  let used = 0;

  routes.forEach((route, r) => {
    if (route.stops.length === 0) return;
    used++;
    const where = `route ${r + 1}`;
    if (route.departure < startDepot.ready - EPS || route.departure > startDepot.due + EPS)
      problems.push(`${where}: leaves at ${route.departure}`);
    let previous = startDepot;
    let free = route.departure;
    // Solomon loads ride from the depot; DARP loads change at each stop.
    let load = darp ? 0 : route.stops.reduce((sum, stop) => sum + nodes[stop.node].demand, 0);
    if (load > capacity + EPS) problems.push(`${where}: load ${load}`);
    const pickedAt = new Map<number, number>();
    for (const { node: id, start } of route.stops) {
      const node = nodes[id];
      if (!node || id === 0 || id > customers) {
        problems.push(`${where}: not a customer ${id}`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const leg = euclidean(previous, node);
      distance += leg;
      if (start < free + leg - EPS) problems.push(`${where}: ${id} starts before the vehicle can be there`);
      if (start < node.ready - EPS || start > node.due + EPS)
        problems.push(`${where}: ${id} outside its window`);
      if (darp) {
        load += node.demand;
        if (load > capacity + EPS) problems.push(`${where}: load ${load} at ${id}`);
        if (id <= n) pickedAt.set(id, start + node.service);
        else {
          const leftPickup = pickedAt.get(id - n);
          if (leftPickup === undefined) problems.push(`${where}: ${id} dropped before pickup on this route`);
          else if (start - leftPickup > instance.maxRide + EPS)
            problems.push(`${where}: request ${id - n} rides ${start - leftPickup}`);
        }
      }
      free = start + node.service;
      previous = node;
    }
    const back = euclidean(previous, endDepot);
    distance += back;
    if (route.end < free + back - EPS) problems.push(`${where}: back before the last leg is driven`);
    if (route.end > endDepot.due + EPS) problems.push(`${where}: back at ${route.end}`);
    if (darp && route.end - route.departure > instance.maxDuration + EPS)
      problems.push(`${where}: lasts ${route.end - route.departure}`);
  });

  for (let id = 1; id <= customers; id++) {
    const count = seen.get(id) ?? 0;
    if (count !== 1) problems.push(`node ${id} served ${count} times`);
  }
  if (used > fleet) problems.push(`${used} vehicles, fleet ${fleet}`);
  return { feasible: problems.length === 0, problems, vehicles: used, distance };
}
