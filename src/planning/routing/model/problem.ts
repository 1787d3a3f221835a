/**
 * The routing problem as plain data. The solver never computes geography: travel times and costs come in as
 * matrices indexed by location, built by the caller (the transport module, or a benchmark parser).
 */

/** A closed interval [from, to] on the start of service, in the unit of the duration matrix. */
export type TimeWindow = [from: number, to: number];

export interface Vehicle {
  id: string;
  /** Location index where the vehicle leaves from and returns to (its depot, or a driver's home). */
  start: number;
  end: number;
  /** One figure per dimension, e.g. [seats, child seats]; every job's demand has the same length. */
  capacity: number[];
  /** The vehicle leaves `start` no earlier than this and is back at `end` no later than `latest`. */
  earliest: number;
  latest: number;
  /** Longest time from leaving `start` to reaching `end`. */
  maxDuration?: number;
  /** Cost of using this vehicle at all, on top of `RoutingProblem.costPerVehicle`. */
  fixedCost?: number;
}

export interface Stop {
  location: number;
  /** Time spent at the stop (boarding, a child seat, a walk to the door). */
  service: number;
  /** Allowed start times of service; waiting before a window is allowed. Empty or absent: any time. */
  windows?: TimeWindow[];
}

/** Soft wishes that keep plans stable week to week; they only weigh against cost, they never forbid. */
export interface JobPreference {
  /** The vehicle the job rode last time. */
  vehicleId?: string;
  /** Cost added when the job rides any other vehicle. */
  vehicleWeight?: number;
  /** Preferred start of service at the (first) stop of the job, e.g. last week's pickup time. */
  time?: number;
  /** Deviation from `time` that costs nothing. */
  tolerance?: number;
  /** Cost per time unit of deviation beyond the tolerance. */
  timeWeight?: number;
}

interface JobBase {
  id: string;
  /** Load per capacity dimension, e.g. [1 + children, children]. */
  demand: number[];
  /** Vehicle ids that may serve this job; absent: all. */
  allowedVehicles?: string[];
  preference?: JobPreference;
}

/** A single visit (VRPTW): its load is carried from the vehicle's start, as in Solomon's instances. */
export interface StopJob extends JobBase, Stop {
  kind: 'stop';
}

/** A ride (dial-a-ride): picked up, carried on the same vehicle, delivered. */
export interface PairJob extends JobBase {
  kind: 'pair';
  pickup: Stop;
  delivery: Stop;
  /** Longest time between leaving the pickup (after its service) and starting service at the delivery. */
  maxRide?: number;
}

export type Job = StopJob | PairJob;

export interface RoutingProblem {
  /** Travel time between location indices: duration[from][to]. */
  duration: number[][];
  /** Cost of travel between location indices; defaults to `duration`. */
  distance?: number[][];
  vehicles: Vehicle[];
  jobs: Job[];
  /** Cost of each used vehicle; a value far above any route cost makes "fewest vehicles" come first. */
  costPerVehicle?: number;
  /** Cost of leaving a job unrouted; defaults to a value far above any route cost ("everyone routed" first). */
  unassignedPenalty?: number;
}
