import { RoutingProblem } from '../../../src/planning/routing/model/problem';
import { DarpInstance, SolomonInstance, euclidean } from './instances';

export type Objective = 'vehicles-first' | 'distance';

/** Far above any Solomon route length: one vehicle less always wins. */
const VEHICLE_COST = 100000;

const matrixOf = (nodes: { x: number; y: number }[]) =>
  nodes.map((a) => nodes.map((b) => euclidean(a as never, b as never)));

/** Solomon as stop jobs: location = node id, one vehicle type, the fleet line as the fleet. */
export function solomonProblem(instance: SolomonInstance, objective: Objective): RoutingProblem {
  const [depot, ...customers] = instance.nodes;
  return {
    duration: matrixOf(instance.nodes),
    vehicles: Array.from({ length: instance.fleet }, (_, v) => ({
      id: `v${v + 1}`,
      start: 0,
      end: 0,
      capacity: [instance.capacity],
      earliest: depot.ready,
      latest: depot.due,
    })),
    jobs: customers.map((node) => ({
      kind: 'stop',
      id: String(node.id),
      location: node.id,
      service: node.service,
      windows: [[node.ready, node.due]],
      demand: [node.demand],
    })),
    costPerVehicle: objective === 'vehicles-first' ? VEHICLE_COST : 0,
  };
}

/** Cordeau DARP as pair jobs: location = node index, K vehicles, route duration T, ride limit L. */
export function darpProblem(instance: DarpInstance): RoutingProblem {
  const n = instance.requests;
  const nodes = instance.nodes;
  const end = 2 * n + 1;
  const stopOf = (i: number) => ({
    location: i,
    service: nodes[i].service,
    windows: [[nodes[i].ready, nodes[i].due]] as [number, number][],
  });
  return {
    duration: matrixOf(nodes),
    vehicles: Array.from({ length: instance.vehicles }, (_, v) => ({
      id: `v${v + 1}`,
      start: 0,
      end,
      capacity: [instance.capacity],
      earliest: Math.max(nodes[0].ready, nodes[end].ready),
      latest: Math.min(nodes[0].due, nodes[end].due),
      maxDuration: instance.maxDuration,
    })),
    jobs: Array.from({ length: n }, (_, i) => ({
      kind: 'pair',
      id: String(i + 1),
      demand: [nodes[i + 1].demand],
      maxRide: instance.maxRide,
      pickup: stopOf(i + 1),
      delivery: stopOf(n + i + 1),
    })),
  };
}
