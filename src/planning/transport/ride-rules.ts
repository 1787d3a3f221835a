import { reasonText } from '../reasons';
import { toMinutes } from '../time/calendar';
import { Direction, SessionRides } from './session-rides';

/** A vehicle's availability on a weekday, in minutes. */
export const availableOn = (
  vehicle: { availability: { weekday: number; from: string; to: string }[] },
  weekday: number,
): [number, number][] =>
  vehicle.availability
    .filter((window) => window.weekday === weekday)
    .map((window): [number, number] => [toMinutes(window.from), toMinutes(window.to)]);

/** Whether a vehicle may collect her: it is limited to no municipality, or to hers among others. */
export const collectsIn = (vehicle: { municipalityIds?: string[] }, municipalityId: string | undefined) =>
  !vehicle.municipalityIds?.length ||
  (municipalityId !== undefined && vehicle.municipalityIds.includes(municipalityId));

/** Her ride lasts at most the policy's minutes, or its factor times her direct travel time if that is more. */
export const rideLimit = (policy: { maxRideMinutes: number; maxRideFactor: number }, directMinutes: number) =>
  Math.max(policy.maxRideMinutes, Math.floor(policy.maxRideFactor * directMinutes));

/** The women on the rides. */
export const ridersOf = (rides: SessionRides) =>
  new Set(rides.rides.flatMap((ride) => ride.stops.map((stop) => stop.participantId)));

/**
 * The women routed in one direction only, with why: a woman brought and not taken home (or the other way round)
 * cannot come, so she rides neither way, and her other direction's reason says why.
 */
export function oneWayRiders(
  there: SessionRides,
  back: SessionRides,
): { participantId: string; routed: Direction; reason: string }[] {
  const why = (rides: SessionRides, participantId: string) =>
    rides.unrouted.find((u) => u.participantId === participantId)?.reason;
  const brought = ridersOf(there);
  const takenHome = ridersOf(back);
  return [
    ...[...brought]
      .filter((id) => !takenHome.has(id))
      .map((participantId) => ({
        participantId,
        routed: 'to' as const,
        reason: neitherWayReason('from', why(back, participantId)),
      })),
    ...[...takenHome]
      .filter((id) => !brought.has(id))
      .map((participantId) => ({
        participantId,
        routed: 'from' as const,
        reason: neitherWayReason('to', why(there, participantId)),
      })),
  ];
}

/**
 * Why she rides neither way when she lacks one: `missing` the way she has no ride, `cause` why. It is the reason
 * given for her other way, so that both of her ways say why.
 */
export const neitherWayReason = (missing: Direction, cause: string | undefined) =>
  reasonText(
    missing === 'to' ? 'no-ride-there-so-none-back' : 'no-ride-back-so-none-there',
    cause || undefined,
  );
