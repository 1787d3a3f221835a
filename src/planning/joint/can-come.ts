import { reasonText } from '../reasons';
import { straightLineKm } from '../travel/offline-travel';
import { TravelMinutes, travelModeOf } from '../travel/travel-mode';
import { JointInput, JointParticipant, JointPlan, JointSession, Verdict } from './model';
import { childrenNeedingCare } from './session-care';
import { estimatedAway, formatDirectMinutes, TimeAway } from './time-away';

/** The plan format's distances: care this close to the location goes with her, this close to home is near home. */
const FORMAT_WITH_HER_KM = 1.0;
const FORMAT_NEAR_HOME_KM = 2.0;

export interface StandingBooking {
  childId: string;
  participantId: string;
  sessionId: string;
  providerId: string;
  from: number;
  to: number;
}

export interface StandingStop {
  participantId: string;
  sessionId: string;
  direction: 'to' | 'from';
  time: number;
  children: number;
}

/** The input of canComeOf: travel times are needed only for the women who take the bus. */
export type CanComeInput = Omit<JointInput, 'vehicles' | 'minutes'> & { minutes?: TravelMinutes };

/**
 * Whether she can actually come to each session of hers, by the plan as it stands (the plan format's rules):
 * nothing in the way, every child who needs care while she is away cared for at a place she can bring the
 * child to, and a ride both ways when she is collected. The reasons say what is missing. A woman who takes the
 * bus is away for her trip by public transport when that is longer than the format's estimate (`minutes`), so
 * that the measure is never kinder than the plan checker's.
 */
export function canComeOf(
  input: CanComeInput,
  bookings: StandingBooking[],
  stops: StandingStop[],
): Verdict[] {
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const locations = new Map(input.locations.map((l) => [l.id, l.position]));
  const providers = new Map(input.providers.map((p) => [p.id, p]));
  const stopOf = new Map<string, StandingStop>();
  for (const stop of stops) {
    const key = `${stop.participantId}|${stop.sessionId}|${stop.direction}`;
    const known = stopOf.get(key);
    // Her earliest pickup and her latest drop-off, as the format reads a plan that lists her twice.
    if (!known || (stop.direction === 'to' ? stop.time < known.time : stop.time > known.time))
      stopOf.set(key, stop);
  }
  const bookingsOf = new Map<string, StandingBooking[]>();
  for (const booking of bookings) {
    const key = `${booking.participantId}|${booking.sessionId}`;
    bookingsOf.set(key, [...(bookingsOf.get(key) ?? []), booking]);
  }
  const verdicts: Verdict[] = [];
  for (const session of [...input.sessions].sort(
    (a, b) => a.date.localeCompare(b.date) || a.start - b.start,
  )) {
    const location = locations.get(session.locationId);
    if (!location) continue;
    for (const id of [...new Set(session.memberIds)].sort()) {
      const p = participants.get(id);
      if (!p) continue;
      const reasons = reasonsOf(
        p,
        session,
        location,
        input,
        stopOf,
        bookingsOf.get(`${id}|${session.id}`) ?? [],
        providers,
      );
      verdicts.push({ participantId: id, sessionId: session.id, canCome: reasons.length === 0, reasons });
    }
  }
  return verdicts;
}

/**
 * Whether she can come to each session of a joint plan, by the same rules as a plan that is stored (canComeOf).
 * The planner's own verdicts are stricter where a child's need is a matter of minutes (it keeps no slack on her
 * time away): what a plan is said to reach is this measure, the one its export and the plan checker give.
 */
export function canComeByPlan(input: CanComeInput, plan: Pick<JointPlan, 'bookings' | 'rides'>): Verdict[] {
  return canComeOf(
    input,
    plan.bookings,
    plan.rides.flatMap((ride) =>
      ride.stops.map((stop) => ({
        participantId: stop.participantId,
        sessionId: ride.sessionId,
        direction: ride.direction,
        time: stop.time,
        children: stop.children,
      })),
    ),
  );
}

function reasonsOf(
  p: JointParticipant,
  session: JointSession,
  location: { lat: number; lon: number },
  input: CanComeInput,
  stopOf: Map<string, StandingStop>,
  booked: StandingBooking[],
  providers: Map<string, JointInput['providers'][number]>,
): string[] {
  const blocked = session.blocked.get(p.id);
  if (blocked) return [blocked];
  // She takes part from home: no ride, and no care for her children, is needed.
  if (session.online?.has(p.id)) return [];
  const reasons: string[] = [];
  const there = stopOf.get(`${p.id}|${session.id}|to`);
  const back = stopOf.get(`${p.id}|${session.id}|from`);
  const carPooled = session.carPooled?.has(p.id) ?? false;
  if (p.transport === 'pickup' && !carPooled && !(there && back))
    reasons.push(reasonText(there ? 'no-ride-back' : 'no-ride-there'));
  const mode = travelModeOf(p.transport);
  const travel = p.position
    ? Math.max(
        formatDirectMinutes(p.position, location),
        mode === 'transit' && input.minutes ? input.minutes(p.position, location, mode) : 0,
      )
    : 0;
  const estimate = estimatedAway(session, input.policy.arriveMinutesBefore, travel);
  // The format's slack on each end: 2 minutes where a stop gives the time, 10 where it is estimated.
  const away: TimeAway = {
    from: there ? there.time + 2 : estimate.from + 10,
    to: back ? back.time - 2 : estimate.to - 10,
  };
  const nearLocation = booked.filter((b) => {
    const at = providers.get(b.providerId)?.position;
    return at !== undefined && straightLineKm(at, location) <= FORMAT_WITH_HER_KM;
  }).length;
  const cared = new Set<string>();
  for (const booking of booked) {
    const at = providers.get(booking.providerId)?.position;
    if (!at || booking.from > session.start || booking.to < session.end) continue;
    if (straightLineKm(at, location) <= FORMAT_WITH_HER_KM) {
      if (there && [there, back].some((stop) => stop && stop.children < nearLocation)) {
        reasons.push(reasonText('child-not-on-board'));
        continue;
      }
    } else if (p.position && straightLineKm(at, p.position) <= FORMAT_NEAR_HOME_KM) {
      if (booking.from > away.from || booking.to < away.to) {
        reasons.push(reasonText('care-near-home-too-short'));
        continue;
      }
    } else {
      reasons.push(reasonText('care-far-away'));
      continue;
    }
    cared.add(booking.childId);
  }
  if (childrenNeedingCare({ participant: p, away }, session, input).some((child) => !cared.has(child.id)))
    reasons.push(reasonText('no-care-place'));
  return [...new Set(reasons)];
}
