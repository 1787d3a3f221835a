import { toMinutes } from '../time/calendar';
import {
  CareNearLocation,
  ExtraRole,
  GroupInput,
  LocationInput,
  RoleHolder,
  SharedResources,
  WeeklySlot,
} from './model';
import { fewestInterpreters, fillRoles } from './roles';
import { SlotOption, unfilledAt } from './slot-options';

/** Minutes before a session and after it during which the fleet is busy with its women. */
const FLEET_MARGIN = 90;

/**
 * Whether two sessions of a day want the fleet at once: a vehicle brings women in the margin before a start and
 * takes them home in the margin after an end, and is free while the session runs.
 */
const meet = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

export const fleetBusyTogether = (a: WeeklySlot, b: WeeklySlot): boolean =>
  // Asked for every option against every booking of its day: compared in place, without building the windows.
  meet(a.start - FLEET_MARGIN, a.start, b.start - FLEET_MARGIN, b.start) ||
  meet(a.start - FLEET_MARGIN, a.start, b.end, b.end + FLEET_MARGIN) ||
  meet(a.end, a.end + FLEET_MARGIN, b.start - FLEET_MARGIN, b.start) ||
  meet(a.end, a.end + FLEET_MARGIN, b.end, b.end + FLEET_MARGIN);

/** The places of the providers open for the whole session: one that opens later or closes earlier takes none. */
const placesOpen = (near: CareNearLocation[], slot: WeeklySlot) =>
  near
    .filter(({ openingHours }) =>
      openingHours.some(
        (hours) =>
          hours.weekday === slot.weekday &&
          toMinutes(hours.from) <= slot.start &&
          slot.end <= toMinutes(hours.to),
      ),
    )
    .reduce((sum, { places }) => sum + places, 0);

export interface Placement {
  option: SlotOption;
  trainerId: string;
  interpreterIds: string[];
  roles: RoleHolder[];
}

interface Booking extends WeeklySlot {
  groupId: string;
  demand: SlotOption['demand'];
  locationId: string;
  people: string[];
}

/** Everyone a placement books: the trainer, the interpreters and whoever fills a role. */
const peopleOf = ({ trainerId, interpreterIds, roles }: Omit<Placement, 'option'>) => [
  ...new Set([trainerId, ...interpreterIds, ...roles.map((holder) => holder.staffId)]),
];

const overlaps = (a: WeeklySlot, b: WeeklySlot) =>
  a.weekday === b.weekday && a.start < b.end && b.start < a.end;

/** Whether someone speaks two of the languages (each a list of its speakers). */
function speaksSeveral(speakers: string[][]): boolean {
  const seen = new Set<string>();
  for (const ids of speakers) {
    for (const id of new Set(ids)) {
      if (seen.has(id)) return true;
      seen.add(id);
    }
  }
  return false;
}

/**
 * The week of all groups: who leads and interprets when, and how many rooms of each location are taken. Two
 * groups on the same weekday and time share the same dates (same programme start, same closed dates), so a clash
 * in the week is a clash on every date. Bookings are kept by group, by location and by person, so that a check
 * looks at the few bookings that could clash and not at the whole week.
 */
class WeekPlan {
  private readonly byGroup = new Map<string, Booking[]>();
  private readonly byLocation = new Map<string, Booking[]>();
  private readonly byPerson = new Map<string, Booking[]>();
  /** By weekday: what competes for care places and vehicles is what meets that day. */
  private readonly byWeekday = new Map<number, Booking[]>();

  constructor(
    private readonly rooms: Map<string, number>,
    private readonly resources?: SharedResources,
    private readonly rolesNeeded: ExtraRole[] = [],
  ) {}

  /**
   * The women a group would lose, over its series, for want of care places or seats at this option: the
   * shortage it adds to what the groups already placed near that time ask of the location's care and the fleet.
   */
  shortage(group: GroupInput, option: SlotOption): number {
    if (!this.resources) return 0;
    const { slot, demand } = option;
    const { vehicles, seatsPerVehicle } = this.resources;
    const unitsOf = (riders: number) => Math.ceil(riders / Math.max(1, seatsPerVehicle));
    let fleet = 0;
    let care = 0;
    for (const booking of this.byWeekday.get(slot.weekday) ?? []) {
      if (booking.groupId === group.id) continue;
      if (fleetBusyTogether(booking, slot)) fleet += unitsOf(booking.demand.riders);
      if (booking.locationId === group.locationId && booking.start < slot.end && slot.start < booking.end)
        care += booking.demand.careChildren;
    }
    const places = placesOpen(this.resources.carePlaces.get(group.locationId) ?? [], slot);
    const added = (own: number, others: number, capacity: number) =>
      Math.max(0, own + others - capacity) - Math.max(0, others - capacity);
    const ridersLost = Math.min(
      demand.riders,
      added(unitsOf(demand.riders), fleet, vehicles) * seatsPerVehicle,
    );
    return (ridersLost + added(demand.careChildren, care, places)) * option.dates.length;
  }

  private clashing(
    list: Map<string, Booking[]>,
    key: string,
    group: GroupInput,
    slot: WeeklySlot,
  ): Booking[] {
    return (list.get(key) ?? []).filter((booking) => booking.groupId !== group.id && overlaps(booking, slot));
  }

  /**
   * Books the group at the option with a free trainer, the fewest free interpreters who speak its languages and a
   * free person for each role, or answers undefined. Nobody takes two parts in one session.
   */
  place(group: GroupInput, option: SlotOption): Placement | undefined {
    const placement = this.fit(group, option);
    if (placement) this.book(group, [placement]);
    return placement;
  }

  /**
   * Whether `fit` finds a placement: a room and a trainer are free then (a language or role may go short). Asked
   * of every option of a group before its options are ranked, so without building lists.
   */
  fits(group: Pick<GroupInput, 'id' | 'locationId'>, option: SlotOption): boolean {
    const { slot } = option;
    const rooms = this.rooms.get(group.locationId) ?? 1;
    if (this.clashes(this.byLocation.get(group.locationId), group, slot, rooms) >= rooms) return false;
    return option.trainerIds.some((id) => this.clashes(this.byPerson.get(id), group, slot, 1) === 0);
  }

  /** How many of the bookings, other groups', overlap the slot, counted up to `enough`. */
  private clashes(
    bookings: Booking[] | undefined,
    group: Pick<GroupInput, 'id'>,
    slot: WeeklySlot,
    enough: number,
  ): number {
    let count = 0;
    for (const booking of bookings ?? [])
      if (booking.groupId !== group.id && overlaps(booking, slot) && ++count >= enough) break;
    return count;
  }

  /** The placement `place` would book, without booking it. */
  fit(group: GroupInput, option: SlotOption): Placement | undefined {
    const { slot } = option;
    if (
      this.clashing(this.byLocation, group.locationId, group, slot).length >=
      (this.rooms.get(group.locationId) ?? 1)
    ) {
      return undefined;
    }
    const free = (id: string) => this.clashing(this.byPerson, id, group, slot).length === 0;
    const trainerId = option.trainerIds.find(free);
    if (!trainerId) return undefined;
    const speakers = group.interpreterLanguages.map((language) => option.interpreters.get(language) ?? []);
    // Asking who is free costs a look at each one's bookings: where nobody speaks two of the group's languages,
    // the fewest are the first free speaker of each language, found without asking about the others.
    const interpreterIds = speaksSeveral(speakers)
      ? fewestInterpreters(
          new Map(
            group.interpreterLanguages.map((language, index) => [
              language,
              speakers[index].filter((id) => id !== trainerId && free(id)),
            ]),
          ),
        )
      : [
          ...new Set(
            speakers.flatMap((ids) => {
              const first = ids.find((id) => id !== trainerId && free(id));
              return first ? [first] : [];
            }),
          ),
        ].sort();
    const roles = fillRoles(
      this.rolesNeeded,
      new Map(
        [...option.roleCandidates].map(([role, ids]) => [
          role,
          ids.filter((id) => id !== trainerId && !interpreterIds.includes(id) && free(id)),
        ]),
      ),
    );
    return { option, trainerId, interpreterIds, roles };
  }

  /** Books placements as they are: ones that were valid before and whose people and rooms nobody took since. */
  book(group: GroupInput, placements: Placement[]): void {
    for (const placement of placements)
      this.hold(group, placement.option.slot, placement.option.demand, peopleOf(placement));
  }

  /** Books the group's room and people at a weekly time. */
  hold(
    group: Pick<GroupInput, 'id' | 'locationId'>,
    slot: WeeklySlot,
    demand: SlotOption['demand'],
    people: string[],
  ): void {
    const add = <K>(list: Map<K, Booking[]>, key: K, booking: Booking) => {
      const bookings = list.get(key);
      if (bookings) bookings.push(booking);
      else list.set(key, [booking]);
    };
    const booking = { ...slot, groupId: group.id, demand, locationId: group.locationId, people };
    add(this.byGroup, group.id, booking);
    add(this.byLocation, group.locationId, booking);
    add(this.byWeekday, booking.weekday, booking);
    for (const person of booking.people) add(this.byPerson, person, booking);
  }

  /** The groups that hold one of the option's trainers, or a room of the group's location, at its time. */
  holders(group: GroupInput, option: SlotOption, interpreters: boolean): string[] {
    return [
      ...this.clashing(this.byLocation, group.locationId, group, option.slot),
      ...option.trainerIds.flatMap((id) => this.clashing(this.byPerson, id, group, option.slot)),
      // For a group short of an interpreter or a role, one another group holds then is as much in the way as a
      // trainer.
      ...(interpreters
        ? [...option.interpreters.values(), ...option.roleCandidates.values()]
            .flat()
            .flatMap((id) => this.clashing(this.byPerson, id, group, option.slot))
        : []),
    ].map((booking) => booking.groupId);
  }

  release(groupId: string): void {
    const remove = <K>(list: Map<K, Booking[]>, key: K, booking: Booking) => {
      const bookings = list.get(key)!;
      bookings.splice(bookings.indexOf(booking), 1);
    };
    for (const booking of this.byGroup.get(groupId) ?? []) {
      remove(this.byLocation, booking.locationId, booking);
      remove(this.byWeekday, booking.weekday, booking);
      for (const person of booking.people) remove(this.byPerson, person, booking);
    }
    this.byGroup.delete(groupId);
  }
}

/**
 * The week of a plan's groups where it placed them: whether another group, moved, would find a room and a
 * trainer free at a time (`fits`, the check the greedy pass makes before it ranks a group's times). A group's
 * own bookings never stand in its way.
 */
export function weekOf(
  placed: { groupId: string; slots: (WeeklySlot & Omit<Placement, 'option'>)[] }[],
  groups: Pick<GroupInput, 'id' | 'locationId'>[],
  locations: LocationInput[],
): Pick<WeekPlan, 'fits'> {
  const week = new WeekPlan(new Map(locations.map((location) => [location.id, location.rooms])));
  const locationOf = new Map(groups.map((group) => [group.id, group.locationId]));
  for (const { groupId, slots } of placed) {
    const group = { id: groupId, locationId: locationOf.get(groupId) ?? '' };
    for (const slot of slots) week.hold(group, slot, { riders: 0, careChildren: 0 }, peopleOf(slot));
  }
  return week;
}

/**
 * The group's languages that have no interpreter at a placement, and its roles without a person: none available
 * then, or all of them taken by other groups. What the plan reports as missing, rather than the availability
 * alone that ranks the options.
 */
const unfilled = ({ option, interpreterIds, roles }: Placement, rolesNeeded: ExtraRole[]) =>
  [...option.interpreters.values()].filter((ids) => !ids.some((id) => interpreterIds.includes(id))).length +
  rolesNeeded.length -
  roles.length;

/** Sums over the placements of some groups (undefined: left out), in the order in which compareOptions ranks. */
const totals = (choices: (Placement[] | undefined)[], rolesNeeded: ExtraRole[]) => {
  const all = choices.flatMap((choice) => choice ?? []);
  return {
    unplaced: choices.filter((choice) => !choice).length,
    missing: all.reduce((sum, p) => sum + unfilled(p, rolesNeeded), 0),
    attendable: all.reduce((sum, p) => sum + p.option.attendable, 0),
    conflicts: all.reduce((sum, p) => sum + p.option.providerConflicts, 0),
  };
};

/**
 * Whether some groups are better off together than before: fewer groups left out, then fewer languages without
 * an interpreter and roles without a person, more member-sessions attendable less a share of those lost for want
 * of care or seats (with the shared resources in view), fewer provider conflicts.
 */
/**
 * How much the rounds count the women a time would lose for want of care or seats (`shortage`), against the
 * member-sessions it keeps free of lessons: half. The shortage is an estimate that overstates the loss (seats in
 * whole vehicles, care in children rather than mothers). Counted whole, the rounds gave up more lesson-free
 * sessions than care and rides won back (300 region: 4232 could come without it, 4069 with it whole); at a
 * quarter 4284, at half 4286 (1000 region: 10 824, 10 925, 11 145; at three quarters 10 461).
 */
const SHORTAGE_WEIGHT = 0.5;

const improves = (after: Chosen, before: Chosen, rolesNeeded: ExtraRole[]) => {
  const x = totals(after.placements, rolesNeeded);
  const y = totals(before.placements, rolesNeeded);
  return (
    (x.unplaced - y.unplaced ||
      x.missing - y.missing ||
      y.attendable - SHORTAGE_WEIGHT * before.shortage - (x.attendable - SHORTAGE_WEIGHT * after.shortage) ||
      x.conflicts - y.conflicts) < 0
  );
};

/** Some groups' placements (undefined: left out), and the women they would lose for want of care or seats. */
interface Chosen {
  placements: (Placement[] | undefined)[];
  shortage: number;
}

/** Rounds of improvement at most; each one that changes nothing ends them. */
const MAX_ROUNDS = 10;
/** The third groups a chain of moves tries for each pair: the time it costs grows with them. */
const MAX_THIRDS = 12;

/**
 * Chooses for every group its weekly slot(s), a trainer, interpreters and the people of its roles, so that nobody is in two places at once
 * and no location holds more groups than it has rooms. Greedy, most constrained groups first (pinned groups
 * before all); then rounds in which a group takes a better time (or, if it has none, any time) that another group
 * holds, and that group takes the best time left to it, when the two together are better off.
 */
export function assignGroups(
  groups: GroupInput[],
  optionsByGroup: Map<string, SlotOption[]>,
  locations: LocationInput[],
  slotsPerGroup: number,
  resources?: SharedResources,
  rolesNeeded: ExtraRole[] = [],
): { placements: Map<string, Placement[]>; unplaced: Map<string, string> } {
  const week = new WeekPlan(
    new Map(locations.map((location) => [location.id, location.rooms])),
    resources,
    rolesNeeded,
  );
  const placements = new Map<string, Placement[]>();
  const best = (group: GroupInput) => optionsByGroup.get(group.id)?.[0];
  const order = [...groups].sort((a, b) => {
    const pinned = Number(Boolean(b.pinned?.length)) - Number(Boolean(a.pinned?.length));
    const choices = (group: GroupInput) =>
      (optionsByGroup.get(group.id) ?? []).filter(
        (option) => best(group) && option.attendable === best(group)!.attendable,
      ).length;
    return (
      pinned ||
      choices(a) - choices(b) ||
      b.memberIds.length - a.memberIds.length ||
      (a.ref ?? a.id).localeCompare(b.ref ?? b.id)
    );
  });

  // A time whose roles are all taken by groups placed before is passed over for one where they are free, and
  // taken only when no such time is left: the people of a role are as scarce as a trainer, and without this the
  // groups that come first would hold them at the times all want. Without roles, every time is complete.
  const complete = (placement: Placement) =>
    placement.roles.length + placement.option.missingRoles.length >= rolesNeeded.length;
  const choose = (group: GroupInput): Placement[] | undefined => {
    const chosen: Placement[] = [];
    const passedOver: SlotOption[] = [];
    const tryAt = (option: SlotOption, strict: boolean) => {
      if (chosen.length === slotsPerGroup) return;
      if (option.trainerIds.length === 0) return;
      if (chosen.some((placement) => placement.option.slot.weekday === option.slot.weekday)) return;
      const placement = week.fit(group, option);
      if (!placement) return;
      if (strict && !complete(placement)) {
        passedOver.push(option);
        return;
      }
      week.book(group, [placement]);
      chosen.push(placement);
    };
    // Only the times where a trainer and a room are free can take the group: the others are not ranked (ranking
    // costs a look at the day's bookings for each). What the group books meanwhile does not change which fit.
    const open = (optionsByGroup.get(group.id) ?? []).filter(
      (option) => option.trainerIds.length > 0 && week.fits(group, option),
    );
    for (const option of ranked(group, open)) tryAt(option, true);
    for (const option of passedOver) tryAt(option, false);
    if (chosen.length === slotsPerGroup) return chosen;
    week.release(group.id);
    return undefined;
  };

  // With the shared resources in view, an option's women are counted less those it would leave without care or
  // a seat, given the groups already placed; the rank breaks ties. Interpreters and roles still come first.
  const ranked = (group: GroupInput, options: SlotOption[]): SlotOption[] => {
    if (!resources) return options;
    const score = new Map(
      options.map((option) => [option, option.attendable - week.shortage(group, option)]),
    );
    return options
      .map((option, index) => ({ option, index }))
      .sort(
        (a, b) =>
          unfilledAt(a.option) - unfilledAt(b.option) ||
          score.get(b.option)! - score.get(a.option)! ||
          a.index - b.index,
      )
      .map(({ option }) => option);
  };

  for (const group of order) {
    const chosen = choose(group);
    if (chosen) placements.set(group.id, chosen);
  }

  // The greedy pass leaves a group only the times that the groups before it left free, so moving one group alone
  // never finds a better time: a better time is held by another group, which may be as well off elsewhere. Each
  // move makes the plan strictly better, so the rounds end; the cap bounds the time on very large regions.
  // What the moved groups would lose for want of care or seats, each against the others as booked now.
  const chosen = (moved: GroupInput[], placed: (Placement[] | undefined)[]): Chosen => ({
    placements: placed,
    shortage: moved.reduce(
      (sum, one, index) =>
        sum +
        (placed[index] ?? []).reduce((lost, placement) => lost + week.shortage(one, placement.option), 0),
      0,
    ),
  });
  const movable = order.filter((group) => !group.pinned?.length);
  const byId = new Map(movable.map((group) => [group.id, group]));
  const keep = (moved: GroupInput[], after: (Placement[] | undefined)[]) => {
    for (const [index, one] of moved.entries()) {
      if (after[index]) placements.set(one.id, after[index]);
      else placements.delete(one.id);
    }
  };
  // A chain of three moves: the group has taken the rival's time, and the rival, rather than the best time left,
  // takes a better one a third group holds, which then takes the best time left to it. Kept only when the three
  // together are better off; otherwise the group stays placed and the rival and the third as they were.
  const chain = (
    [group, groupAfter]: [GroupInput, Placement[]],
    [rival, rivalAfter]: [GroupInput, Placement[] | undefined],
    before: Chosen,
  ): boolean => {
    const options = (optionsByGroup.get(rival.id) ?? []).filter((option) => option.trainerIds.length > 0);
    const reached = rivalAfter
      ? Math.max(...rivalAfter.map((p) => options.indexOf(p.option)))
      : options.length;
    const short = (rivalAfter ?? []).some((placement) => unfilled(placement, rolesNeeded) > 0);
    week.release(rival.id);
    const thirds = [
      ...new Set(
        options
          .slice(0, short ? reached + 1 : reached)
          .flatMap((option) => week.holders(rival, option, short)),
      ),
    ]
      .map((id) => byId.get(id))
      .filter((third): third is GroupInput => third !== undefined && third.id !== group.id)
      .slice(0, MAX_THIRDS);
    for (const third of thirds) {
      const thirdBefore = placements.get(third.id);
      const thirdWas = chosen([third], [thirdBefore]);
      week.release(third.id);
      const after = [groupAfter, choose(rival), choose(third)];
      const was = {
        placements: [...before.placements, thirdBefore],
        shortage: before.shortage + thirdWas.shortage,
      };
      if (improves(chosen([group, rival, third], after), was, rolesNeeded)) {
        keep([group, rival, third], after);
        return true;
      }
      week.release(rival.id);
      week.release(third.id);
      if (thirdBefore) week.book(third, thirdBefore);
    }
    return false;
  };
  for (let round = 0, improved = true; improved && round < MAX_ROUNDS; round++) {
    improved = false;
    for (const group of movable) {
      const options = (optionsByGroup.get(group.id) ?? []).filter((option) => option.trainerIds.length > 0);
      const current = placements.get(group.id);
      const worst = current ? Math.max(...current.map((p) => options.indexOf(p.option))) : options.length;
      // A group short of an interpreter also looks at who holds one, at its own times too.
      const short = (current ?? []).some((placement) => unfilled(placement, rolesNeeded) > 0);
      const rivals = [
        ...new Set(
          options.slice(0, short ? worst + 1 : worst).flatMap((option) => week.holders(group, option, short)),
        ),
      ];
      for (const rivalId of rivals) {
        const rival = byId.get(rivalId);
        if (!rival) continue;
        const before = chosen([group, rival], [current, placements.get(rival.id)]);
        week.release(group.id);
        week.release(rival.id);
        const after = [choose(group), choose(rival)];
        if (improves(chosen([group, rival], after), before, rolesNeeded)) {
          keep([group, rival], after);
          improved = true;
          break;
        }
        if (after[0] && chain([group, after[0]], [rival, after[1]], before)) {
          improved = true;
          break;
        }
        week.release(group.id);
        week.release(rival.id);
        for (const [index, one] of [group, rival].entries())
          if (before.placements[index]) week.book(one, before.placements[index]);
      }
    }
  }

  const unplaced = new Map(
    order
      .filter((group) => !placements.has(group.id))
      .map((group) => [group.id, reasonUnplaced(group, optionsByGroup.get(group.id) ?? [], slotsPerGroup)]),
  );
  return { placements, unplaced };
}

function reasonUnplaced(group: GroupInput, options: SlotOption[], slotsPerGroup: number): string {
  if (options.length === 0) {
    return group.pinned?.length
      ? 'its pinned time is outside the opening hours or the policy window'
      : 'no time in the policy window falls within the opening hours of its location';
  }
  if (options.every((option) => option.trainerIds.length === 0)) {
    return group.trainerIds.length === 0
      ? 'it has no trainers'
      : 'none of its trainers is available when its location is open';
  }
  return `no ${slotsPerGroup > 1 ? `${slotsPerGroup} weekly times are` : 'weekly time is'} left where a trainer and a room are free`;
}
