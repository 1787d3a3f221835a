import { ageInMonths, careNeedReason } from '../childcare/need';
import { PlanningInput } from '../scheduling/model';
import { readyOn, rollingStartDay } from '../scheduling/rolling-start';
import { SlotOption, slotContext, slotOptions } from '../scheduling/slot-options';
import { toMinutes } from '../time/calendar';
import { Position, straightLineKm } from '../travel/offline-travel';
import { JointInput, JointParticipant, JointProvider } from './model';
import { rideBound } from './ride-bound';
import { OptionCare, sharingTimes } from './shared-times-bound';
import { LinearProgram } from '../linear-program';
import { cellsOf, GroupChoice, mostAssigned } from './shared-staff-bound';
import { estimatedAway, formatDirectMinutes } from './time-away';

/** What the bound reads of the region: the joint planner's own records, by the scenario's refs. */
export type BoundResources = Pick<
  JointInput,
  'policy' | 'schoolHours' | 'participants' | 'locations' | 'providers' | 'vehicles' | 'minutes'
>;

export interface CanComeBound {
  /**
   * No plan of care and rides for any of the groups' weekly times lets more member-sessions come: the counts
   * apart; with `program`, take the least of this and the program's optimum (withOptimum).
   */
  total: number;
  /** With `linearProgram`, up to 150 groups: the program of all shared resources at once, for a solver to solve. */
  program?: LinearProgram;
  /** The bound of lessons and appointments alone, for comparison. */
  lessonBound: number;
  groups: { groupId: string; bound: number; lessonBound: number }[];
}

/** The format's distances: care within 1 km of the location rides along, within 2 km of home is brought there. */
const NEAR_LOCATION_KM = 1.0;
const NEAR_HOME_KM = 2.0;
/**
 * The most groups whose times are bounded together by a linear program: 67 groups (1000 women) take about 8 s on
 * one core, 400 groups did not finish in the solver's 30 s, which a plan should not wait for.
 */
const LINEAR_PROGRAM_MAX_GROUPS = 150;
/** The format's slack on an estimated time away: a need within it is never counted against a plan. */
const ESTIMATE_SLACK_MINUTES = 10;

/**
 * An upper bound on the member-sessions women can come to, counting the care places, the fleet and the trainers
 * and rooms groups share as well as lessons: for each group and weekly time, on each date
 * - of the women who need a ride and come that day, at most as many as the fleet can take there and back within
 *   their ride limits and the arrival windows, children cared for at the location riding along (rideBound);
 * - of the mothers who come that date whose children need care whatever her rides (under 4, or of school age
 *   while even her shortest time away leaves school hours), one can come only when a place she can use holds
 *   every such child, and the places of each set of age bands hold at most their capacity of those children.
 * Each group alone takes its best time; the groups that reach the same care providers share their places over
 * the programme (each mother taking a place per child who needs one), and the groups together are worth at
 * most the best assignment of times where a trainer, or a room, takes one group per time of day. Each part
 * holds for every plan, whatever its times, so their least does too. With `linearProgram` (up to 150 groups),
 * also all of that at once, as a linear program for the caller to solve (sharingTimes): the groups' times then
 * share the trainers, rooms, interpreters and care places moment by moment (a provider's places holding the
 * children whom it alone can take), which no plan escapes by spreading its groups. Pure and deterministic.
 *
 * With `interpretedOnly` the bound is over the plans that give every group an interpreter for each of its
 * languages: a group takes only times where each language has an interpreter available, and an interpreter, like
 * a trainer, takes one group per time of day. The planner does not promise such a plan, so a caller that passes it
 * must work the bound out again without it when the plan it made leaves a language uncovered: then the bound is
 * over all plans.
 */
export function canComeBound(
  planning: PlanningInput,
  region: BoundResources,
  refOf: (id: string) => string,
  {
    interpretedOnly = false,
    linearProgram = false,
  }: { interpretedOnly?: boolean; linearProgram?: boolean } = {},
): CanComeBound {
  // With the program, every weekly time is worked out: the program weighs them all.
  const all = linearProgram && planning.groups.length <= LINEAR_PROGRAM_MAX_GROUPS;
  const context = slotContext(planning);
  const participants = new Map(region.participants.map((p) => [p.id, p]));
  const locations = new Map(region.locations.map((l) => [l.id, l.position]));
  const slots = planning.programme.sessionsPerWeek;
  // By ref: the region's records (the riders) are named so; a group's members by their ids, through refOf.
  const readyFromOf = new Map(planning.members.map((member) => [refOf(member.id), member.readyFrom]));
  const groups = planning.groups.map((given) => {
    // A group with a rolling start is judged from the day enough of its women are ready (none: from its own).
    const rolling =
      given.rollingStart &&
      rollingStartDay(
        given,
        (id) => ({ readyFrom: readyFromOf.get(refOf(id)) }),
        given.startDate ?? planning.programme.startDate,
        planning.programme,
      );
    const group = rolling && 'startDate' in rolling ? { ...given, startDate: rolling.startDate } : given;
    const location = locations.get(refOf(group.locationId));
    const options = slotOptions(planning, group, context)
      .filter(
        (option) =>
          option.trainerIds.length > 0 && (!interpretedOnly || option.missingLanguages.length === 0),
      )
      .sort((a, b) => b.attendable - a.attendable);
    const members = group.memberIds
      .map((id) => participants.get(refOf(id)))
      .filter((p): p is JointParticipant => p !== undefined);
    const lessonBound = (options[0]?.attendable ?? 0) * slots;
    const riding = location ? rideBound(members, location, region) : () => 0;
    let best = 0;
    let bestWithoutCare = 0;
    // Per mother who may need care: the fewest children who then surely need a place, and her most sessions.
    const needing = new Map<string, { children: number; sessions: number }>();
    // What each weekly time is worth to the group, for the groups sharing trainers and rooms.
    const worth = new Map<SlotOption, number>();
    // What each weekly time asks of the care places, for the groups sharing them time by time.
    const care = new Map<SlotOption, OptionCare>();
    for (const option of options) {
      if (!location) break;
      // Neither figure of an option exceeds its attendance: the rest cannot beat the best found, and are worth
      // at most their attendance where groups share trainers and rooms.
      if (!all && option.attendable <= best && option.attendable <= bestWithoutCare) {
        worth.set(option, option.attendable);
        continue;
      }
      const needs = careNeeds(option, location, region);
      // On each date, the women who come then (ready, and free of lessons and appointments that day): the riders
      // among them compete for the fleet, the mothers among them for the care places.
      const away = new Map<string, Set<string>>();
      for (const [id, conflicts] of option.conflicts)
        for (const conflict of conflicts)
          away.set(conflict.date, (away.get(conflict.date) ?? new Set()).add(refOf(id)));
      let excluded = 0;
      let needingCare = 0;
      // Per mother who may need care at this time: her children who surely need a place, and her dates.
      const placeable = new Map<string, { children: number; dates: number; onlyProvider?: string }>();
      // Most dates have the same mothers free: each set of them is worked out once.
      const exclusions = new Map<string, ReturnType<typeof careExclusion>>();
      for (const { date } of option.dates) {
        const free = members.filter(
          (m) => !away.get(date)?.has(m.id) && readyOn({ readyFrom: readyFromOf.get(m.id) }, date),
        );
        const mothers = free.filter((m) => needs.of(m).bandsOf.length > 0);
        const key = mothers.map((m) => m.id).join();
        let exclusion = exclusions.get(key);
        if (!exclusion) exclusions.set(key, (exclusion = careExclusion(needs, mothers)));
        const riders = free.filter((m) => m.transport === 'pickup');
        const withChildren = riders.map((p) => ({ p, children: needs.of(p).riding }));
        const carried = riding(option.slot, withChildren, (p) => needs.of(p).riding);
        excluded += Math.max(riders.length - carried, exclusion.excluded);
        needingCare += exclusion.needing;
        for (const [id, children] of exclusion.placeable) {
          const known = placeable.get(id);
          const onlyProvider = known
            ? known.onlyProvider
            : onlyProviderOf(needs.of(participants.get(id)!).bandsOf);
          placeable.set(id, { children, dates: (known?.dates ?? 0) + 1, onlyProvider });
        }
      }
      // Her sessions, by how many children then need a place (the same on every date: they are the option's)
      // and the one provider that alone could take them.
      const byNeed = new Map<string, OptionCare['mothers'][number]>();
      for (const { children, dates, onlyProvider } of placeable.values()) {
        const key = JSON.stringify([children, onlyProvider ?? null]);
        const known = byNeed.get(key);
        if (known) known.sessions += dates;
        else
          byNeed.set(key, { children, sessions: dates, ...(onlyProvider !== undefined && { onlyProvider }) });
      }
      const mothers = [...byNeed.keys()].sort().map((key) => byNeed.get(key)!);
      best = Math.max(best, option.attendable - excluded);
      worth.set(option, Math.max(0, option.attendable - excluded));
      care.set(option, { withoutCare: Math.max(0, option.attendable - needingCare), mothers });
      bestWithoutCare = Math.max(bestWithoutCare, option.attendable - needingCare);
      for (const [id, { children, dates }] of placeable) {
        const known = needing.get(id);
        needing.set(id, {
          children: Math.min(children, known?.children ?? Infinity),
          sessions: Math.max(dates * slots, known?.sessions ?? 0),
        });
      }
    }
    return {
      groupId: refOf(group.id),
      location,
      members,
      bound: Math.max(0, best) * slots,
      withoutCare: Math.max(0, bestWithoutCare) * slots,
      needing,
      worth,
      care,
      lessonBound,
    };
  });
  const components = careComponents(groups, region);
  const placed = new Map(components.providers.map((entry) => [entry.provider.id, entry]));
  const program =
    all &&
    sharingTimes(
      planning,
      groups.map(({ worth, care }, index) => ({ worth, care, component: components.componentOf[index] })),
      (component, weekday) => placesOpenOn(components.providersIn.get(component) ?? [], weekday),
      interpretedOnly,
      // A mother's only provider has a position: careNeeds reached it by that.
      (providerId, weekday) => placesOpenOn([placed.get(providerId)!], weekday),
    );
  return {
    total: Math.min(
      sharingCare(groups, components, (weekday) => context.seriesOf(weekday).length, planning),
      sharingStaff(
        planning,
        groups.map((group) => group.worth),
        interpretedOnly,
      ),
    ),
    lessonBound: groups.reduce((sum, group) => sum + group.lessonBound, 0),
    groups: groups.map(({ groupId, bound, lessonBound }) => ({ groupId, bound, lessonBound })),
    ...(program && { program }),
  };
}

/** The one provider whose age bands alone could take a mother's children, if there is just one. */
function onlyProviderOf(bandsOf: string[][]): string | undefined {
  const providers = new Set(bandsOf.flat().map((band) => band.slice(0, band.lastIndexOf('#'))));
  return providers.size === 1 ? [...providers][0] : undefined;
}

/** A care provider where it is, and what it holds. */
interface PlacedProvider {
  provider: JointProvider;
  position: Position;
  places: number;
}

/** The places of those providers that open on the weekday. */
const placesOpenOn = (providers: PlacedProvider[], weekday: number) =>
  providers
    .filter(({ provider }) => provider.openingHours.some((hours) => hours.weekday === weekday))
    .reduce((sum, { places }) => sum + places, 0);

/**
 * The groups that reach the same care providers (near the location, or near a member's home), joined into
 * components by union-find: a child of a mother of one group is cared for only by providers of its component.
 * Also every provider with a position, reached or not.
 */
function careComponents(
  groups: { location?: Position; members: JointParticipant[] }[],
  region: BoundResources,
): { componentOf: number[]; providersIn: Map<number, PlacedProvider[]>; providers: PlacedProvider[] } {
  const providers = region.providers.flatMap((provider): PlacedProvider[] => {
    const position =
      provider.position ?? region.locations.find((l) => l.id === provider.locationId)?.position;
    if (!position) return [];
    return [{ provider, position, places: provider.places.reduce((sum, band) => sum + band.capacity, 0) }];
  });
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
  const providersIn = new Map<number, PlacedProvider[]>();
  reachedBy.forEach((reached, p) => {
    if (reached.length === 0) return;
    const component = root(reached[0]);
    providersIn.set(component, [...(providersIn.get(component) ?? []), providers[p]]);
  });
  return { componentOf: groups.map((_, index) => root(index)), providersIn, providers };
}

/**
 * The groups' bounds, where groups reach the same care providers: together they cannot have more mothers who
 * need care come than the providers' places hold over the programme (each place takes one child for a whole
 * session at a time, as often a day as the session fits in its opening hours), however their times are spread.
 */
function sharingCare(
  groups: {
    bound: number;
    withoutCare: number;
    needing: Map<string, { children: number; sessions: number }>;
  }[],
  { componentOf, providersIn }: ReturnType<typeof careComponents>,
  datesOn: (weekday: number) => number,
  planning: PlanningInput,
): number {
  const duration = planning.programme.durationMinutes;
  const places = new Map(
    [...providersIn].map(([component, providers]) => [
      component,
      providers.reduce(
        (sum, { provider, places }) =>
          sum +
          places *
            provider.openingHours.reduce(
              (sessions, hours) =>
                sessions +
                datesOn(hours.weekday) *
                  Math.floor(Math.max(0, toMinutes(hours.to) - toMinutes(hours.from)) / duration),
              0,
            ),
        0,
      ),
    ]),
  );
  const components = new Map<
    number,
    { bound: number; withoutCare: number; needing: { children: number; sessions: number }[] }
  >();
  groups.forEach((group, index) => {
    const key = componentOf[index];
    const component = components.get(key) ?? { bound: 0, withoutCare: 0, needing: [] };
    component.bound += group.bound;
    component.withoutCare += group.withoutCare;
    component.needing.push(...group.needing.values());
    components.set(key, component);
  });
  return [...components].reduce(
    (sum, [key, { bound, withoutCare, needing }]) =>
      sum + Math.min(bound, withoutCare + motherSessionsWithin(places.get(key) ?? 0, needing)),
    0,
  );
}

/**
 * The most sessions of mothers who need care that the child-sessions hold: each takes at least as many as she
 * has children who surely need care at any of her group's times, so mothers with the fewest first.
 */
function motherSessionsWithin(
  childSessions: number,
  needing: { children: number; sessions: number }[],
): number {
  let left = childSessions;
  let placed = 0;
  for (const { children, sessions } of [...needing].sort((a, b) => a.children - b.children)) {
    const fit = Math.min(sessions, Math.floor(left / children));
    placed += fit;
    left -= fit * children;
    if (fit < sessions) break;
  }
  return placed;
}

/**
 * The children of a mother who need care at this time whatever her rides (under 4, or of school age while even
 * her shortest time away leaves school hours), each with the age bands of open providers within reach that
 * could take the child, and whether all those are at the location (so the child rides along with her: a seat
 * and a child seat each way).
 */
function careNeeds(option: SlotOption, location: Position, region: BoundResources) {
  const { slot, dates } = option;
  const first = dates[0]?.date;
  const last = dates[dates.length - 1]?.date;
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
  const atLocation = new Set(
    open.filter((provider) => {
      const position = positionOf(provider);
      return position !== undefined && straightLineKm(position, location) <= NEAR_LOCATION_KM;
    }),
  );
  const capacity = new Map<string, number>();
  const known = new Map<string, { bandsOf: string[][]; riding: number }>();
  const of = (mother: JointParticipant): { bandsOf: string[][]; riding: number } => {
    if (first === undefined) return { bandsOf: [], riding: 0 };
    // Only a woman who is collected is ever routed, and then her time away runs from her pickup: at most her
    // ride by road before she arrives. Any other woman is away for the format's estimate, whatever her mode.
    const estimate = mother.position ? formatDirectMinutes(mother.position, location) : 0;
    const direct =
      mother.position && mother.transport === 'pickup'
        ? Math.min(estimate, region.minutes(mother.position, location, 'driving'))
        : estimate;
    const leaving = estimatedAway(slot, region.policy.arriveMinutesBefore, direct);
    const away = { from: leaving.from + ESTIMATE_SLACK_MINUTES, to: leaving.to - ESTIMATE_SLACK_MINUTES };
    const needs = (child: JointParticipant['children'][number], date: string) =>
      careNeedReason(child, date, slot.weekday, away, region.schoolHours, () => false) !== undefined;
    const children = mother.children.filter((child) => needs(child, first) && needs(child, last));
    if (children.length === 0) return { bandsOf: [], riding: 0 };
    const near = open.filter((provider) => {
      const position = positionOf(provider);
      return (
        atLocation.has(provider) ||
        (position !== undefined &&
          mother.position !== undefined &&
          straightLineKm(position, mother.position) <= NEAR_HOME_KM)
      );
    });
    let riding = 0;
    const bandsOf = children.map((child) => {
      const youngest = ageInMonths(child.birthDate, first);
      const oldest = ageInMonths(child.birthDate, last);
      let nearHome = false;
      const bands = near.flatMap((provider) =>
        provider.places.flatMap((band, index) => {
          if (band.minAgeMonths > oldest || band.maxAgeMonths < youngest) return [];
          const key = `${provider.id}#${index}`;
          capacity.set(key, band.capacity);
          nearHome ||= !atLocation.has(provider);
          return [key];
        }),
      );
      if (bands.length > 0 && !nearHome) riding++;
      return bands;
    });
    return { bandsOf, riding };
  };
  return {
    capacity,
    of: (mother: JointParticipant) => {
      let found = known.get(mother.id);
      if (!found) known.set(mother.id, (found = of(mother)));
      return found;
    },
  };
}

/**
 * The women free at this time whose children who surely need care cannot all have a place, and how many free
 * women have such children at all.
 */
function careExclusion(
  needs: ReturnType<typeof careNeeds>,
  free: JointParticipant[],
): { excluded: number; needing: number; placeable: Map<string, number> } {
  const { capacity } = needs;
  let unplaceable = 0;
  // Each needing mother with, per child, the bands that could take that child.
  const mothers: string[][][] = [];
  const placeable = new Map<string, number>();
  for (const mother of free) {
    const { bandsOf } = needs.of(mother);
    if (bandsOf.length === 0) continue;
    if (bandsOf.some((bands) => bands.length === 0)) unplaceable++;
    else {
      mothers.push(bandsOf);
      placeable.set(mother.id, bandsOf.length);
    }
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
  return { excluded: unplaceable + worst, needing: unplaceable + mothers.length, placeable };
}

/**
 * The groups' worths where they share trainers and rooms (one weekly session each): a trainer leads one group
 * at a time and a location has its rooms. The day is cut into cells a session long from the earliest start; a
 * session starting in a cell runs through the cell's last minute, so two sessions starting in one cell on one
 * weekday overlap, and one trainer (one room) takes at most one of them. So the most the groups are worth with
 * each group at one of its times, and each trainer and room at most once (a room: its location's rooms) per
 * cell, is no less than any plan's, counted once for trainers and once for rooms. With `interpreted`, also once
 * per language: in a plan that gives every group its interpreters, the groups that meet in one cell and need
 * that language each have one of its interpreters, no interpreter two of them (the planner books an
 * interpreter for one group at a time); the groups that do not need it are worth at most their best. Each count
 * leaves the other holders out, so each is no less than any such plan's worth, and so is their least.
 */
function sharingStaff(
  planning: PlanningInput,
  worths: Map<SlotOption, number>[],
  interpreted: boolean,
): number {
  if (planning.programme.sessionsPerWeek !== 1) return Infinity;
  const cellOf = cellsOf(
    planning,
    worths.flatMap((worth) => [...worth.keys()]),
  );
  if (!cellOf) return Infinity;
  const rooms = new Map(planning.locations.map((location) => [location.id, location.rooms]));
  const trainers: GroupChoice[] = [];
  const places: GroupChoice[] = [];
  worths.forEach((worth, group) => {
    const locationId = planning.groups[group].locationId;
    for (const [option, value] of worth) {
      for (const trainer of option.trainerIds)
        trainers.push({ group, holder: `${trainer}|${cellOf(option)}`, value });
      places.push({ group, holder: `${locationId}|${cellOf(option)}`, value });
    }
  });
  const languages = interpreted
    ? [...new Set(planning.groups.flatMap((group) => group.interpreterLanguages))].sort()
    : [];
  const byLanguage = languages.map((language) => {
    const interpreters: GroupChoice[] = [];
    let others = 0;
    worths.forEach((worth, group) => {
      if (!planning.groups[group].interpreterLanguages.includes(language)) {
        others += Math.max(0, ...worth.values());
        return;
      }
      for (const [option, value] of worth)
        for (const interpreter of option.interpreters.get(language) ?? [])
          interpreters.push({ group, holder: `${interpreter}|${cellOf(option)}`, value });
    });
    return others + mostAssigned(interpreters, worths.length, () => 1);
  });
  return Math.min(
    mostAssigned(trainers, worths.length, () => 1),
    mostAssigned(places, worths.length, (holder) => rooms.get(holder.slice(0, holder.lastIndexOf('|'))) ?? 1),
    ...byLanguage,
  );
}
