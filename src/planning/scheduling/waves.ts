import { addDays } from '../time/calendar';
import { GroupInput, MemberInput, PlanningInput } from './model';
import { rollingStartDay } from './rolling-start';

export interface Wave {
  startDate: string;
  groups: GroupInput[];
}

/**
 * The order in which groups are planned: by their first day, those that start together at once. A group that
 * follows another starts the day after that group's last session (not before its own start date, if it has one),
 * so it waits until that group is planned. Each wave starts no earlier than the one before it, so the groups
 * planned earlier are the only ones that can still be running when a wave starts. A group with a rolling start
 * starts no earlier than the day enough of its members are ready.
 */
export class Waves {
  private readonly pending: GroupInput[];
  private readonly ends = new Map<string, string | undefined>();
  private readonly ids: Set<string>;
  private readonly members: Map<string, MemberInput>;
  /** Groups with a rolling start whose members are never enough, and why. */
  private readonly tooFewReady = new Map<string, string>();

  constructor(private readonly input: PlanningInput) {
    this.pending = [...input.groups];
    this.ids = new Set(input.groups.map((group) => group.id));
    this.members = new Map(input.members.map((member) => [member.id, member]));
  }

  /** The groups to plan next, with their first day; undefined when none can start. */
  next(): Wave | undefined {
    const ready = this.pending
      .map((group) => ({ group, startDate: this.startOf(group) }))
      .filter((entry): entry is { group: GroupInput; startDate: string } => entry.startDate !== undefined);
    if (ready.length === 0) return undefined;
    const startDate = ready.map((entry) => entry.startDate).sort()[0];
    const groups = ready.filter((entry) => entry.startDate === startDate).map((entry) => entry.group);
    for (const group of groups) this.pending.splice(this.pending.indexOf(group), 1);
    return { startDate, groups };
  }

  /** A group planned, with its last date; undefined when it could not be planned. */
  done(groupId: string, lastDate: string | undefined): void {
    this.ends.set(groupId, lastDate);
  }

  /** The groups that never could start, and why. */
  neverStarted(): [string, string][] {
    return this.pending.map((group) => [group.id, this.whyNot(group)]);
  }

  private startOf(group: GroupInput): string | undefined {
    const earliest = this.earliestStartOf(group);
    if (earliest === undefined || !group.rollingStart) return earliest;
    const day = rollingStartDay(group, (id) => this.members.get(id), earliest, this.input.programme);
    if ('reason' in day) {
      this.tooFewReady.set(group.id, day.reason);
      return undefined;
    }
    return day.startDate;
  }

  private earliestStartOf(group: GroupInput): string | undefined {
    const own = group.startDate ?? this.input.programme.startDate;
    if (!group.after) return own;
    const end = this.ends.get(group.after);
    if (end === undefined) return undefined;
    const next = addDays(end, 1);
    return group.startDate && group.startDate > next ? group.startDate : next;
  }

  private whyNot(group: GroupInput): string {
    const tooFew = this.tooFewReady.get(group.id);
    if (tooFew) return tooFew;
    const after = group.after!;
    const name = this.input.groups.find((other) => other.id === after)?.ref ?? after;
    if (!this.ids.has(after)) return `it follows a group that is not in the programme (${after})`;
    const byId = new Map(this.input.groups.map((other) => [other.id, other]));
    const seen = new Set([group.id]);
    for (let next = byId.get(after); next?.after && !seen.has(next.id); next = byId.get(next.after)) {
      seen.add(next.id);
      if (next.after === group.id) return `it follows group ${name} in a circle: none of them can start`;
    }
    return `it follows group ${name}, which is not planned`;
  }
}
