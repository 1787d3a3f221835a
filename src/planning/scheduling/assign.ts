import { GroupInput, LocationInput, WeeklySlot } from './model';
import { compareOptions, SlotOption } from './slot-options';

export interface Placement {
  option: SlotOption;
  trainerId: string;
  interpreterIds: string[];
}

interface Booking extends WeeklySlot {
  groupId: string;
  locationId: string;
  trainerId: string;
  interpreterIds: string[];
}

const overlaps = (a: WeeklySlot, b: WeeklySlot) =>
  a.weekday === b.weekday && a.start < b.end && b.start < a.end;

/**
 * The week of all groups: who leads and interprets when, and how many rooms of each location are taken. Two
 * groups on the same weekday and time share the same dates (same programme start, same closed dates), so a clash
 * in the week is a clash on every date.
 */
class WeekPlan {
  private readonly bookings: Booking[] = [];

  constructor(private readonly rooms: Map<string, number>) {}

  /** Books the group at the option with a free trainer and free interpreters, or answers undefined. */
  place(group: GroupInput, option: SlotOption): Placement | undefined {
    const clashing = this.bookings.filter(
      (booking) => booking.groupId !== group.id && overlaps(booking, option.slot),
    );
    if (
      clashing.filter((booking) => booking.locationId === group.locationId).length >=
      (this.rooms.get(group.locationId) ?? 1)
    ) {
      return undefined;
    }
    const busy = new Set(clashing.flatMap((booking) => [booking.trainerId, ...booking.interpreterIds]));
    const trainerId = option.trainerIds.find((id) => !busy.has(id));
    if (!trainerId) return undefined;
    const interpreterIds = new Set<string>();
    for (const language of group.interpreterLanguages) {
      const chosen = (option.interpreters.get(language) ?? []).find(
        (id) => !busy.has(id) && id !== trainerId,
      );
      if (chosen) interpreterIds.add(chosen);
    }
    const placement = { option, trainerId, interpreterIds: [...interpreterIds].sort() };
    this.bookings.push({
      ...option.slot,
      groupId: group.id,
      locationId: group.locationId,
      trainerId,
      interpreterIds: placement.interpreterIds,
    });
    return placement;
  }

  release(groupId: string): void {
    for (let index = this.bookings.length - 1; index >= 0; index--) {
      if (this.bookings[index].groupId === groupId) this.bookings.splice(index, 1);
    }
  }
}

/** Better first, as compareOptions, for a whole placement of one or more weekly slots. */
const compareChoices = (a: Placement[], b: Placement[]) => {
  const total = (choice: Placement[]) => ({
    missing: choice.reduce((sum, p) => sum + p.option.missingLanguages.length, 0),
    attendable: choice.reduce((sum, p) => sum + p.option.attendable, 0),
    conflicts: choice.reduce((sum, p) => sum + p.option.providerConflicts, 0),
  });
  const x = total(a);
  const y = total(b);
  return (
    x.missing - y.missing ||
    y.attendable - x.attendable ||
    x.conflicts - y.conflicts ||
    a.reduce((sum, p, i) => sum || compareOptions(p.option, b[i].option), 0)
  );
};

/**
 * Chooses for every group its weekly slot(s), a trainer and interpreters, so that nobody is in two places at once
 * and no location holds more groups than it has rooms. Greedy, most constrained groups first (pinned groups
 * before all), then a few rounds of moving single groups to a better time that has become free.
 */
export function assignGroups(
  groups: GroupInput[],
  optionsByGroup: Map<string, SlotOption[]>,
  locations: LocationInput[],
  slotsPerGroup: number,
): { placements: Map<string, Placement[]>; unplaced: Map<string, string> } {
  const week = new WeekPlan(new Map(locations.map((location) => [location.id, location.rooms])));
  const placements = new Map<string, Placement[]>();
  const unplaced = new Map<string, string>();
  const best = (group: GroupInput) => optionsByGroup.get(group.id)?.[0];
  const order = [...groups].sort((a, b) => {
    const pinned = Number(Boolean(b.pinned?.length)) - Number(Boolean(a.pinned?.length));
    const choices = (group: GroupInput) =>
      (optionsByGroup.get(group.id) ?? []).filter(
        (option) => best(group) && option.attendable === best(group)!.attendable,
      ).length;
    return (
      pinned || choices(a) - choices(b) || b.memberIds.length - a.memberIds.length || a.id.localeCompare(b.id)
    );
  });

  const choose = (group: GroupInput): Placement[] | undefined => {
    const chosen: Placement[] = [];
    for (const option of optionsByGroup.get(group.id) ?? []) {
      if (chosen.length === slotsPerGroup) break;
      if (option.trainerIds.length === 0) continue;
      if (chosen.some((placement) => placement.option.slot.weekday === option.slot.weekday)) continue;
      const placement = week.place(group, option);
      if (placement) chosen.push(placement);
    }
    if (chosen.length === slotsPerGroup) return chosen;
    week.release(group.id);
    return undefined;
  };

  for (const group of order) {
    const chosen = choose(group);
    if (chosen) placements.set(group.id, chosen);
    else unplaced.set(group.id, reasonUnplaced(group, optionsByGroup.get(group.id) ?? [], slotsPerGroup));
  }

  // Moving one group at a time to a better weekly time that the others leave free.
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (const group of order) {
      const current = placements.get(group.id);
      if (!current || group.pinned?.length) continue;
      week.release(group.id);
      const candidate = choose(group);
      if (candidate && compareChoices(candidate, current) < 0) {
        placements.set(group.id, candidate);
        moved = true;
      } else {
        week.release(group.id);
        for (const placement of current) week.place(group, placement.option);
        placements.set(group.id, current);
      }
    }
    if (!moved) break;
  }
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
