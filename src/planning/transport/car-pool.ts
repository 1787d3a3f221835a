import { Position } from '../travel/offline-travel';

/**
 * How far out of her way a woman who drives herself is asked to go: her detour each way may be `maxDetourMinutes`,
 * or `maxDetourShare` of her direct time when that is more (a long trip tolerates a longer detour).
 */
export interface CarPoolRules {
  maxDetourMinutes: number;
  maxDetourShare: number;
}

export const DEFAULT_CAR_POOL_RULES: CarPoolRules = { maxDetourMinutes: 10, maxDetourShare: 0.25 };

/** A woman who comes by car and offers seats: `seats` are those still free for others this session. */
export interface CarPoolDriver {
  id: string;
  home: Position;
  seats: number;
}

/** A woman of the same session who needs a ride, with the children who would ride along with her. */
export interface CarPoolRider {
  id: string;
  home: Position;
  children: number;
  /** Whether the vehicles already collect her: those who have no ride are seated first. */
  routed: boolean;
  /** Her ride (from pickup to the location, or back to her door) lasts at most this long. */
  maxRideMinutes: number;
}

export interface CarPoolInput {
  location: Position;
  drivers: CarPoolDriver[];
  riders: CarPoolRider[];
  minutes: (from: Position, to: Position) => number;
  rules?: CarPoolRules;
  /** Pairs not to propose again (`driverId|riderId`): she said no, or they ride together already. */
  notTogether?: Set<string>;
}

/** One driver's car for the session: whom she collects, in order, and what it costs her. */
export interface CarPoolProposal {
  driverId: string;
  /** In the order she collects them; she takes them home in the reverse order. */
  riderIds: string[];
  directMinutes: number;
  /** Her trip there (home, riders, location) and home (location, riders, home), in minutes. */
  thereMinutes: number;
  backMinutes: number;
}

interface Car {
  driver: CarPoolDriver;
  riders: CarPoolRider[];
  seatsLeft: number;
  direct: number;
  allowed: number;
  cost: number;
}

/**
 * Proposes, for one session, which women who need a ride each driver could take along. Greedy: of all the
 * insertions that keep every detour and ride within its limit and every car within its seats, the cheapest (least
 * extra driving) goes first; women without a ride are seated before those the vehicles already collect. Ties go
 * by the drivers' and riders' ids, so the same input gives the same proposal.
 */
export function proposeCarPools(input: CarPoolInput): CarPoolProposal[] {
  const rules = input.rules ?? DEFAULT_CAR_POOL_RULES;
  const { minutes, location } = input;
  const cars: Car[] = [...input.drivers]
    .filter((driver) => driver.seats > 0)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((driver) => {
      const direct = Math.max(minutes(driver.home, location), minutes(location, driver.home));
      return {
        driver,
        riders: [],
        seatsLeft: driver.seats,
        direct,
        allowed: Math.max(rules.maxDetourMinutes, Math.floor(rules.maxDetourShare * direct)),
        cost: 0,
      };
    });
  const waiting = [...input.riders].sort((a, b) => a.id.localeCompare(b.id));
  for (;;) {
    const best = cheapestInsertion(cars, waiting, minutes, location, input.notTogether ?? new Set());
    if (!best) break;
    const car = cars[best.car];
    car.riders = best.riders;
    car.seatsLeft -= 1 + best.rider.children;
    car.cost = best.cost;
    waiting.splice(waiting.indexOf(best.rider), 1);
  }
  return cars
    .filter((car) => car.riders.length > 0)
    .map((car) => {
      const trips = tripsOf(car.driver.home, car.riders, location, minutes);
      return {
        driverId: car.driver.id,
        riderIds: car.riders.map((rider) => rider.id),
        directMinutes: car.direct,
        thereMinutes: trips.there,
        backMinutes: trips.back,
      };
    });
}

function cheapestInsertion(
  cars: Car[],
  waiting: CarPoolRider[],
  minutes: CarPoolInput['minutes'],
  location: Position,
  notTogether: Set<string>,
): { car: number; rider: CarPoolRider; riders: CarPoolRider[]; cost: number } | undefined {
  for (const routed of [false, true]) {
    let best: { car: number; rider: CarPoolRider; riders: CarPoolRider[]; cost: number } | undefined;
    let bestExtra = Infinity;
    cars.forEach((car, index) => {
      for (const rider of waiting) {
        if (rider.routed !== routed || car.seatsLeft < 1 + rider.children) continue;
        if (notTogether.has(`${car.driver.id}|${rider.id}`)) continue;
        for (let at = 0; at <= car.riders.length; at++) {
          const riders = [...car.riders.slice(0, at), rider, ...car.riders.slice(at)];
          const trips = tripsOf(car.driver.home, riders, location, minutes);
          if (!trips.ridesWithin || Math.max(trips.there, trips.back) - car.direct > car.allowed) continue;
          const cost = trips.there + trips.back;
          // Strictly cheaper only: the first found (by driver, rider, then position) wins a tie.
          if (cost - car.cost < bestExtra) {
            bestExtra = cost - car.cost;
            best = { car: index, rider, riders, cost };
          }
        }
      }
    });
    if (best) return best;
  }
  return undefined;
}

/** Her trips with these riders, and whether every rider's ride both ways stays within her limit. */
function tripsOf(
  home: Position,
  riders: CarPoolRider[],
  location: Position,
  minutes: CarPoolInput['minutes'],
): { there: number; back: number; ridesWithin: boolean } {
  let ridesWithin = true;
  // There: each rider rides from her door to the location, through the stops after hers.
  let toLocation = 0;
  for (let i = riders.length - 1; i >= 0; i--) {
    toLocation += minutes(riders[i].home, i + 1 < riders.length ? riders[i + 1].home : location);
    if (toLocation > riders[i].maxRideMinutes) ridesWithin = false;
  }
  const there = (riders.length > 0 ? minutes(home, riders[0].home) : minutes(home, location)) + toLocation;
  // Back: the reverse order, each rider from the location to her door.
  let back = 0;
  let place = location;
  for (let i = riders.length - 1; i >= 0; i--) {
    back += minutes(place, riders[i].home);
    if (back > riders[i].maxRideMinutes) ridesWithin = false;
    place = riders[i].home;
  }
  back += minutes(place, home);
  return { there, back, ridesWithin };
}
