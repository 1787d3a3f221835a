import { reasonText } from '../reasons';
import { BusyRide, freeWindows, intersectWindows } from '../transport/free-windows';
import { limitsFrom, RideWay, rideWays } from '../transport/outing-ways';
import { outingRides } from '../transport/group-bus';
import {
  availableOn,
  collectsIn,
  oneWayRiders,
  neitherWayReason,
  rideLimit,
  ridersOf,
} from '../transport/ride-rules';
import {
  busyRideOf,
  Direction,
  FleetVehicle,
  planSessionRides,
  PlannedRide,
  RideRequest,
  SessionRides,
  sessionIterations,
} from '../transport/session-rides';
import { Position } from '../travel/offline-travel';
import { CareLedger } from '../childcare/care-ledger';
import { DAY_ORDER_TRIALS, planDate } from './day-order';
import { dateKey } from './date-key';
import { JointInput, JointParticipant, JointPlan, JointSession, JointUnmet, Verdict } from './model';
import {
  childrenNeedingCare,
  Mother,
  MotherCare,
  planSessionCare,
  releaseCare,
  SIBLING_WITHOUT_PLACE,
} from './session-care';
import { estimatedAway, formatDirectMinutes, TimeAway } from './time-away';
import { travelModeOf } from '../travel/travel-mode';

/** Rounds of routing and care per session before what still disagrees is settled by giving up her ride. */
const MAX_ROUNDS = 4;

export const REASON_NO_RIDE_THERE = reasonText('no-ride-there');
export const REASON_NO_RIDE_BACK = reasonText('no-ride-back');
export const REASON_NO_CARE = reasonText('no-care-place');
const NO_RIDE_FOR_MOTHER = reasonText('mother-has-no-ride');
const NOT_COLLECTED_FOR_CARE = reasonText('not-collected', reasonText('child-without-place'));
const BOTH_WAYS: Direction[] = ['to', 'from'];

/**
 * Plans childcare and rides of sessions together, so that they agree: a woman is collected both ways or not at
 * all; a child cared for near the location rides along (a seat and a child seat) both ways; care near home
 * covers her whole time away, from her pickup until she is home; a school-age child needs care when that time
 * leaves the school's hours. Each date is planned on its own (care places and vehicles are held per date): its
 * sessions one after the other, each taking the care places and vehicle time the ones before left, in the order
 * of the day that lets most women come (see planDate). Deterministic for the input and its seed, so a date
 * found in `rememberedDates` is not planned again.
 */
export function planCareAndRides(input: JointInput): JointPlan {
  const cache = new Map<string, SessionRides>();
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const locations = new Map(input.locations.map((l) => [l.id, l.position]));
  const plan: JointPlan = { bookings: [], unmet: [], rides: [], unrouted: [], verdicts: [] };
  const sessions = [...input.sessions].sort(
    // Never by the session's id: it is a database id, new in every database.
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.start - b.start ||
      a.locationId.localeCompare(b.locationId) ||
      a.groupId.localeCompare(b.groupId),
  );
  const planInOrder = (order: JointSession[]): JointPlan => {
    const ledger = new CareLedger();
    const busy = new Map<string, BusyRide[]>();
    const day: JointPlan = { bookings: [], unmet: [], rides: [], unrouted: [], verdicts: [] };
    for (const session of order) {
      const location = locations.get(session.locationId);
      if (!location) continue;
      const ways = waysOf(session, location, locations.get(session.outing?.from.locationId ?? ''));
      planSession(input, session, ways, participants, ledger, busy, cache, day);
    }
    return day;
  };
  for (let first = 0; first < sessions.length;) {
    let next = first;
    while (next < sessions.length && sessions[next].date === sessions[first].date) next++;
    const ofDate = sessions.slice(first, next);
    const memory = input.rememberedDates;
    const key = memory ? dateKey(sessions[first].date, ofDate) : '';
    let day = memory?.get(key);
    if (!day) {
      day = planDate(ofDate, planInOrder, lostToCareOrRides, input.orderTrials ?? DAY_ORDER_TRIALS);
      memory?.set(key, day);
    }
    for (const part of Object.keys(plan) as (keyof JointPlan)[]) (plan[part] as unknown[]).push(...day[part]);
    first = next;
  }
  return plan;
}

const same = (text: string) => text;

const lostToCareOrRides = (verdict: Verdict) =>
  verdict.reasons.some((reason) => LOST_TO_CARE_OR_RIDES.has(reason));
const LOST_TO_CARE_OR_RIDES = new Set([REASON_NO_RIDE_THERE, REASON_NO_RIDE_BACK, REASON_NO_CARE]);

function waysOf(
  session: JointSession,
  location: Position,
  lastPlace: Position | undefined,
): Record<Direction, RideWay> {
  const { outing } = session;
  return rideWays(
    { location, start: session.start, end: session.end },
    outing && {
      first: { location, start: outing.to.start },
      last: { location: lastPlace ?? location, end: outing.from.end },
    },
  );
}

function planSession(
  input: JointInput,
  session: JointSession,
  ways: Record<Direction, RideWay>,
  participants: Map<string, JointParticipant>,
  ledger: CareLedger,
  busy: Map<string, BusyRide[]>,
  cache: Map<string, SessionRides>,
  plan: JointPlan,
): void {
  const { policy } = input;
  const location = ways.to.location;
  const members = [...new Set(session.memberIds)]
    .sort()
    .map((id) => participants.get(id))
    .filter((p): p is JointParticipant => p !== undefined);
  const online = (p: JointParticipant) => session.online?.has(p.id) ?? false;
  // Who comes to the location: not blocked, and not taking part from home.
  const attendees = members.filter((p) => !session.blocked.has(p.id) && !online(p));
  const direct = (p: JointParticipant) =>
    p.position
      ? Math.max(
          input.minutes(p.position, location, travelModeOf(p.transport)),
          formatDirectMinutes(p.position, location),
        )
      : 0;
  const estimate = (p: JointParticipant) => estimatedAway(session, policy.arriveMinutesBefore, direct(p));
  const needsRide = (p: JointParticipant) => p.transport === 'pickup' && !session.carPooled?.has(p.id);
  const riders = attendees.filter((p) => needsRide(p) && p.position);
  const fleet = fleetFor(input, session, busy);
  const homeOf = (participantId: string) => participants.get(participantId)?.position;

  // First guess of who rides with her: every child who needs care while she is away, as estimated.
  let onBoard = new Map(
    riders.map((p) => [
      p.id,
      childrenNeedingCare({ participant: p, away: estimate(p) }, session, input).length,
    ]),
  );
  const givenUp = new Map<string, string>();
  for (const p of riders)
    if (!input.vehicles.some((v) => collectsIn(v, p.municipalityId)))
      givenUp.set(p.id, reasonText('no-vehicle-in-municipality'));
  let outcome: Outcome | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const active = riders.filter((p) => !givenUp.has(p.id));
    const rides = routeBothWays(
      input,
      ways,
      active,
      onBoard,
      fleet,
      cache,
      session.outing !== undefined,
      homeOf,
    );
    const away = (p: JointParticipant): TimeAway => {
      const to = rides.stopTime.get(`${p.id}|to`);
      const from = rides.stopTime.get(`${p.id}|from`);
      return to !== undefined && from !== undefined ? { from: to, to: from } : estimate(p);
    };
    const coming = attendees.filter((p) => !needsRide(p) || rides.both.has(p.id));
    const mothers: Mother[] = coming.map((p) => ({
      participant: p,
      away: away(p),
      rides: rides.both.has(p.id),
    }));
    const care = planSessionCare(session, location, mothers, input, ledger);
    // Riders whose children have no care cannot come: their seats go to others in the next round.
    const noCare = care.filter((c) => c.unmet.length > 0 && rides.both.has(c.participantId));
    // Children riding who are cared for near home take seats for nothing; ones cared for near the location
    // and not on board contradict the plan: either way, route again with the children who ride.
    const short = care.filter(
      (c) => rides.both.has(c.participantId) && c.nearLocation !== (onBoard.get(c.participantId) ?? 0),
    );
    const settled = noCare.length === 0 && short.length === 0;
    outcome = { rides, care, away };
    if (settled || round === MAX_ROUNDS - 1) break;
    care.forEach((c) => releaseCare(c, input.providers, ledger));
    noCare.forEach((c) => givenUp.set(c.participantId, NOT_COLLECTED_FOR_CARE));
    const next = new Map(onBoard);
    for (const c of care) if (rides.both.has(c.participantId)) next.set(c.participantId, c.nearLocation);
    onBoard = next;
  }
  const { rides, care, away } = outcome!;
  const careOf = new Map(care.map((c) => [c.participantId, c]));

  // Whatever still disagrees after the rounds: her children ride in seats that are not there. She is not
  // collected, and her care goes to nobody.
  for (const c of care) {
    if (!rides.both.has(c.participantId)) continue;
    const shortOfSeats = c.nearLocation > (rides.children.get(c.participantId) ?? 0);
    const noCare = c.unmet.length > 0;
    if (!shortOfSeats && !noCare) continue;
    releaseCare(c, input.providers, ledger);
    const reason = shortOfSeats ? reasonText('no-child-seat-in-vehicle') : SIBLING_WITHOUT_PLACE;
    c.unmet.push(
      ...c.bookings.map((b) => ({
        childId: b.childId,
        participantId: b.participantId,
        sessionId: b.sessionId,
        reason,
      })),
    );
    c.bookings = [];
    c.nearLocation = 0;
    rides.drop(c.participantId);
    givenUp.set(
      c.participantId,
      shortOfSeats ? reasonText('not-collected', reasonText('no-child-seat')) : NOT_COLLECTED_FOR_CARE,
    );
  }

  for (const ride of rides.list) {
    plan.rides.push({ ...ride, sessionId: session.id });
    const key = `${ride.vehicleId}|${session.date}`;
    busy.set(key, [...(busy.get(key) ?? []), busyRideOf(ride, ways[ride.direction].location, homeOf)]);
  }
  const notCollected = (p: JointParticipant, reason: (direction: Direction) => string) =>
    plan.unrouted.push(
      ...BOTH_WAYS.map((direction) => ({
        participantId: p.id,
        sessionId: session.id,
        direction,
        reason: reason(direction),
      })),
    );
  for (const p of riders.filter((rider) => !rides.both.has(rider.id)))
    notCollected(p, (direction) => givenUp.get(p.id) ?? rides.reasonOf(p.id, direction));
  for (const p of attendees.filter((a) => needsRide(a) && !a.position))
    notCollected(p, () => reasonText('no-position'));

  for (const p of members) {
    const reasons: string[] = [];
    const blocked = session.blocked.get(p.id);
    if (blocked) {
      reasons.push(blocked);
      // Online she would be at home: nobody collects her and her children need no care.
      if (online(p)) {
        plan.verdicts.push({ participantId: p.id, sessionId: session.id, canCome: false, reasons });
        continue;
      }
      // Listed, so that nobody waits for her or thinks her children cared for.
      if (needsRide(p)) notCollected(p, () => reasonText('not-collected', blocked));
      plan.unmet.push(
        ...unmetWithout(p, session, input, estimate(p), reasonText('mother-cannot-come', blocked)),
      );
    }
    const mine = careOf.get(p.id);
    if (!blocked && !online(p)) {
      if (needsRide(p) && !rides.both.has(p.id)) {
        const there = rides.brought.has(p.id) && !givenUp.has(p.id);
        reasons.push(there ? REASON_NO_RIDE_BACK : REASON_NO_RIDE_THERE);
      }
      if (mine) {
        plan.bookings.push(...mine.bookings);
        plan.unmet.push(...mine.unmet);
        if (mine.unmet.length > 0) reasons.push(REASON_NO_CARE);
      } else {
        // She cannot come without a ride: her children are listed, so that nobody thinks them cared for.
        plan.unmet.push(...unmetWithout(p, session, input, widest(away(p), estimate(p)), NO_RIDE_FOR_MOTHER));
      }
    }
    plan.verdicts.push({
      participantId: p.id,
      sessionId: session.id,
      canCome: reasons.length === 0,
      reasons,
    });
  }
}

interface Outcome {
  rides: BothWays;
  care: MotherCare[];
  away: (p: JointParticipant) => TimeAway;
}

/** The children of a woman who cannot come who would need care while she is away, listed with the reason. */
function unmetWithout(
  p: JointParticipant,
  session: JointSession,
  input: JointInput,
  away: TimeAway,
  reason: string,
): JointUnmet[] {
  return childrenNeedingCare({ participant: p, away }, session, input).map((child) => ({
    childId: child.id,
    participantId: p.id,
    sessionId: session.id,
    reason,
  }));
}

/** The longer of two times away: with it, no child who needs care by either is left unlisted. */
const widest = (a: TimeAway, b: TimeAway): TimeAway => ({
  from: Math.min(a.from, b.from),
  to: Math.max(a.to, b.to),
});

/** A session's vehicles: their availability that weekday less their rides already planned that date. */
function fleetFor(input: JointInput, session: JointSession, busy: Map<string, BusyRide[]>): FleetVehicle[] {
  return [...input.vehicles]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((vehicle) => {
      const available = availableOn(vehicle, session.weekday);
      return {
        id: vehicle.id,
        depot: vehicle.depot,
        seats: vehicle.seats,
        childSeats: vehicle.childSeats,
        available,
        free: freeWindows(available, busy.get(`${vehicle.id}|${session.date}`) ?? []),
      };
    });
}

interface BothWays {
  list: PlannedRide[];
  /** Riders routed there and back, and those the planner could bring there. */
  both: Set<string>;
  brought: Set<string>;
  stopTime: Map<string, number>;
  children: Map<string, number>;
  reasonOf: (participantId: string, direction: Direction) => string;
  drop: (participantId: string) => void;
}

/**
 * Rides there and back for the riders; a rider routed one way only is taken out of that way too (a woman
 * brought and not taken home cannot come), and her seat goes back.
 */
function routeBothWays(
  input: JointInput,
  ways: Record<Direction, RideWay>,
  riders: JointParticipant[],
  onBoard: Map<string, number>,
  fleet: FleetVehicle[],
  cache: Map<string, SessionRides>,
  outing: boolean,
  homeOf: (participantId: string) => Position | undefined,
): BothWays {
  const { policy } = input;
  const limited = input.vehicles.some((vehicle) => vehicle.municipalityIds?.length);
  const requests: RideRequest[] = riders.map((p) => ({
    participantId: p.id,
    home: p.position!,
    children: onBoard.get(p.id) ?? 0,
    ...(limited && {
      vehicleIds: input.vehicles
        .filter((v) => collectsIn(v, p.municipalityId))
        .map((v) => v.id)
        .sort(),
    }),
    maxRideMinutes: rideLimit(policy, input.minutes(p.position!, ways.to.location)),
  }));
  const route = (direction: Direction, fleetNow: FleetVehicle[], given: RideRequest[]): SessionRides => {
    const { location, start, end } = ways[direction];
    const asked = location === ways.to.location ? given : limitsFrom(given, location, policy, input.minutes);
    const key = (input.digest ?? same)(JSON.stringify([direction, location, start, end, asked, fleetNow]));
    let found = cache.get(key);
    if (!found) {
      found = planSessionRides({
        direction,
        location,
        start,
        end,
        arriveMinutesBefore: policy.arriveMinutesBefore,
        maxEarlyMinutes: policy.maxEarlyMinutes,
        requests: asked,
        vehicles: fleetNow,
        minutes: input.minutes,
        seed: input.seed ?? 1,
        iterations: Math.round(sessionIterations(asked.length) * (input.effort ?? 1)),
      });
      cache.set(key, found);
    }
    return found;
  };
  // On an outing, the whole group in one trip of one vehicle where one free that day takes them all in time,
  // as the routes module plans it; else the usual rides.
  const solve = (direction: Direction, fleetNow: FleetVehicle[], given: RideRequest[]): SessionRides =>
    outing
      ? outingRides(given, fleetNow, (asked) => route(direction, fleetNow, asked))
      : route(direction, fleetNow, given);
  const there = solve('to', fleet, requests);
  const brought = ridersOf(there);
  // The rides home may not use the vehicles while they bring women there.
  const afterThere = fleet.map((vehicle) => ({
    ...vehicle,
    free: freeWindows(
      vehicle.available ?? vehicle.free,
      there.rides
        .filter((r) => r.vehicleId === vehicle.id)
        .map((r) => busyRideOf(r, ways.to.location, homeOf)),
      0,
    ).flatMap((window) => intersectWindows(window, vehicle.free)),
  }));
  // Home only the women brought there: a seat home for one who has no ride there is a seat lost to one who has.
  const back = solve(
    'from',
    afterThere,
    requests.filter((request) => brought.has(request.participantId)),
  );
  const oneWay = oneWayRiders(there, back);
  const takenHome = ridersOf(back);
  const both = new Set([...brought].filter((id) => takenHome.has(id)));
  const unroutedReason = new Map([
    ...there.unrouted.map((u) => [`${u.participantId}|to`, u.reason] as const),
    ...back.unrouted.map((u) => [`${u.participantId}|from`, u.reason] as const),
    ...oneWay.map((u) => [`${u.participantId}|${u.routed}`, u.reason] as const),
    ...there.unrouted.map((u) => [`${u.participantId}|from`, neitherWayReason('to', u.reason)] as const),
  ]);
  let list = [...there.rides, ...back.rides].map((ride) => ({
    ...ride,
    stops: ride.stops.map((s) => ({ ...s })),
  }));
  const drop = (participantId: string) => {
    list = list
      .map((ride) => ({ ...ride, stops: ride.stops.filter((s) => s.participantId !== participantId) }))
      .filter((ride) => ride.stops.length > 0);
    both.delete(participantId);
  };
  for (const { participantId } of oneWay) drop(participantId);
  const stopTime = new Map<string, number>();
  const children = new Map<string, number>();
  for (const ride of list) {
    for (const stop of ride.stops) {
      stopTime.set(`${stop.participantId}|${ride.direction}`, stop.time);
      children.set(stop.participantId, Math.min(children.get(stop.participantId) ?? Infinity, stop.children));
    }
  }
  return {
    get list() {
      return list;
    },
    both,
    brought,
    stopTime,
    children,
    reasonOf: (participantId, direction) => unroutedReason.get(`${participantId}|${direction}`)!,
    drop,
  };
}
