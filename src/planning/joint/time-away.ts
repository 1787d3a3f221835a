import { Position, straightLineKm } from '../travel/offline-travel';

/**
 * Her direct travel time as the plan format estimates it where no ride gives it: the straight line × 1.3 at
 * 40 km/h, rounded up. The planner takes the longer of this and its own travel model, so that a child the
 * format counts as needing care is never missed.
 */
export const formatDirectMinutes = (home: Position, location: Position): number =>
  Math.ceil(((straightLineKm(home, location) * 1.3) / 40) * 60);

/** Her time away from home for a session: from her pickup (or when she must leave) until she is home again. */
export interface TimeAway {
  from: number;
  to: number;
}

/** Her time away estimated from her travel time, when no ride gives it. */
export const estimatedAway = (
  session: { start: number; end: number },
  arriveMinutesBefore: number,
  travel: number,
): TimeAway => ({ from: session.start - arriveMinutesBefore - travel, to: session.end + travel });
