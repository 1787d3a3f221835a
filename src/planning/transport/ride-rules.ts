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

/**
 * The women routed in one direction only, with why: a woman brought and not taken home (or the other way round)
 * cannot come, so she rides neither way, and her other direction's reason says why.
 */
export function oneWayRiders(
  there: SessionRides,
  back: SessionRides,
): { participantId: string; routed: Direction; reason: string }[] {
  const riders = (rides: SessionRides) =>
    new Set(rides.rides.flatMap((ride) => ride.stops.map((stop) => stop.participantId)));
  const why = (rides: SessionRides, participantId: string) =>
    rides.unrouted.find((u) => u.participantId === participantId)?.reason;
  const brought = riders(there);
  const takenHome = riders(back);
  const reason = (missing: string, cause: string | undefined, so: string) =>
    `${missing}${cause ? ` (${cause})` : ''}, so none ${so}`;
  return [
    ...[...brought]
      .filter((id) => !takenHome.has(id))
      .map((participantId) => ({
        participantId,
        routed: 'to' as const,
        reason: reason('no ride back', why(back, participantId), 'there'),
      })),
    ...[...takenHome]
      .filter((id) => !brought.has(id))
      .map((participantId) => ({
        participantId,
        routed: 'from' as const,
        reason: reason('no ride there', why(there, participantId), 'back'),
      })),
  ];
}
