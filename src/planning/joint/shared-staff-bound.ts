import { PlanningInput } from '../scheduling/model';
import { SlotOption } from '../scheduling/slot-options';
import { toMinutes } from '../time/calendar';

/** One way a group could meet: what it is worth, and what it takes that is scarce (a trainer or a room at a time). */
export interface GroupChoice {
  group: number;
  /** A trainer, or a room of a location, at one time of the week. */
  holder: string;
  value: number;
}

/**
 * The most the groups are worth together when each meets at most once a week and no holder takes more groups
 * than its capacity: a maximum-weight assignment, by the shortest augmenting paths of a min-cost flow (source →
 * group → holder → sink, costs the negated worths). Groups without a choice count 0.
 */
export function mostAssigned(
  choices: GroupChoice[],
  groups: number,
  capacity: (holder: string) => number,
): number {
  const holders = [...new Set(choices.map((choice) => choice.holder))].sort();
  const holderNode = new Map(holders.map((holder, i) => [holder, 1 + groups + i]));
  const sink = 1 + groups + holders.length;
  const nodes = sink + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const out: number[][] = Array.from({ length: nodes }, () => []);
  const edge = (a: number, b: number, capacity: number, price: number) => {
    out[a].push(to.length);
    to.push(b);
    cap.push(capacity);
    cost.push(price);
    out[b].push(to.length);
    to.push(a);
    cap.push(0);
    cost.push(-price);
  };
  // Only a group's best worth per holder matters.
  const best = new Map<string, number>();
  for (const { group, holder, value } of choices) {
    const key = `${group}|${holder}`;
    if (value > 0 && value > (best.get(key) ?? 0)) best.set(key, value);
  }
  for (let group = 0; group < groups; group++) edge(0, 1 + group, 1, 0);
  for (const [key, value] of [...best].sort()) {
    const [group, holder] = [Number(key.slice(0, key.indexOf('|'))), key.slice(key.indexOf('|') + 1)];
    edge(1 + group, holderNode.get(holder)!, 1, -value);
  }
  for (const holder of holders) edge(holderNode.get(holder)!, sink, capacity(holder), 0);
  let total = 0;
  // Each round the cheapest path from source to sink in the residual graph (Bellman–Ford by a queue: costs are
  // negative, and the graph is small); a path that no longer gains ends the search.
  for (;;) {
    const distance = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    const queued = new Array<boolean>(nodes).fill(false);
    distance[0] = 0;
    const queue = [0];
    while (queue.length > 0) {
      const node = queue.shift()!;
      queued[node] = false;
      for (const e of out[node]) {
        if (cap[e] <= 0 || distance[node] + cost[e] >= distance[to[e]]) continue;
        distance[to[e]] = distance[node] + cost[e];
        via[to[e]] = e;
        if (!queued[to[e]]) {
          queued[to[e]] = true;
          queue.push(to[e]);
        }
      }
    }
    if (distance[sink] >= 0) break;
    for (let node = sink; node !== 0; node = to[via[node] ^ 1]) {
      cap[via[node]] -= 1;
      cap[via[node] ^ 1] += 1;
    }
    total -= distance[sink];
  }
  return total;
}

/**
 * The day cut into cells a session long from the earliest start: a session starting in a cell runs through the
 * cell's last minute, so sessions starting in one cell on one date overlap.
 */
export function cellsOf(planning: PlanningInput, options: SlotOption[]) {
  const earliest = toMinutes(planning.policy.earliestStart);
  const length = Math.min(...options.map(({ slot }) => slot.end - slot.start));
  if (!(length > 0)) return undefined;
  return ({ slot }: SlotOption) => `${slot.weekday}@${Math.floor((slot.start - earliest) / length)}`;
}
