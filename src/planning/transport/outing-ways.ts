import { Position } from '../travel/offline-travel';
import { rideLimit } from './ride-rules';
import { Direction } from './session-rides';

/** Where a session's rides go one way, and the session's times as that way counts them. */
export interface RideWay {
  location: Position;
  start: number;
  end: number;
}

/** An outing's ends: its first place, reached by `start`, and its last, left at `end`. */
export interface OutingWayEnds {
  first: { location: Position; start: number };
  last: { location: Position; end: number };
}

/**
 * Where and when a session's rides go, each way: to an outing's first place by its arrival, home from its last
 * place when it leaves; otherwise the session's own location and times. A way's times keep start before end.
 */
export function rideWays(usual: RideWay, outing?: OutingWayEnds): Record<Direction, RideWay> {
  if (!outing) return { to: usual, from: usual };
  const { first, last } = outing;
  return {
    to: { location: first.location, start: first.start, end: Math.max(usual.end, first.start + 1) },
    from: { location: last.location, start: Math.min(usual.start, last.end - 1), end: last.end },
  };
}

/** Her ride limit counts from the place of the way: on a tour, home is from the last place, not the first. */
export const limitsFrom = <T extends { home: Position; maxRideMinutes: number }>(
  requests: T[],
  location: Position,
  policy: { maxRideMinutes: number; maxRideFactor: number },
  minutes: (from: Position, to: Position) => number,
): T[] =>
  requests.map((request) => ({
    ...request,
    maxRideMinutes: rideLimit(policy, minutes(request.home, location)),
  }));
