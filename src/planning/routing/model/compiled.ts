import { RoutingInputError } from './errors';
import { Job, RoutingProblem, Stop, TimeWindow } from './problem';

/** Slack in time comparisons, so that sums of doubles that land a hair past a window end still count. */
export const EPS = 1e-7;

export const STOP = 0;
export const PICKUP = 1;
export const DELIVERY = 2;

/**
 * The problem in flat arrays, for the inner loops. A node is one place a job is served: a stop job has one
 * node, a pair job two (pickup, then delivery, numbered consecutively).
 */
export interface Compiled {
  locationCount: number;
  /** Row-major travel time and cost matrices: `duration[from * locationCount + to]`. */
  duration: Float64Array;
  cost: Float64Array;
  dims: number;

  nodeCount: number;
  nodeLocation: Int32Array;
  nodeService: Float64Array;
  nodeJob: Int32Array;
  nodeType: Uint8Array;
  /** First and last moment any window of the node allows. */
  nodeOpen: Float64Array;
  nodeClose: Float64Array;
  /** Windows of nodes with more than one: `windowData[windowStart[n] ..< windowStart[n + 1]]`, [from, to] pairs. */
  windowStart: Int32Array;
  windowData: Float64Array;

  jobCount: number;
  jobIds: string[];
  jobIsPair: Uint8Array;
  jobFirstNode: Int32Array;
  jobDemand: Float64Array;
  jobMaxRide: Float64Array;
  /** `jobAllowed[job * vehicleCount + vehicle]`, or null when every job may ride every vehicle. */
  jobAllowed: Uint8Array | null;
  prefVehicle: Int32Array;
  prefVehicleWeight: Float64Array;
  prefTime: Float64Array;
  prefTolerance: Float64Array;
  prefTimeWeight: Float64Array;
  /** A job whose cost depends on its schedule or whose feasibility needs the full route evaluation. */
  jobNeedsSchedule: Uint8Array;

  vehicleCount: number;
  vehicleIds: string[];
  vehicleStart: Int32Array;
  vehicleEnd: Int32Array;
  vehicleCapacity: Float64Array;
  vehicleEarliest: Float64Array;
  vehicleLatest: Float64Array;
  vehicleMaxDuration: Float64Array;
  /** Cost of using the vehicle: its fixed cost plus the cost per vehicle. */
  vehicleCost: Float64Array;
  /** Vehicles of the same type are interchangeable: only one empty one of a type needs trying. */
  vehicleType: Int32Array;

  unassignedPenalty: number;
  /** Per job, other jobs by increasing distance (for string removals). */
  neighbours: Int32Array[];
}

function windowsOf(stop: Stop, where: string): TimeWindow[] {
  const windows = (stop.windows ?? []).map(([from, to]) => [from, to] as TimeWindow);
  for (const [from, to] of windows)
    if (!(from <= to)) throw new RoutingInputError('bad-window', `${where}: window [${from}, ${to}]`);
  windows.sort((a, b) => a[0] - b[0]);
  const merged: TimeWindow[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push(window);
  }
  return merged.length ? merged : [[-Infinity, Infinity]];
}

function matrix(rows: number[][], size: number, name: string): Float64Array {
  if (rows.length !== size) throw new RoutingInputError('matrix-shape', `${name} has ${rows.length} rows`);
  const flat = new Float64Array(size * size);
  rows.forEach((row, i) => {
    if (row.length !== size)
      throw new RoutingInputError('matrix-shape', `${name} row ${i} has ${row.length}`);
    for (let j = 0; j < size; j++) flat[i * size + j] = row[j];
  });
  return flat;
}

export function compile(problem: RoutingProblem): Compiled {
  const L = problem.duration.length;
  const duration = matrix(problem.duration, L, 'duration');
  const cost = problem.distance ? matrix(problem.distance, L, 'distance') : duration;
  const { vehicles, jobs } = problem;
  const V = vehicles.length;
  const J = jobs.length;
  const dims = vehicles[0]?.capacity.length ?? jobs[0]?.demand.length ?? 0;
  const checkLocation = (location: number, where: string) => {
    if (!Number.isInteger(location) || location < 0 || location >= L)
      throw new RoutingInputError('location-out-of-range', `${where}: location ${location}`);
  };

  const vehicleIndex = new Map<string, number>();
  vehicles.forEach((vehicle, v) => {
    if (vehicleIndex.has(vehicle.id)) throw new RoutingInputError('duplicate-id', `vehicle ${vehicle.id}`);
    vehicleIndex.set(vehicle.id, v);
    checkLocation(vehicle.start, `vehicle ${vehicle.id}`);
    checkLocation(vehicle.end, `vehicle ${vehicle.id}`);
    if (vehicle.capacity.length !== dims)
      throw new RoutingInputError(
        'demand-dimensions',
        `vehicle ${vehicle.id} has ${vehicle.capacity.length}`,
      );
    if (!(vehicle.earliest <= vehicle.latest))
      throw new RoutingInputError('bad-vehicle', `vehicle ${vehicle.id}: earliest after latest`);
  });

  const stops: { stop: Stop; job: number; type: number }[] = [];
  const jobIndex = new Set<string>();
  const jobFirstNode = new Int32Array(J);
  jobs.forEach((job, j) => {
    if (jobIndex.has(job.id)) throw new RoutingInputError('duplicate-id', `job ${job.id}`);
    jobIndex.add(job.id);
    if (job.demand.length !== dims)
      throw new RoutingInputError('demand-dimensions', `job ${job.id} has ${job.demand.length}`);
    for (const id of job.allowedVehicles ?? [])
      if (!vehicleIndex.has(id)) throw new RoutingInputError('unknown-vehicle', `job ${job.id}: ${id}`);
    jobFirstNode[j] = stops.length;
    if (job.kind === 'stop') stops.push({ stop: job, job: j, type: STOP });
    else {
      stops.push({ stop: job.pickup, job: j, type: PICKUP });
      stops.push({ stop: job.delivery, job: j, type: DELIVERY });
    }
  });

  const N = stops.length;
  const nodeLocation = new Int32Array(N);
  const nodeService = new Float64Array(N);
  const nodeJob = new Int32Array(N);
  const nodeType = new Uint8Array(N);
  const nodeOpen = new Float64Array(N);
  const nodeClose = new Float64Array(N);
  const windowStart = new Int32Array(N + 1);
  const windowData: number[] = [];
  stops.forEach(({ stop, job, type }, n) => {
    const where = `job ${jobs[job].id}`;
    checkLocation(stop.location, where);
    nodeLocation[n] = stop.location;
    nodeService[n] = stop.service;
    nodeJob[n] = job;
    nodeType[n] = type;
    const windows = windowsOf(stop, where);
    nodeOpen[n] = windows[0][0];
    nodeClose[n] = windows[windows.length - 1][1];
    windowStart[n] = windowData.length;
    if (windows.length > 1) for (const [from, to] of windows) windowData.push(from, to);
  });
  windowStart[N] = windowData.length;

  const jobIsPair = new Uint8Array(J);
  const jobDemand = new Float64Array(J * dims);
  const jobMaxRide = new Float64Array(J).fill(Infinity);
  const jobAllowed = jobs.some((job) => job.allowedVehicles) ? new Uint8Array(J * V) : null;
  const prefVehicle = new Int32Array(J).fill(-1);
  const prefVehicleWeight = new Float64Array(J);
  const prefTime = new Float64Array(J).fill(NaN);
  const prefTolerance = new Float64Array(J);
  const prefTimeWeight = new Float64Array(J);
  const jobNeedsSchedule = new Uint8Array(J);
  const preferredVehicles = new Set<number>();
  jobs.forEach((job, j) => {
    jobIsPair[j] = job.kind === 'pair' ? 1 : 0;
    job.demand.forEach((d, k) => (jobDemand[j * dims + k] = d));
    if (job.kind === 'pair' && job.maxRide !== undefined) jobMaxRide[j] = job.maxRide;
    if (jobAllowed) {
      const allowed = job.allowedVehicles ? job.allowedVehicles.map((id) => vehicleIndex.get(id)!) : null;
      for (let v = 0; v < V; v++) jobAllowed[j * V + v] = !allowed || allowed.includes(v) ? 1 : 0;
    }
    const preference = job.preference;
    if (preference?.vehicleId !== undefined && vehicleIndex.has(preference.vehicleId)) {
      prefVehicle[j] = vehicleIndex.get(preference.vehicleId)!;
      prefVehicleWeight[j] = preference.vehicleWeight ?? 0;
      preferredVehicles.add(prefVehicle[j]);
    }
    if (preference?.time !== undefined && (preference.timeWeight ?? 0) > 0) {
      prefTime[j] = preference.time;
      prefTolerance[j] = preference.tolerance ?? 0;
      prefTimeWeight[j] = preference.timeWeight!;
    }
    jobNeedsSchedule[j] = Number.isFinite(jobMaxRide[j]) || !Number.isNaN(prefTime[j]) ? 1 : 0;
  });

  const vehicleCost = new Float64Array(V);
  const vehicleType = new Int32Array(V);
  const types = new Map<string, number>();
  vehicles.forEach((vehicle, v) => {
    vehicleCost[v] = (problem.costPerVehicle ?? 0) + (vehicle.fixedCost ?? 0);
    const key = preferredVehicles.has(v)
      ? `#${v}`
      : JSON.stringify([vehicle.start, vehicle.end, vehicle.capacity, vehicle.earliest, vehicle.latest])
          .concat(`${vehicle.maxDuration ?? ''}|${vehicleCost[v]}|`)
          .concat(jobAllowed ? Array.from({ length: J }, (_, j) => jobAllowed[j * V + v]).join('') : '');
    if (!types.has(key)) types.set(key, types.size);
    vehicleType[v] = types.get(key)!;
  });

  const compiled: Compiled = {
    locationCount: L,
    duration,
    cost,
    dims,
    nodeCount: N,
    nodeLocation,
    nodeService,
    nodeJob,
    nodeType,
    nodeOpen,
    nodeClose,
    windowStart,
    windowData: Float64Array.from(windowData),
    jobCount: J,
    jobIds: jobs.map((job) => job.id),
    jobIsPair,
    jobFirstNode,
    jobDemand,
    jobMaxRide,
    jobAllowed,
    prefVehicle,
    prefVehicleWeight,
    prefTime,
    prefTolerance,
    prefTimeWeight,
    jobNeedsSchedule,
    vehicleCount: V,
    vehicleIds: vehicles.map((vehicle) => vehicle.id),
    vehicleStart: Int32Array.from(vehicles.map((vehicle) => vehicle.start)),
    vehicleEnd: Int32Array.from(vehicles.map((vehicle) => vehicle.end)),
    vehicleCapacity: Float64Array.from(vehicles.flatMap((vehicle) => vehicle.capacity)),
    vehicleEarliest: Float64Array.from(vehicles.map((vehicle) => vehicle.earliest)),
    vehicleLatest: Float64Array.from(vehicles.map((vehicle) => vehicle.latest)),
    vehicleMaxDuration: Float64Array.from(vehicles.map((vehicle) => vehicle.maxDuration ?? Infinity)),
    vehicleCost,
    vehicleType,
    unassignedPenalty: 0,
    neighbours: [],
  };
  compiled.unassignedPenalty = problem.unassignedPenalty ?? defaultPenalty(compiled, jobs);
  compiled.neighbours = neighboursOf(compiled);
  return compiled;
}

/** Far above anything a route can cost, so that routing one more job always wins. */
function defaultPenalty(c: Compiled, jobs: Job[]): number {
  let maxCost = 0;
  for (const value of c.cost) if (Number.isFinite(value)) maxCost = Math.max(maxCost, Math.abs(value));
  let maxVehicleCost = 0;
  for (const value of c.vehicleCost) maxVehicleCost = Math.max(maxVehicleCost, value);
  let horizon = 0;
  for (let v = 0; v < c.vehicleCount; v++) {
    const span = c.vehicleLatest[v] - c.vehicleEarliest[v];
    if (Number.isFinite(span)) horizon = Math.max(horizon, span);
  }
  let preferences = 0;
  jobs.forEach((_, j) => (preferences += c.prefVehicleWeight[j] + c.prefTimeWeight[j] * horizon));
  const routes = maxCost * (c.nodeCount + 2 * c.vehicleCount) + maxVehicleCost * c.vehicleCount;
  return 10 * (routes + preferences) + 1000;
}

/** How far apart two jobs are: between the stops of the same kind, so pairs to one place still differ. */
function jobDistance(c: Compiled, a: number, b: number): number {
  const L = c.locationCount;
  const at = (node: number) => c.nodeLocation[node];
  const d = (x: number, y: number) => Math.min(c.cost[at(x) * L + at(y)], c.cost[at(y) * L + at(x)]);
  const fa = c.jobFirstNode[a];
  const fb = c.jobFirstNode[b];
  if (c.jobIsPair[a] && c.jobIsPair[b]) return d(fa, fb) + d(fa + 1, fb + 1);
  if (c.jobIsPair[a]) return Math.min(d(fa, fb), d(fa + 1, fb));
  if (c.jobIsPair[b]) return Math.min(d(fa, fb), d(fa, fb + 1));
  return d(fa, fb);
}

const NEIGHBOURS = 100;

function neighboursOf(c: Compiled): Int32Array[] {
  const J = c.jobCount;
  const others = Array.from({ length: J }, (_, j) => j);
  return others.map((a) => {
    const distances = others.map((b) => (a === b ? -1 : jobDistance(c, a, b)));
    const order = [...others].sort((x, y) => distances[x] - distances[y] || x - y);
    return Int32Array.from(order.slice(0, NEIGHBOURS + 1));
  });
}

/** Earliest start of service at `node` when arriving at `time`; Infinity when every window has passed. */
export function earliestStart(c: Compiled, node: number, time: number): number {
  const from = c.windowStart[node];
  const to = c.windowStart[node + 1];
  if (from === to) {
    if (time > c.nodeClose[node] + EPS) return Infinity;
    return time < c.nodeOpen[node] ? c.nodeOpen[node] : time;
  }
  for (let w = from; w < to; w += 2) {
    if (time <= c.windowData[w + 1] + EPS) return time < c.windowData[w] ? c.windowData[w] : time;
  }
  return Infinity;
}

/** Latest start of service at `node` no later than `time`; -Infinity when no window opens by then. */
export function latestStart(c: Compiled, node: number, time: number): number {
  const from = c.windowStart[node];
  const to = c.windowStart[node + 1];
  if (from === to) {
    if (time < c.nodeOpen[node] - EPS) return -Infinity;
    return time > c.nodeClose[node] ? c.nodeClose[node] : time;
  }
  for (let w = to - 2; w >= from; w -= 2) {
    if (time >= c.windowData[w] - EPS) return time > c.windowData[w + 1] ? c.windowData[w + 1] : time;
  }
  return -Infinity;
}

/** End of the window that contains `time` (a start of service at `node`). */
export function windowEndAt(c: Compiled, node: number, time: number): number {
  const from = c.windowStart[node];
  const to = c.windowStart[node + 1];
  if (from === to) return c.nodeClose[node];
  for (let w = from; w < to; w += 2) if (time <= c.windowData[w + 1] + EPS) return c.windowData[w + 1];
  return c.nodeClose[node];
}
