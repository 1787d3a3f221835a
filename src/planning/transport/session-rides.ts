import { REASON_TEXTS } from '../reasons';
import { Job, RoutingProblem, solveRouting, UnassignedReason, Vehicle, WarmStart } from '../routing';
import { Position } from '../travel/offline-travel';
import { BusyRide, FreeWindow } from './free-windows';

/** Minutes of the session's local day throughout. */
export type Direction = 'to' | 'from';

export interface RideRequest {
  participantId: string;
  home: Position;
  /** Children riding with her (booked into care at the location itself); each takes a seat and a child seat. */
  children: number;
  /** Her ride may last this long at most (the policy's limit for her). */
  maxRideMinutes: number;
  /** Last time's vehicle and pickup (or drop-off) time, kept where that costs little. */
  previous?: { vehicleId: string; time: number };
  /** The only vehicles that may collect her (a vehicle limited to some municipalities); absent: any. */
  vehicleIds?: string[];
}

export interface FleetVehicle {
  id: string;
  depot: Position;
  seats: number;
  childSeats: number;
  /**
   * When the vehicle is free this day: its availability minus its other rides, each part with where the vehicle
   * is when it begins and must be when it ends (see freeWindows).
   */
  free: FreeWindow[];
  /** Its availability this day, other rides not counted: to tell "busy elsewhere" from "too far". */
  available?: FreeWindow[];
}

export interface SessionRidesInput {
  direction: Direction;
  location: Position;
  /** Session start and end. */
  start: number;
  end: number;
  arriveMinutesBefore: number;
  /** How early she may arrive at the location (before the start), and so how long a vehicle has for several trips. */
  maxEarlyMinutes?: number;
  /** How long after the end she may wait for her ride home; a second trip home fits within it. */
  maxWaitAfterMinutes?: number;
  requests: RideRequest[];
  vehicles: FleetVehicle[];
  /** Whole minutes by road between two positions. */
  minutes: (from: Position, to: Position) => number;
  /** The current rides of this session and direction, to change as little as possible (a re-plan). */
  current?: PlannedRide[];
  seed?: number;
  iterations?: number;
}

export interface PlannedStop {
  participantId: string;
  /** Pickup time (direction `to`) or drop-off time (`from`). */
  time: number;
  children: number;
}

/** One trip of a vehicle: from its depot past the homes to the location, or from the location past the homes. */
export interface PlannedRide {
  vehicleId: string;
  direction: Direction;
  /** Leaving the depot (to) or the location (from). */
  depart: number;
  /** Reaching the location (to) or the last drop-off (from). */
  arrive: number;
  stops: PlannedStop[];
  driveMinutes: number;
}

export type UnroutedReason = (typeof REASON_TEXTS)[
  'vehicle-too-small' | 'ride-limit' | 'vehicles-busy' | 'vehicles-full' | 'pickups-in-the-way'];

export interface SessionRides {
  rides: PlannedRide[];
  unrouted: { participantId: string; reason: UnroutedReason }[];
}

/** Minutes to board (and to buckle children in); nothing at the location, where everyone gets out at once. */
export const boardingMinutes = (children: number) => 2 + children;
/** Minutes to get out at home on the way back. */
export const ALIGHTING_MINUTES = 1;
/** Fewest vehicles first: one more vehicle costs more than any amount of driving in one session. */
const COST_PER_VEHICLE = 10_000;
/** Keeping last week's vehicle is worth this many minutes of driving; on a re-plan, much more. */
const STABILITY = { vehicleWeight: 15 };
const REPLAN = { vehicleWeight: 60 };
/** The policy's default for how early she may arrive (`maxEarlyMinutes`), and so how long she may wait after. */
export const DEFAULT_MAX_EARLY_MINUTES = 45;

const REASONS: Record<UnassignedReason, UnroutedReason> = {
  'no-vehicle-fits': REASON_TEXTS['vehicle-too-small'],
  'time-window': REASON_TEXTS['ride-limit'],
  'fleet-full': REASON_TEXTS['vehicles-full'],
};

/** Minutes between the earliest and the latest arrival at the location before a session. */
const earlyWindow = (input: SessionRidesInput) =>
  Math.max(0, (input.maxEarlyMinutes ?? DEFAULT_MAX_EARLY_MINUTES) - input.arriveMinutesBefore);

/**
 * The search budget for one session: its rides are small problems (a few vehicles, a dozen riders), so far fewer
 * iterations than a benchmark instance need; a region plans thousands of sessions.
 */
export const sessionIterations = (jobs: number) => Math.min(2000, 100 + 40 * jobs);

/**
 * A planned ride as its vehicle's ride elsewhere for the rides planned after it: from leaving to its last stop,
 * with where it begins (there: the first home; back: the location) and ends (the location; the last home).
 */
export function busyRideOf(
  ride: PlannedRide,
  location: Position,
  homeOf: (participantId: string) => Position | undefined,
): BusyRide {
  const first = ride.stops[0];
  const last = ride.stops.at(-1);
  const home =
    ride.direction === 'to' ? first && homeOf(first.participantId) : last && homeOf(last.participantId);
  if (!home || !first) return [ride.depart, ride.arrive];
  // There: at her home by the time the driver's sheet says to leave, so that the sheet holds whatever came before.
  return ride.direction === 'to'
    ? [ride.depart, ride.arrive, { first: home, last: location }]
    : [ride.depart, ride.arrive, { first: location, last: home }];
}

/** The latest a vehicle may be at the location in this free part: in time still to reach where its next ride begins. */
const leavesLocationBy = (input: SessionRidesInput, [, to, ends]: FreeWindow) =>
  ends?.before ? to - input.minutes(input.location, ends.before) : to;

/** The index of the free part of a vehicle's day that holds [from, to] (or the moment `from`); -1 if none. */
const partHolding = (free: readonly FreeWindow[], from: number, to = from) =>
  free.findIndex(([start, end]) => start <= from && to <= end);

const windowId = (vehicleId: string, index: number) => `${vehicleId}@${index}`;
const vehicleOf = (windowVehicleId: string) => windowVehicleId.slice(0, windowVehicleId.lastIndexOf('@'));

/**
 * Plans the rides of one session in one direction with the routing core: every request on a vehicle, fewest
 * vehicles, least driving. A vehicle free in several parts of the day is one routing vehicle per part, so it is
 * never in two places at once; a route that goes to the location more than once becomes one ride per trip.
 */
export function planSessionRides(input: SessionRidesInput): SessionRides {
  const outbound = input.direction === 'to';
  // Locations: 0 the session's location, then each depot, then each home; and a last one, "anywhere", where a
  // ride home ends (after its last drop-off), at no distance from anything.
  const positions: Position[] = [input.location];
  const depotIndex = input.vehicles.map((vehicle) => positions.push(vehicle.depot) - 1);
  const homeIndex = input.requests.map((request) => positions.push(request.home) - 1);
  // Where each free part of a vehicle's day begins and ends: after another ride, where that ride left it; before
  // one, where that ride begins.
  const endIndex = input.vehicles.map((vehicle) =>
    vehicle.free.map(([, , ends]) => ({
      after: ends?.after ? positions.push(ends.after) - 1 : undefined,
      before: ends?.before ? positions.push(ends.before) - 1 : undefined,
    })),
  );
  const anywhere = positions.length;
  const duration = positions.map((from) => [...positions.map((to) => input.minutes(from, to)), 0]);
  duration.push(positions.map(() => 0).concat(0));

  const windowOf = (index: number, time: number) =>
    Math.max(0, partHolding(input.vehicles[index].free, time));
  // Each free part is one routing vehicle: from where the vehicle is then (else its depot), to the location
  // (there) or its last drop-off (back), and on in time to where its next ride begins.
  const startOf = new Map<string, number>();
  const vehicles: Vehicle[] = input.vehicles.flatMap((vehicle, index) =>
    vehicle.free.flatMap(([from, to], part) => {
      const { after, before } = endIndex[index][part];
      const start = after ?? depotIndex[index];
      const latest = outbound ? leavesLocationBy(input, vehicle.free[part]) : to;
      const end = outbound ? 0 : (before ?? anywhere);
      // A part too short even to call at the location and go on is no use (and no route at all).
      if (latest - from < duration[start][0] + duration[0][end]) return [];
      const id = windowId(vehicle.id, part);
      startOf.set(id, start);
      return [
        {
          id,
          start,
          end,
          capacity: [vehicle.seats, vehicle.childSeats],
          earliest: from,
          latest,
        },
      ];
    }),
  );
  const arriveBy = input.start - input.arriveMinutesBefore;
  const early = earlyWindow(input);
  const waitAfter = input.maxWaitAfterMinutes ?? input.maxEarlyMinutes ?? DEFAULT_MAX_EARLY_MINUTES;
  const previousOf = new Map<string, { vehicleId: string; time: number; weights: typeof STABILITY }>();
  for (const request of input.requests) {
    if (request.previous) previousOf.set(request.participantId, { ...request.previous, weights: STABILITY });
  }
  for (const ride of input.current ?? []) {
    for (const stop of ride.stops) {
      previousOf.set(stop.participantId, { vehicleId: ride.vehicleId, time: stop.time, weights: REPLAN });
    }
  }
  const jobs: Job[] = input.requests.map((request, r) => {
    const previous = previousOf.get(request.participantId);
    const vehicleIndex = previous ? input.vehicles.findIndex((v) => v.id === previous.vehicleId) : -1;
    const home = { location: homeIndex[r], service: boardingMinutes(request.children) };
    return {
      kind: 'pair',
      id: request.participantId,
      demand: [1 + request.children, request.children],
      ...(request.vehicleIds && {
        allowedVehicles: vehicles
          .map((vehicle) => vehicle.id)
          .filter((id) => request.vehicleIds!.includes(vehicleOf(id))),
      }),
      // Her ride counts from her pickup time, boarding included, as the plan format measures it.
      maxRide: request.maxRideMinutes - (outbound ? boardingMinutes(request.children) : 0),
      pickup: outbound ? home : { location: 0, service: 0, windows: [[input.end, input.end + waitAfter]] },
      delivery: outbound
        ? { location: 0, service: 0, windows: [[arriveBy - early, arriveBy]] }
        : { ...home, service: ALIGHTING_MINUTES },
      preference: previous && {
        vehicleId:
          vehicleIndex >= 0 ? windowId(previous.vehicleId, windowOf(vehicleIndex, previous.time)) : undefined,
        vehicleWeight: previous.weights.vehicleWeight,
        // Her time is kept afterwards, by moving her ride as a whole (settleOutbound): the core's own schedule
        // brings everyone in at the start of the arrival window, so a preferred time there would mislead it.
      },
    };
  });
  const problem: RoutingProblem = { duration, vehicles, jobs, costPerVehicle: COST_PER_VEHICLE };
  const known = new Set(input.requests.map((request) => request.participantId));
  const solution = solveRouting(problem, {
    seed: input.seed ?? 1,
    // A re-plan starts from the rides as they are and only drops or inserts riders: no search that could
    // reorder the others.
    iterations: input.current ? 0 : (input.iterations ?? sessionIterations(jobs.length)),
    warmStart: input.current && warmStartOf(input.current, input.vehicles, known),
  });

  const childrenOf = new Map(input.requests.map((request) => [request.participantId, request.children]));
  const stopOf = (jobId: string, time: number): PlannedStop => ({
    participantId: jobId,
    time,
    children: childrenOf.get(jobId)!,
  });
  const rides: PlannedRide[] = [];
  for (const route of solution.routes) {
    const vehicleId = vehicleOf(route.vehicleId);
    let from = startOf.get(route.vehicleId)!;
    let trip: { depart: number; stops: PlannedStop[]; drive: number } | undefined;
    const close = (arrive: number) => {
      if (trip && trip.stops.length > 0) {
        rides.push({
          vehicleId,
          direction: input.direction,
          depart: trip.depart,
          arrive,
          stops: trip.stops,
          driveMinutes: trip.drive,
        });
      }
      trip = undefined;
    };
    for (const visit of route.visits) {
      const drive = duration[from][visit.location];
      if (outbound && visit.location !== 0) {
        // A pickup: the trip leaves where the vehicle is (its depot, its last ride's end, or the location on a
        // second trip) just in time to reach her.
        trip ??= { depart: visit.arrival - drive, stops: [], drive: 0 };
        trip.drive += drive;
        trip.stops.push(stopOf(visit.jobId, visit.start));
      } else if (outbound) {
        if (trip) trip.drive += drive;
        close(visit.arrival);
      } else if (visit.location === 0) {
        // Picking up at the location: a new trip begins when the last drop-off of the previous one is done.
        if (trip && trip.stops.length > 0) close(trip.stops[trip.stops.length - 1].time);
        trip ??= { depart: visit.departure, stops: [], drive: 0 };
        trip.depart = Math.max(trip.depart, visit.departure);
      } else if (trip) {
        trip.drive += drive;
        trip.stops.push(stopOf(visit.jobId, visit.start));
      }
      from = visit.location;
    }
    if (!outbound && trip) close(trip.stops.at(-1)?.time ?? trip.depart);
  }
  const targets = new Map([...previousOf].map(([participantId, previous]) => [participantId, previous.time]));
  if (outbound) settleOutbound(rides, input, targets);
  return {
    rides: rides.sort((a, b) => a.depart - b.depart || a.vehicleId.localeCompare(b.vehicleId)),
    unrouted: solution.unassigned.map(({ jobId, reason }) => ({
      participantId: jobId,
      reason:
        reason === 'time-window' && busyElsewhere(input, jobId)
          ? REASON_TEXTS['vehicles-busy']
          : reason === 'fleet-full' && !seatsTaken(input, rides, childrenOf.get(jobId)!)
            ? REASON_TEXTS['pickups-in-the-way']
            : REASONS[reason],
    })),
  };
}

/**
 * Whether seats are what she lacks: every vehicle rides, and no ride has a seat (and child seats) left for her
 * and her children. Otherwise time binds (her ride limit, the arrival window, the other pickups on the way).
 */
function seatsTaken(input: SessionRidesInput, rides: PlannedRide[], children: number): boolean {
  // A vehicle that is not free this day is no seat anyone could have.
  return input.vehicles
    .filter((vehicle) => vehicle.free.length > 0)
    .every((vehicle) => {
      const own = rides.filter((ride) => ride.vehicleId === vehicle.id);
      return (
        own.length > 0 &&
        own.every((ride) => {
          const people = ride.stops.reduce((sum, stop) => sum + 1 + stop.children, 0);
          const seated = ride.stops.reduce((sum, stop) => sum + stop.children, 0);
          return people + 1 + children > vehicle.seats || seated + children > vehicle.childSeats;
        })
      );
    });
}

/** Whether she could be collected alone if the vehicles were not on other rides. */
function busyElsewhere(input: SessionRidesInput, participantId: string): boolean {
  if (!input.vehicles.some((vehicle) => vehicle.available)) return false;
  const alone = planSessionRides({
    ...input,
    requests: input.requests.filter((request) => request.participantId === participantId),
    vehicles: input.vehicles.map((vehicle) => ({
      ...vehicle,
      free: vehicle.available ?? vehicle.free,
      available: undefined,
    })),
    current: undefined,
    iterations: 50,
  });
  return alone.unrouted.length === 0;
}

/**
 * Moves each ride to the location as a whole (the same drive, the same ride for everyone): towards the times the
 * riders had before, or else as late as allowed, so that nobody waits long at the location before the start.
 * The ride stays within the arrival window, its vehicle's free time, and clear of the vehicle's other trips.
 */
function settleOutbound(rides: PlannedRide[], input: SessionRidesInput, targets: Map<string, number>): void {
  const arriveBy = input.start - input.arriveMinutesBefore;
  const early = earlyWindow(input);
  for (const ride of rides) {
    const parts = input.vehicles.find((vehicle) => vehicle.id === ride.vehicleId)!.free;
    const free = parts[partHolding(parts, ride.depart, ride.arrive)];
    if (!free) continue;
    const others = rides.filter((other) => other !== ride && other.vehicleId === ride.vehicleId);
    const earliest = Math.max(
      free[0] - ride.depart,
      arriveBy - early - ride.arrive,
      ...others.filter((other) => other.arrive <= ride.depart).map((other) => other.arrive - ride.depart),
    );
    const latest = Math.min(
      leavesLocationBy(input, free) - ride.arrive,
      arriveBy - ride.arrive,
      ...others.filter((other) => other.depart >= ride.arrive).map((other) => other.depart - ride.arrive),
    );
    if (earliest > latest) continue;
    const wishes = ride.stops
      .filter((stop) => targets.has(stop.participantId))
      .map((stop) => targets.get(stop.participantId)! - stop.time)
      .sort((a, b) => a - b);
    const wanted = wishes.length > 0 ? wishes[Math.floor((wishes.length - 1) / 2)] : latest;
    const shift = Math.min(latest, Math.max(earliest, wanted));
    ride.depart += shift;
    ride.arrive += shift;
    ride.stops.forEach((stop) => (stop.time += shift));
    if (targets.size > 0) keepTimes(ride, input, targets, ride.arrive + (latest - shift));
  }
}

/**
 * After a re-plan, moves each pickup of a ride towards the time she had, where the ride allows it: later while
 * the vehicle can still reach the next stop (or the location) in time, earlier while the one before can be
 * reached and her ride stays within its limit. The vehicle waits at her door instead of her waiting for it.
 */
function keepTimes(
  ride: PlannedRide,
  input: SessionRidesInput,
  targets: Map<string, number>,
  latestArrival: number,
): void {
  const requestOf = new Map(input.requests.map((request) => [request.participantId, request]));
  const home = (stop: PlannedStop) => requestOf.get(stop.participantId)!.home;
  const stops = ride.stops;
  // The ride may reach the location later, within its window and everyone's ride limit, for the last pickup.
  const arriveBy = Math.min(
    latestArrival,
    ...stops.map((stop) => stop.time + requestOf.get(stop.participantId)!.maxRideMinutes),
  );
  for (let k = stops.length - 1; k >= 0; k--) {
    const target = targets.get(stops[k].participantId);
    if (target === undefined || target <= stops[k].time) continue;
    const next = k + 1 < stops.length ? stops[k + 1] : undefined;
    const latest =
      (next
        ? next.time - input.minutes(home(stops[k]), home(next))
        : arriveBy - input.minutes(home(stops[k]), input.location)) - boardingMinutes(stops[k].children);
    stops[k].time = Math.max(stops[k].time, Math.min(latest, target));
    if (!next) {
      const arrival =
        stops[k].time + boardingMinutes(stops[k].children) + input.minutes(home(stops[k]), input.location);
      ride.arrive = Math.max(ride.arrive, arrival);
    }
  }
  for (let k = 1; k < stops.length; k++) {
    const target = targets.get(stops[k].participantId);
    if (target === undefined || target >= stops[k].time) continue;
    const before = stops[k - 1];
    const earliest = Math.max(
      before.time + boardingMinutes(before.children) + input.minutes(home(before), home(stops[k])),
      ride.arrive - requestOf.get(stops[k].participantId)!.maxRideMinutes,
    );
    stops[k].time = Math.min(stops[k].time, Math.max(earliest, target));
  }
}

/**
 * The current rides as the core's warm start: per vehicle part, its trips in order, each with its pickups then
 * its deliveries; riders no longer asked for are left out.
 */
function warmStartOf(current: PlannedRide[], vehicles: FleetVehicle[], known: Set<string>): WarmStart {
  const routes = new Map<string, WarmStart['routes'][number]>();
  for (const ride of [...current].sort((a, b) => a.depart - b.depart)) {
    const free = vehicles.find((vehicle) => vehicle.id === ride.vehicleId)?.free ?? [];
    const part = partHolding(free, ride.depart, ride.arrive);
    if (part < 0) continue;
    const id = windowId(ride.vehicleId, part);
    const route = routes.get(id) ?? { vehicleId: id, visits: [] };
    const riders = ride.stops.map((stop) => stop.participantId).filter((rider) => known.has(rider));
    route.visits.push(
      ...riders.map((jobId) => ({ jobId, type: 'pickup' as const })),
      ...riders.map((jobId) => ({ jobId, type: 'delivery' as const })),
    );
    routes.set(id, route);
  }
  return { routes: [...routes.values()] };
}
