import { WeeklySlot } from '../scheduling/model';
import { availableOn, collectsIn, rideLimit } from '../transport/ride-rules';
import { ALIGHTING_MINUTES, boardingMinutes } from '../transport/session-rides';
import { Position } from '../travel/offline-travel';
import { JointParticipant, JointPolicy, JointVehicle } from './model';
import { relaxedFigures, SegmentFigures, SegmentInput, segmentFigures } from './ride-segments';
import { fleetSets, mostInEvery, segmentSets } from './ride-sets';

/** What the ride bound reads of the region. */
export interface RideResources {
  policy: JointPolicy;
  vehicles: JointVehicle[];
  minutes: (from: Position, to: Position) => number;
}

/** A woman who needs a ride on a date, with her children who must ride along (their care is at the location). */
export interface Rider {
  p: JointParticipant;
  children: number;
}

/**
 * The minutes of a stop's service the rides planner counts at least: boarding at home on the way there (more
 * with children), getting out at home on the way back.
 */
const SERVICE = { to: boardingMinutes(0), from: ALIGHTING_MINUTES } as const;
type Way = keyof typeof SERVICE;

/** Segments enumerated per group and direction at most; past it, the looser figures of `relaxedFigures`. */
const SEGMENT_BUDGET = 5_000;

/**
 * An upper bound on how many of a group's riders the rides planner can take there and back at one weekly time,
 * the group given the whole fleet. Built once per group (its riders' homes, the location, their ride limits);
 * the answer takes the riders who come on a date.
 *
 * Why it is an upper bound. Per session and direction, each vehicle's free part of the day is one route; its
 * segments (see SegmentFigures) hold at most `cap` women each, so summing 1/cap over a segment's women gives at
 * most 1. One segment per part needs no time of the window (there the first, from the depot; back the last,
 * which need not return); every other one leaves the location and comes back between two visits that both fall
 * in the window (there: from maxEarly to arriveMinutesBefore before the start; back: from the end for maxEarly),
 * so the others of a part last at most the part's room in the window, each at least the `round` of each of its
 * women, and their women's `share`s sum to at most their length. A woman rides both ways or not at all, so the
 * smaller of the two directions bounds both. Women whom only some vehicles collect use only those vehicles.
 * Where a group has few riders (ride-sets' MOST_RIDERS_BY_SETS), the same argument is also made for whole sets of them,
 * without dividing segments into shares: the most riders of a date in one set that the fleet carries there and
 * back (ride-sets), each woman boarding there with the children who ride along, as the rides planner counts it
 * (a minute a child). The least of the figures holds.
 */
export function rideBound(
  groupMembers: JointParticipant[],
  location: Position,
  region: RideResources,
): (slot: WeeklySlot, riders: Rider[], childrenOf: (p: JointParticipant) => number) => number {
  const homes = groupMembers.filter((p) => p.transport === 'pickup' && p.position !== undefined);
  const index = new Map(homes.map((p, i) => [p.id, i]));
  const points = [location, ...homes.map((p) => p.position!)];
  const direct = points.map((from) => points.map((to) => (from === to ? 0 : region.minutes(from, to))));
  const limits = homes.map((p) => rideLimit(region.policy, region.minutes(p.position!, location)));
  const seats = Math.max(0, ...region.vehicles.map((vehicle) => vehicle.seats));
  const { arriveMinutesBefore, maxEarlyMinutes } = region.policy;
  const inputOf = (direction: Way): SegmentInput => ({
    direction,
    direct,
    // There her ride counts from leaving her home, her own boarding done.
    limits: limits.map((limit) => (direction === 'to' ? limit - SERVICE.to : limit)),
    service: SERVICE[direction],
    seats,
    window: direction === 'to' ? maxEarlyMinutes - arriveMinutesBefore : maxEarlyMinutes,
    budget: SEGMENT_BUDGET,
  });
  const figuresOf = (direction: Way) => {
    const input = inputOf(direction);
    return segmentFigures(input) ?? relaxedFigures(input);
  };
  const figures = { to: figuresOf('to'), from: figuresOf('from') };
  // There, each woman boards with the children who ride along (more minutes at her stop, fewer for her ride):
  // the sets there are enumerated per children riding along, most slots having the same.
  const setsFrom = segmentSets(inputOf('from'));
  const setsTo = new Map<string, ReturnType<typeof segmentSets>>();
  const setsThere = (children: number[]) => {
    const key = children.join();
    if (!setsTo.has(key)) {
      const input = inputOf('to');
      const boarding = children.map(boardingMinutes);
      setsTo.set(
        key,
        segmentSets({
          ...input,
          limits: limits.map((limit, i) => limit - boarding[i]),
          services: boarding,
        }),
      );
    }
    return setsTo.get(key);
  };
  // The sets one fleet carries both ways, by the parts of the vehicles' days a slot leaves (most slots: the same).
  const setsCache = new Map<string, Uint8Array>();
  const mostBothWays = (slot: WeeklySlot, children: number[]): Uint8Array | undefined => {
    const sets = { to: setsThere(children), from: setsFrom };
    if (!sets.to || !sets.from) return undefined;
    const ways = (['to', 'from'] as const).map((direction) =>
      partsIn(direction, slot, region).map(({ vehicle, room }) => ({
        may: homes.reduce(
          (bits, p, i) => (collectsIn(vehicle, p.municipalityId) ? bits | (1 << i) : bits),
          0,
        ),
        seats: vehicle.seats,
        childSeats: vehicle.childSeats,
        room,
      })),
    );
    const key = JSON.stringify([ways, children]);
    let most = setsCache.get(key);
    if (!most) {
      const carried = [fleetSets(sets.to, ways[0], children), fleetSets(sets.from, ways[1], children)];
      setsCache.set(key, (most = mostInEvery(carried, homes.length)));
    }
    return most;
  };
  const cache = new Map<string, number>();
  return (slot, riders, childrenOf) => {
    const collectable = riders.filter(
      ({ p }) => index.has(p.id) && region.vehicles.some((vehicle) => collectsIn(vehicle, p.municipalityId)),
    );
    const who = collectable.map(({ p, children }) => `${p.id}:${children}`).join();
    const key = `${slot.weekday}|${slot.start}|${slot.end}|${who}`;
    let found = cache.get(key);
    if (found === undefined) {
      const women = collectable.map(({ p, children }) => ({ p, children, at: index.get(p.id)! }));
      const riding = collectable.reduce((bits, { p }) => bits | (1 << index.get(p.id)!), 0);
      // Every woman's children at this slot, whether she rides on this date or not: the dates share tables.
      const children = homes.map(childrenOf);
      found = Math.min(
        wayBound('to', slot, women, figures.to, region),
        wayBound('from', slot, women, figures.from, region),
        mostBothWays(slot, children)?.[riding] ?? Infinity,
      );
      cache.set(key, found);
    }
    return found;
  };
}

interface Woman extends Rider {
  at: number;
}

/** A vehicle's free part of the day with the room it leaves in the window for segments beyond its free one. */
interface Part {
  vehicle: JointVehicle;
  room: number;
}

/** The free parts of the vehicles' days at a slot in one direction, with their room in its window. */
function partsIn(direction: Way, slot: WeeklySlot, region: RideResources): Part[] {
  const { arriveMinutesBefore, maxEarlyMinutes } = region.policy;
  const [earliest, latest] =
    direction === 'to'
      ? [slot.start - maxEarlyMinutes, slot.start - arriveMinutesBefore]
      : [slot.end, slot.end + maxEarlyMinutes];
  return region.vehicles.flatMap((vehicle) =>
    availableOn(vehicle, slot.weekday).flatMap(([from, to]) => {
      const room = Math.min(latest, to) - Math.max(earliest, from);
      return room >= 0 ? [{ vehicle, room }] : [];
    }),
  );
}

function wayBound(
  direction: Way,
  slot: WeeklySlot,
  women: Woman[],
  figures: SegmentFigures[],
  region: RideResources,
): number {
  const parts = partsIn(direction, slot, region);
  const classes = new Map<string, JointVehicle[]>([['*', region.vehicles]]);
  for (const w of women) {
    const vehicles = region.vehicles.filter((v) => collectsIn(v, w.p.municipalityId));
    classes.set(vehicles.map((v) => v.id).join(), vehicles);
  }
  let best = women.length;
  for (const vehicles of classes.values()) {
    const usable = new Set(vehicles);
    const own = parts.filter((part) => usable.has(part.vehicle));
    const inClass = women.filter((w) =>
      region.vehicles.every((v) => usable.has(v) || !collectsIn(v, w.p.municipalityId)),
    );
    const seats = Math.max(0, ...own.map((part) => part.vehicle.seats));
    const childSeats = Math.max(0, ...own.map((part) => part.vehicle.childSeats));
    // Her children ride in seats and child seats of the same vehicle: with too many she rides in none.
    const able = inClass
      .filter((w) => 1 + w.children <= seats && w.children <= childSeats)
      .map((w) => ({ ...figures[w.at], children: w.children }));
    const first = mostWithin(
      able.map((f) => [1 / Math.min(f.cap, seats), 1 + f.children, f.children]),
      [
        own.length,
        own.reduce((sum, part) => sum + part.vehicle.seats, 0),
        own.reduce((sum, part) => sum + part.vehicle.childSeats, 0),
      ],
    );
    const widest = Math.max(-1, ...own.map((part) => part.room));
    const later = able.filter((f) => f.round <= widest);
    const shortest = Math.min(...later.map((f) => f.round));
    const segments = own.reduce((sum, part) => sum + Math.floor(part.room / shortest), 0);
    const carried = mostWithin(
      later.map((f) => [f.share, 1 / Math.min(f.roundCap, seats), 1 + f.children, f.children]),
      [own.reduce((sum, part) => sum + part.room, 0), segments, segments * seats, segments * childSeats],
    );
    best = Math.min(best, women.length - inClass.length + Math.min(able.length, first + carried));
  }
  return best;
}

/** Weights on each resource, in quarters summing to 1: each mix of the resources is one resource too. */
const mixes = (resources: number, quarters = 4): number[][] =>
  resources === 1
    ? [[quarters / 4]]
    : Array.from({ length: quarters + 1 }, (_, q) =>
        mixes(resources - 1, quarters - q).map((rest) => [q / 4, ...rest]),
      ).flat();

/**
 * The most items that fit within every resource at once, bounded from above: any mix of the resources, each
 * weighted by its share of the whole, is itself a resource the items fit in, and for one resource the cheapest
 * items first are the most that fit. The fewest over a few mixes.
 */
function mostWithin(costs: number[][], budgets: number[]): number {
  let most = costs.length;
  for (const mix of mixes(budgets.length)) {
    const mixed = costs.map((cost) =>
      cost.reduce((sum, amount, j) => {
        if (mix[j] === 0 || amount === 0) return sum;
        return sum + (budgets[j] > 0 ? (mix[j] * amount) / budgets[j] : Infinity);
      }, 0),
    );
    most = Math.min(most, fitting(mixed, 1));
  }
  return most;
}

/** The most items whose costs sum to at most the budget: the cheapest first. */
function fitting(costs: number[], budget: number): number {
  let count = 0;
  let spent = 0;
  for (const cost of [...costs].sort((a, b) => a - b)) {
    // A tolerance for sums of fractions.
    if (spent + cost > budget + 1e-9) break;
    spent += cost;
    count++;
  }
  return count;
}
