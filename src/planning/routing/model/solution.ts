export type VisitType = 'stop' | 'pickup' | 'delivery';

export interface Visit {
  jobId: string;
  type: VisitType;
  location: number;
  arrival: number;
  /** Start of service: arrival plus any wait for the window (or a wait chosen to shorten rides). */
  start: number;
  departure: number;
  /** Load on board after this visit, per capacity dimension. */
  load: number[];
  /** On a delivery: time between leaving the pickup and starting service here. */
  ride?: number;
}

export interface Route {
  vehicleId: string;
  visits: Visit[];
  /** Time the vehicle leaves its start and reaches its end. */
  start: number;
  end: number;
  distance: number;
  duration: number;
}

/**
 * `no-vehicle-fits`: no allowed vehicle has the capacity (seats, child seats) for it.
 * `time-window`: no vehicle that fits can serve it in time even with nothing else to do (windows, ride time,
 * route duration, vehicle availability).
 * `fleet-full`: some vehicle could serve it alone, but there was no room left next to the others.
 */
export type UnassignedReason = 'no-vehicle-fits' | 'time-window' | 'fleet-full';

export interface Unassigned {
  jobId: string;
  reason: UnassignedReason;
}

export interface CostBreakdown {
  /** What the search minimised: distance + vehicle costs + preference costs + unassigned penalties. */
  total: number;
  distance: number;
  vehicles: number;
  preferences: number;
  unassigned: number;
}

export interface RoutingSolution {
  /** Only the vehicles that are used, in the order of `problem.vehicles`. */
  routes: Route[];
  unassigned: Unassigned[];
  cost: CostBreakdown;
  /** Ruin-and-recreate iterations run (fleet minimisation and improvement together). */
  iterations: number;
  /** `time-limit` means the wall-clock safety cap ended the search, so the result may differ between runs. */
  stoppedBy: 'iterations' | 'time-limit';
}

/** A previous plan to start from: per vehicle the visits in order (by job id and type). */
export interface WarmStart {
  routes: { vehicleId: string; visits: { jobId: string; type: VisitType }[] }[];
}
