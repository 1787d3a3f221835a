import { ageInMonths, careNeedReason } from '../childcare/need';
import { PlanningInput } from '../scheduling/model';
import { SlotOption, slotContext, slotOptions } from '../scheduling/slot-options';
import { toMinutes } from '../time/calendar';
import { availableOn, collectsIn } from '../transport/ride-rules';
import { Position, straightLineKm } from '../travel/offline-travel';
import { JointInput, JointParticipant, JointProvider } from './model';
import { formatDirectMinutes } from './time-away';
import { travelModeOf } from '../travel/travel-mode';

/** What the bound reads of the region: the joint planner's own records, by the scenario's refs. */
export type BoundResources = Pick<
  JointInput,
  'policy' | 'schoolHours' | 'participants' | 'locations' | 'providers' | 'vehicles' | 'minutes'
>;

export interface CanComeBound {
  /** No plan of care and rides for any of the groups' weekly times lets more member-sessions come. */
  total: number;
  /** The bound of lessons and appointments alone, for comparison. */
  lessonBound: number;
  groups: { groupId: string; bound: number; lessonBound: number }[];
}

/** The format's distances: care within 1 km of the location rides along, within 2 km of home is brought there. */
const NEAR_LOCATION_KM = 1.0;
const NEAR_HOME_KM = 2.0;
/** The format's slack on an estimated time away: a need within it is never counted against a plan. */
const ESTIMATE_SLACK_MINUTES = 10;

/**
 * An upper bound on the member-sessions women can come to, counting the care places and the fleet as well as
 * lessons: for each group, its best weekly time, where at that time
 * - the women who need a ride and whom no vehicle may collect cannot come, and of the others at most as many as
 *   the vehicles' seats times the trips they can make in the window before the start (and after the end); a trip
 *   after the first needs the vehicle to drive out and back, at least twice the direct time of its nearest woman;
 * - a woman whose child needs care whatever her rides (under 4, or of school age while even her shortest time
 *   away leaves school hours) can come only when a place she can use holds every such child, and the places of
 *   each set of age bands hold at most their capacity of those children.
 * Each group is given every vehicle and care place to itself, and only the women free at that time on every
 * date are counted against the resources: so no plan, whatever its times, beats it. Pure and deterministic.
 */
export function canComeBound(
  planning: PlanningInput,
  region: BoundResources,
  refOf: (id: string) => string,
): CanComeBound {
  const context = slotContext(planning);
  const participants = new Map(region.participants.map((p) => [p.id, p]));
  const locations = new Map(region.locations.map((l) => [l.id, l.position]));
  const slots = planning.programme.sessionsPerWeek;
  const groups = planning.groups.map((group) => {
    const location = locations.get(refOf(group.locationId));
    const options = slotOptions(planning, group, context)
      .filter((option) => option.trainerIds.length > 0)
      .sort((a, b) => b.attendable - a.attendable);
    const members = group.memberIds
      .map((id) => participants.get(refOf(id)))
      .filter((p): p is JointParticipant => p !== undefined);
    const lessonBound = (options[0]?.attendable ?? 0) * slots;
    let best = 0;
    let bestWithoutCare = 0;
    for (const option of options) {
      // Neither figure of an option exceeds its attendance: the rest cannot beat the best found.
      if ((option.attendable <= best && option.attendable <= bestWithoutCare) || !location) break;
      const busy = new Set([...option.conflicts.keys()].map(refOf));
      const free = members.filter((member) => !busy.has(member.id));
      const care = careExclusion(option, free, location, region);
      const excluded = Math.max(rideExclusion(option, free, members, location, region), care.excluded);
      best = Math.max(best, option.attendable - excluded * option.dates.length);
      bestWithoutCare = Math.max(bestWithoutCare, option.attendable - care.needing * option.dates.length);
    }
    return {
      groupId: refOf(group.id),
      location,
      members,
      bound: Math.max(0, best) * slots,
      withoutCare: Math.max(0, bestWithoutCare) * slots,
      lessonBound,
    };
  });
  return {
    total: sharingCare(groups, region, (weekday) => context.seriesOf(weekday).length, planning),
    lessonBound: groups.reduce((sum, group) => sum + group.lessonBound, 0),
    groups: groups.map(({ groupId, bound, lessonBound }) => ({ groupId, bound, lessonBound })),
  };
}

/**
 * The groups' bounds, where groups reach the same care providers: together they cannot have more mothers who
 * need care come than the providers' places hold over the programme (each place takes one child for a whole
 * session at a time, as often a day as the session fits in its opening hours), however their times are spread.
 */
function sharingCare(
  groups: { location?: Position; members: JointParticipant[]; bound: number; withoutCare: number }[],
  region: BoundResources,
  datesOn: (weekday: number) => number,
  planning: PlanningInput,
): number {
  const duration = planning.programme.durationMinutes;
  const providers = region.providers.flatMap((provider) => {
    const position =
      provider.position ?? region.locations.find((l) => l.id === provider.locationId)?.position;
    if (!position) return [];
    const places = provider.places.reduce((sum, band) => sum + band.capacity, 0);
    const sessions = provider.openingHours.reduce(
      (sum, hours) =>
        sum +
        datesOn(hours.weekday) *
          Math.floor(Math.max(0, toMinutes(hours.to) - toMinutes(hours.from)) / duration),
      0,
    );
    return [{ position, childSessions: places * sessions }];
  });
  // Groups that reach a provider in common share its places: one component each, found by union-find.
  const parent = groups.map((_, index) => index);
  const root = (index: number): number =>
    parent[index] === index ? index : (parent[index] = root(parent[index]));
  const reachedBy = providers.map((provider) =>
    groups.flatMap((group, index) =>
      group.location &&
      (straightLineKm(provider.position, group.location) <= NEAR_LOCATION_KM ||
        group.members.some(
          (m) => m.position !== undefined && straightLineKm(provider.position, m.position) <= NEAR_HOME_KM,
        ))
        ? [index]
        : [],
    ),
  );
  for (const reached of reachedBy)
    for (const index of reached.slice(1)) parent[root(index)] = root(reached[0]);
  const places = new Map<number, number>();
  reachedBy.forEach((reached, p) => {
    if (reached.length > 0)
      places.set(root(reached[0]), (places.get(root(reached[0])) ?? 0) + providers[p].childSessions);
  });
  const components = new Map<number, { bound: number; withoutCare: number }>();
  groups.forEach((group, index) => {
    const component = components.get(root(index)) ?? { bound: 0, withoutCare: 0 };
    component.bound += group.bound;
    component.withoutCare += group.withoutCare;
    components.set(root(index), component);
  });
  return [...components].reduce(
    (sum, [key, { bound, withoutCare }]) => sum + Math.min(bound, withoutCare + (places.get(key) ?? 0)),
    0,
  );
}

function rideExclusion(
  option: SlotOption,
  free: JointParticipant[],
  members: JointParticipant[],
  location: Position,
  region: BoundResources,
): number {
  const { slot } = option;
  const { arriveMinutesBefore, maxEarlyMinutes } = region.policy;
  const riders = (women: JointParticipant[]) =>
    women.filter((p) => p.transport === 'pickup' && p.position !== undefined);
  const direct = (p: JointParticipant) =>
    Math.min(region.minutes(p.position!, location), region.minutes(location, p.position!));
  const seatsWithin = (window: (from: number, to: number) => number) =>
    region.vehicles.reduce((seats, vehicle) => {
      const times = riders(members)
        .filter((p) => collectsIn(vehicle, p.municipalityId))
        .map(direct)
        .sort((a, b) => a - b);
      const trips = availableOn(vehicle, slot.weekday).reduce(
        (sum, [from, to]) => sum + tripsWithin(window(from, to), times),
        0,
      );
      return seats + vehicle.seats * trips;
    }, 0);
  const there = seatsWithin(
    (from, to) =>
      Math.min(slot.start - arriveMinutesBefore, to) - Math.max(slot.start - maxEarlyMinutes, from),
  );
  const back = seatsWithin((from, to) => Math.min(slot.end + maxEarlyMinutes, to) - Math.max(slot.end, from));
  const freeRiders = riders(free);
  const collectable = freeRiders.filter((p) =>
    region.vehicles.some((vehicle) => collectsIn(vehicle, p.municipalityId)),
  );
  return freeRiders.length - collectable.length + Math.max(0, collectable.length - Math.min(there, back));
}

/** Trips within a window of arrivals: the first, then as many as the shortest round trips allow. */
function tripsWithin(window: number, sortedDirect: number[]): number {
  if (window < 0 || sortedDirect.length === 0) return 0;
  let trips = 1;
  let spent = 0;
  for (const minutes of sortedDirect) {
    spent += 2 * minutes;
    if (spent > window) break;
    trips++;
  }
  return trips;
}

/**
 * The women free at this time whose children who surely need care cannot all have a place, and how many free
 * women have such children at all.
 */
function careExclusion(
  option: SlotOption,
  free: JointParticipant[],
  location: Position,
  region: BoundResources,
): { excluded: number; needing: number } {
  const { slot, dates } = option;
  if (dates.length === 0) return { excluded: 0, needing: 0 };
  const first = dates[0].date;
  const last = dates[dates.length - 1].date;
  const open = region.providers.filter((provider) =>
    provider.openingHours.some(
      (hours) =>
        hours.weekday === slot.weekday &&
        toMinutes(hours.from) <= slot.start &&
        toMinutes(hours.to) >= slot.end,
    ),
  );
  const positionOf = (provider: JointProvider): Position | undefined =>
    provider.position ?? region.locations.find((l) => l.id === provider.locationId)?.position;
  const capacity = new Map<string, number>();
  let unplaceable = 0;
  // Each needing mother with, per child, the bands that could take that child.
  const mothers: string[][][] = [];
  for (const mother of free) {
    const direct = mother.position
      ? Math.min(
          formatDirectMinutes(mother.position, location),
          region.minutes(mother.position, location, travelModeOf(mother.transport)),
        )
      : 0;
    const away = {
      from: slot.start - region.policy.arriveMinutesBefore - direct + ESTIMATE_SLACK_MINUTES,
      to: slot.end + direct - ESTIMATE_SLACK_MINUTES,
    };
    const needs = (child: JointParticipant['children'][number], date: string) =>
      careNeedReason(child, date, slot.weekday, away, region.schoolHours, () => false) !== undefined;
    const children = mother.children.filter((child) => needs(child, first) && needs(child, last));
    if (children.length === 0) continue;
    const near = open.filter((provider) => {
      const position = positionOf(provider);
      return (
        position !== undefined &&
        (straightLineKm(position, location) <= NEAR_LOCATION_KM ||
          (mother.position !== undefined && straightLineKm(position, mother.position) <= NEAR_HOME_KM))
      );
    });
    const bandsOf = children.map((child) => {
      const youngest = ageInMonths(child.birthDate, first);
      const oldest = ageInMonths(child.birthDate, last);
      return near.flatMap((provider) =>
        provider.places.flatMap((band, index) => {
          if (band.minAgeMonths > oldest || band.maxAgeMonths < youngest) return [];
          const key = `${provider.id}#${index}`;
          capacity.set(key, band.capacity);
          return [key];
        }),
      );
    });
    if (bandsOf.some((bands) => bands.length === 0)) unplaceable++;
    else mothers.push(bandsOf);
  }
  // For each set of bands some child can use (and all bands together): the children who can use only bands of
  // that set fit in its places, the mothers with fewest such children first.
  const sets = new Map<string, Set<string>>([['*', new Set(capacity.keys())]]);
  for (const bandsOf of mothers)
    for (const bands of bandsOf) sets.set([...bands].sort().join(), new Set(bands));
  let worst = 0;
  for (const set of sets.values()) {
    const places = [...set].reduce((sum, key) => sum + (capacity.get(key) ?? 0), 0);
    const counts = mothers
      .map((bandsOf) => bandsOf.filter((bands) => bands.every((band) => set.has(band))).length)
      .filter((count) => count > 0)
      .sort((a, b) => a - b);
    let left = places;
    let placed = 0;
    for (const count of counts) {
      if (count > left) break;
      left -= count;
      placed++;
    }
    worst = Math.max(worst, counts.length - placed);
  }
  return { excluded: unplaceable + worst, needing: unplaceable + mothers.length };
}
