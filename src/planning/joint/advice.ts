export type { Advice } from './advice-model';
import { ageInMonths } from '../childcare/need';
import type { Advice } from './advice-model';
import { toTimeOfDay } from '../time/calendar';
import { JointInput, JointPlan } from './model';
import {
  planCareAndRides,
  REASON_NO_CARE,
  REASON_NO_RIDE_BACK,
  REASON_NO_RIDE_THERE,
} from './plan-care-and-rides';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ADDED_SEATS = 8;
const ADDED_CHILD_SEATS = 2;
const ADDED_PLACES = 4;
const COMPARING_EFFORT = 0.25;
/** The resource each advice adds, by an id no scenario ref can have. */
const ADDED = '~advice';
const quarter = (minute: number, up: boolean) => (up ? Math.ceil(minute / 15) : Math.floor(minute / 15)) * 15;
/** Minutes of the day, from and to. */
export interface Hours {
  from: number;
  to: number;
}
/** Sessions starting before this (minutes of the day) are the morning's. */
const MIDDAY = 12 * 60;
/** The last minute of a day. */
const DAY_END = 24 * 60 - 1;
const clockOf = (minute: number) => toTimeOfDay(Math.min(DAY_END, Math.max(0, minute)));

/**
 * The quarter hours from the first to the last minute the added resource is used in the plan that found the
 * gain. Offered only for those hours, it can still do all of that (a vehicle ends its day anywhere, a place
 * is held only while booked), so the hours asked of a driver or a volunteer are the ones the plan needs.
 */
const hoursUsed = (spans: { from: number; to: number }[]): Hours => ({
  from: quarter(Math.min(...spans.map((span) => span.from)), false),
  to: quarter(Math.max(...spans.map((span) => span.to)), true),
});
const clockHours = (hours: Hours) => ({ from: clockOf(hours.from), to: clockOf(hours.to) });

/**
 * What would let more women come, found by planning again with one resource more where most are lost: one
 * vehicle on the day and around the location where most women have no ride, a few care places where most
 * children have none. Each is judged by the joint planner itself on the sessions of that weekday (other days do
 * not share their vehicles or places), and named only when it lets someone come.
 */
export function advise(
  input: JointInput,
  plan: JointPlan,
  nameOf: { location: (id: string) => string },
): Advice[] {
  const sessions = new Map(input.sessions.map((session) => [session.id, session]));
  const worst = (reasons: string[]) => {
    const lost = new Map<string, number>();
    for (const verdict of plan.verdicts) {
      if (!verdict.reasons.some((reason) => reasons.includes(reason))) continue;
      const session = sessions.get(verdict.sessionId)!;
      const key = `${session.weekday}|${session.locationId}`;
      lost.set(key, (lost.get(key) ?? 0) + 1);
    }
    const [top] = [...lost].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!top) return undefined;
    const [weekday, locationId] = top[0].split('|');
    return { weekday: Number(weekday), locationId };
  };
  const advice: Advice[] = [];
  const gain = gainOnDay(input);
  const rides = worst([REASON_NO_RIDE_THERE, REASON_NO_RIDE_BACK]);
  if (rides) {
    const { weekday, locationId } = rides;
    const position = input.locations.find((l) => l.id === locationId)!.position;
    const vehicle = bestAround(
      input,
      gain,
      rides,
      (hours) => ({
        ...input,
        vehicles: [
          ...input.vehicles,
          {
            id: ADDED,
            depot: position,
            seats: ADDED_SEATS,
            childSeats: ADDED_CHILD_SEATS,
            availability: [{ weekday, ...hours }],
          },
        ],
      }),
      (plan) =>
        plan.rides
          .filter((ride) => ride.vehicleId === ADDED)
          .map((ride) => ({ from: ride.depart, to: ride.arrive })),
    );
    if (vehicle) {
      const { more } = vehicle;
      const hours = clockHours(vehicle.hours);
      advice.push({
        kind: 'vehicle',
        weekday,
        locationId,
        more: more.total,
        perWeek: more.perWeek,
        vehicle: { seats: ADDED_SEATS, childSeats: ADDED_CHILD_SEATS, ...hours },
        text:
          `one ${ADDED_SEATS}-seat vehicle (${ADDED_CHILD_SEATS} child seats) on ${DAYS[weekday]} ` +
          `${hours.from}-${hours.to} around ${nameOf.location(locationId)} ` +
          `lets ${moreWomen(more.perWeek)} come each week (${inAll(more.total)})`,
      });
    }
  }
  const care = worst([REASON_NO_CARE]);
  if (care) {
    const { weekday, locationId } = care;
    const position = input.locations.find((l) => l.id === locationId)!.position;
    const ages = unmetAges(input, plan, weekday, locationId);
    const places = bestAround(
      input,
      gain,
      care,
      (hours) => ({
        ...input,
        providers: [
          ...input.providers,
          {
            id: ADDED,
            kind: 'volunteer',
            position,
            locationId,
            openingHours: [{ weekday, ...hours }],
            places: [{ minAgeMonths: ages.from, maxAgeMonths: ages.to, capacity: ADDED_PLACES }],
          },
        ],
      }),
      (plan) => plan.bookings.filter((booking) => booking.providerId === ADDED),
    );
    if (places) {
      const { more } = places;
      const hours = clockHours(places.hours);
      advice.push({
        kind: 'care',
        weekday,
        locationId,
        more: more.total,
        perWeek: more.perWeek,
        care: { places: ADDED_PLACES, minAgeMonths: ages.from, maxAgeMonths: ages.to, ...hours },
        text:
          `${ADDED_PLACES} more care places for children ${agesText(ages.from, ages.to)} ` +
          `at or near ${nameOf.location(locationId)} on ${DAYS[weekday]} ${hours.from}-${hours.to} ` +
          `lets ${moreWomen(more.perWeek)} come each week (${inAll(more.total)})`,
      });
    }
  }
  return advice;
}

const moreWomen = (perWeek: number) => `${perWeek} more ${perWeek === 1 ? 'woman' : 'women'}`;
const inAll = (total: number) => `${total} member-session${total === 1 ? '' : 's'} in all`;

/** An age in months as a parent says it: months under two, whole years from then. */
const ageText = (months: number) =>
  months < 24 ? `${months} month${months === 1 ? '' : 's'}` : `${Math.floor(months / 12)} years`;

/** The ages the places take, from the youngest to the oldest child left without care there. */
const agesText = (from: number, to: number) =>
  ageText(from) === ageText(to) ? `of ${ageText(from)}` : `from ${ageText(from)} to ${ageText(to)}`;

type Gain = ReturnType<ReturnType<typeof gainOnDay>>;

/**
 * Member-sessions more she can come to on one weekday with a changed input, in all and per week, and the plan of
 * that weekday with the change (which says where the added resource is used). The plan without a change is made
 * once a weekday, however many changes are judged against it.
 */
function gainOnDay(input: JointInput) {
  const count = (plan: JointPlan) => plan.verdicts.filter((v) => v.canCome).length;
  // Every plan with the same, smaller search: they are compared, not kept.
  const planOf = (i: JointInput, weekday: number) =>
    planCareAndRides({
      ...i,
      sessions: i.sessions.filter((session) => session.weekday === weekday),
      effort: COMPARING_EFFORT,
    });
  const unchanged = new Map<number, number>();
  return (weekday: number, changed: JointInput) => {
    if (!unchanged.has(weekday)) unchanged.set(weekday, count(planOf(input, weekday)));
    const plan = planOf(changed, weekday);
    const total = count(plan) - unchanged.get(weekday)!;
    const weeks = new Set(input.sessions.filter((s) => s.weekday === weekday).map((s) => s.date)).size;
    return { total, perWeek: Math.round((total / Math.max(1, weeks)) * 10) / 10, plan };
  };
}

/**
 * One resource more on a weekday around a location (`add` gives the input with it, offered for some hours; `used`
 * the spans in which a plan uses it). It is offered the whole day and, where that weekday's sessions there fall
 * both before and after noon, for the morning's alone (until the last of them is over and everyone home) and for
 * the afternoon's alone (from when the first of them may need it). The best offer is named with the hours the
 * plan uses it (bestOffer).
 */
function bestAround(
  input: JointInput,
  gain: (weekday: number, changed: JointInput) => Gain,
  { weekday, locationId }: { weekday: number; locationId: string },
  add: (hours: { from: string; to: string }) => JointInput,
  used: (plan: JointPlan) => Hours[],
): { more: Gain; hours: Hours } | undefined {
  const those = input.sessions.filter((s) => s.weekday === weekday && s.locationId === locationId);
  const morning = those.filter((s) => s.start < MIDDAY);
  const afternoon = those.filter((s) => s.start >= MIDDAY);
  // Her longest time away on either side of a session: arriving early and a ride at its limit.
  const { arriveMinutesBefore, maxEarlyMinutes, maxRideMinutes } = input.policy;
  const away = arriveMinutesBefore + maxEarlyMinutes + maxRideMinutes;
  const offers: Hours[] = [
    { from: 0, to: DAY_END },
    ...(morning.length > 0 && afternoon.length > 0
      ? [
          { from: 0, to: quarter(Math.max(...morning.map((s) => s.end)) + away, true) },
          { from: quarter(Math.min(...afternoon.map((s) => s.start)) - away, false), to: DAY_END },
        ]
      : []),
  ];
  const tried = offers.flatMap(({ from, to }) => {
    const more = gain(weekday, add({ from: clockOf(from), to: clockOf(to) }));
    const spans = used(more.plan);
    return more.total > 0 && spans.length > 0 ? [{ more, hours: hoursUsed(spans) }] : [];
  });
  return bestOffer(tried);
}

/**
 * Of the offers of one resource, the one that lets most come, and of equal ones the one used for fewest hours (a
 * taxibus is hired, and a volunteer asked, by the hour); the first of those, as offers come widest first.
 */
export function bestOffer<T extends { more: { total: number }; hours: Hours }>(offers: T[]): T | undefined {
  const length = (hours: Hours) => hours.to - hours.from;
  let best: T | undefined;
  for (const offer of offers)
    if (
      !best ||
      offer.more.total > best.more.total ||
      (offer.more.total === best.more.total && length(offer.hours) < length(best.hours))
    )
      best = offer;
  return best;
}

/** The ages, in months, of the children left without care on that day and at that location. */
function unmetAges(input: JointInput, plan: JointPlan, weekday: number, locationId: string) {
  const sessions = new Map(input.sessions.map((session) => [session.id, session]));
  const birthOf = new Map(
    input.participants.flatMap((p) => p.children.map((c) => [c.id, c.birthDate] as const)),
  );
  const ages = plan.unmet
    .filter((need) => {
      const session = sessions.get(need.sessionId);
      return session?.weekday === weekday && session.locationId === locationId;
    })
    .map((need) => ageInMonths(birthOf.get(need.childId)!, sessions.get(need.sessionId)!.date));
  return ages.length > 0
    ? { from: Math.max(0, Math.min(...ages)), to: Math.min(155, Math.max(...ages)) }
    : { from: 0, to: 155 };
}
