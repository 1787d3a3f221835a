import { Random } from '../routing/random';
import { Level, levelIndex, LEVELS } from './levels';

export interface ProposalWoman {
  id: string;
  /** Her scenario id (or id): ties are broken by it. */
  ref: string;
  language: string;
  interpreterNeeded: boolean;
  level?: Level | null;
}

export interface ProposalLocation {
  id: string;
  ref: string;
}

export interface GroupProposalInput {
  women: ProposalWoman[];
  locations: ProposalLocation[];
  /** travelMinutes[woman][location]: from her home, whole minutes (the offline model or a matrix). */
  travelMinutes: number[][];
  /** free[woman][location][slot]: she can come at that weekly time at that location (see free-slots.ts). */
  free: boolean[][][];
  slotCount: number;
  minSize: number;
  maxSize: number;
  seed: number;
  /** Searches from seeded random orders besides the one from the ordered start; 3 unless given. */
  restarts?: number;
}

/**
 * What a proposal costs, in the order it is judged (lexicographically): language, level, travel, free time.
 * Smaller is better, except `freeAtBestTime` and `commonFreeSlots`.
 */
export interface ProposalScore {
  /** Per group, the languages its women need an interpreter for, summed: each is an interpreter to book. */
  interpreterLanguages: number;
  /** Per group, the languages spoken beyond one, summed. */
  mixedLanguages: number;
  /** Women whose language is not their group's most spoken one. */
  outsideMainLanguage: number;
  /** Per group, the steps between its lowest and highest level (A0…B2), summed; women without a level left out. */
  levelSpread: number;
  /** Steps of each woman from her group's middle (median) level, summed. */
  levelDistance: number;
  /** Minutes from each woman's home to her group's location, summed. */
  travelMinutes: number;
  /** Per group, the women free at its best weekly time (the one most of them are free at), summed. */
  freeAtBestTime: number;
  /** Per group, the weekly times at which more than half of its women are free, summed. */
  commonFreeSlots: number;
}

export interface ProposedGroup {
  locationId: string;
  /** By their refs. */
  memberIds: string[];
  /** Its languages, most spoken first, with how many of its women speak each. */
  languages: { language: string; members: number }[];
  interpreterLanguages: string[];
  /** How many of its women have each level; `unknown`: no level recorded. */
  levels: Partial<Record<Level | 'unknown', number>>;
  meanTravelMinutes: number;
  /** Indices of the weekly times (of the input's slots) at which more than half of its women are free. */
  commonFreeSlots: number[];
  score: ProposalScore;
}

export interface GroupProposal {
  groups: ProposedGroup[];
  score: ProposalScore;
  /** The score in words, one line per criterion, in the order they count. */
  explanation: string[];
}

export type GroupProposalErrorCode = 'no-women' | 'no-locations' | 'size-range' | 'input-shape';

/** A proposal that cannot be made; the code says which rule the input breaks. */
export class GroupProposalError extends Error {
  constructor(
    readonly code: GroupProposalErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GroupProposalError';
  }
}

const CRITERIA = [
  'interpreterLanguages',
  'mixedLanguages',
  'outsideMainLanguage',
  'levelSpread',
  'levelDistance',
  'travelMinutes',
] as const satisfies readonly (keyof ProposalScore)[];

const ZERO: ProposalScore = {
  interpreterLanguages: 0,
  mixedLanguages: 0,
  outsideMainLanguage: 0,
  levelSpread: 0,
  levelDistance: 0,
  travelMinutes: 0,
  freeAtBestTime: 0,
  commonFreeSlots: 0,
};

/** Negative when `a` is better by the criteria before free time. */
const compareBeforeFreeTime = (a: ProposalScore, b: ProposalScore): number => {
  for (const key of CRITERIA) if (a[key] !== b[key]) return a[key] - b[key];
  return 0;
};

/** Negative when `a` is better. */
export function compareScores(a: ProposalScore, b: ProposalScore): number {
  return (
    compareBeforeFreeTime(a, b) ||
    b.freeAtBestTime - a.freeAtBestTime ||
    b.commonFreeSlots - a.commonFreeSlots
  );
}

const plus = (a: ProposalScore, b: ProposalScore, sign = 1): ProposalScore => ({
  interpreterLanguages: a.interpreterLanguages + sign * b.interpreterLanguages,
  mixedLanguages: a.mixedLanguages + sign * b.mixedLanguages,
  outsideMainLanguage: a.outsideMainLanguage + sign * b.outsideMainLanguage,
  levelSpread: a.levelSpread + sign * b.levelSpread,
  levelDistance: a.levelDistance + sign * b.levelDistance,
  travelMinutes: a.travelMinutes + sign * b.travelMinutes,
  freeAtBestTime: a.freeAtBestTime + sign * b.freeAtBestTime,
  commonFreeSlots: a.commonFreeSlots + sign * b.commonFreeSlots,
});

/** A group's counts, kept up to date as women come and go, so that a move is judged without a recount. */
class GroupState {
  size = 0;
  /** Women per language (by index into `languageNames`), and of them those who need an interpreter. */
  readonly languages: Int32Array;
  readonly interpreted: Int32Array;
  readonly levels = new Int32Array(LEVELS.length);
  readonly travel: number[];
  readonly free: Int32Array[];

  constructor(
    private readonly input: GroupProposalInput,
    private readonly codes: LanguageCodes,
  ) {
    this.languages = new Int32Array(codes.names.length);
    this.interpreted = new Int32Array(codes.names.length);
    this.travel = input.locations.map(() => 0);
    this.free = input.locations.map(() => new Int32Array(input.slotCount));
  }

  /** Adds (+1) or takes out (-1) a woman; `withFree` false leaves the free-time counts as they were. */
  change(w: number, sign: 1 | -1, withFree = true): void {
    const woman = this.input.women[w];
    this.size += sign;
    const language = this.codes.of[w];
    this.languages[language] += sign;
    if (woman.interpreterNeeded) this.interpreted[language] += sign;
    if (woman.level) this.levels[levelIndex(woman.level)] += sign;
    const travel = this.input.travelMinutes[w];
    const free = this.input.free[w];
    for (let l = 0; l < this.travel.length; l++) {
      this.travel[l] += sign * travel[l];
      if (!withFree) continue;
      const counts = this.free[l];
      const hers = free[l];
      for (let s = 0; s < counts.length; s++) if (hers[s]) counts[s] += sign;
    }
  }

  /** At location l: the women free at the best weekly time, and the times more than half of them are free. */
  freeTimeAt(l: number): { best: number; common: number } {
    let best = 0;
    let common = 0;
    for (const count of this.free[l]) {
      best = Math.max(best, count);
      if (2 * count > this.size) common++;
    }
    return { best, common };
  }

  /**
   * Its score at its best location: least travel, then most free time, then the first by ref. Without free time
   * (when its counts were not kept), the free-time fields are 0 and only the criteria before them count.
   */
  cost(withFree = true): { score: ProposalScore; location: number } {
    let location = -1;
    let freeThere: { best: number; common: number } | undefined;
    for (let l = 0; l < this.travel.length; l++) {
      if (location < 0 || this.travel[l] < this.travel[location]) {
        location = l;
        freeThere = undefined;
      } else if (withFree && this.travel[l] === this.travel[location]) {
        freeThere ??= this.freeTimeAt(location);
        const free = this.freeTimeAt(l);
        if (free.best > freeThere.best || (free.best === freeThere.best && free.common > freeThere.common))
          [location, freeThere] = [l, free];
      }
    }
    freeThere ??= withFree ? this.freeTimeAt(location) : { best: 0, common: 0 };
    let distinct = 0;
    let main = 0;
    for (const count of this.languages) {
      if (count > 0) distinct++;
      if (count > main) main = count;
    }
    let interpreterLanguages = 0;
    for (const count of this.interpreted) if (count > 0) interpreterLanguages++;
    let known = 0;
    let lowest = -1;
    let highest = -1;
    for (let level = 0; level < this.levels.length; level++) {
      if (this.levels[level] === 0) continue;
      known += this.levels[level];
      if (lowest < 0) lowest = level;
      highest = level;
    }
    let median = 0;
    for (let seen = 0; median < this.levels.length; median++) {
      seen += this.levels[median];
      if (2 * seen >= known) break;
    }
    let levelDistance = 0;
    for (let level = 0; level < this.levels.length; level++)
      levelDistance += this.levels[level] * Math.abs(level - median);
    return {
      location,
      score: {
        interpreterLanguages,
        mixedLanguages: Math.max(0, distinct - 1),
        outsideMainLanguage: this.size - main,
        levelSpread: highest - lowest,
        levelDistance: known > 0 ? levelDistance : 0,
        travelMinutes: this.travel[location],
        freeAtBestTime: freeThere.best,
        commonFreeSlots: freeThere.common,
      },
    };
  }
}

/** Each woman's language as an index, so that a group counts its languages in an array. */
interface LanguageCodes {
  names: string[];
  of: number[];
}

function languageCodes(input: GroupProposalInput): LanguageCodes {
  const names = [...new Set(input.women.map((woman) => woman.language))].sort();
  return { names, of: input.women.map((woman) => names.indexOf(woman.language)) };
}

/** At most this many improving steps per search: a bound on the time, far above what a programme needs. */
const MAX_STEPS = 2000;

interface Solution {
  assignment: number[];
  score: ProposalScore;
}

/**
 * Proposes groups of the women (each group within [minSize, maxSize], the fewest groups that allows) at the
 * locations, judged first by language, then level, travel, and the weekly times most of a group can come to.
 * A start from the women ordered by language and level (and starts from seeded random orders) is improved by
 * moving one woman to another group and by swapping two, best step first, until no step improves it.
 * Deterministic for a seed: women and locations are taken in the order of their refs.
 */
export function proposeGroups(input: GroupProposalInput): GroupProposal {
  const { minSize, maxSize } = input;
  check(input);
  const byRef = <T extends { ref: string; id: string }>(items: T[]) =>
    items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => a.item.ref.localeCompare(b.item.ref) || a.item.id.localeCompare(b.item.id));
  // Work in ref order, so that the order of the input (database order) never decides.
  const women = byRef(input.women);
  const locations = byRef(input.locations);
  const ordered: GroupProposalInput = {
    ...input,
    women: women.map(({ item }) => item),
    locations: locations.map(({ item }) => item),
    travelMinutes: women.map(({ index }) =>
      locations.map((location) => input.travelMinutes[index][location.index]),
    ),
    free: women.map(({ index }) => locations.map((location) => input.free[index][location.index])),
  };
  const n = ordered.women.length;
  const groupCount = Math.ceil(n / maxSize);
  if (groupCount * minSize > n)
    throw new GroupProposalError(
      'size-range',
      `${n} women cannot be split into groups of ${minSize} to ${maxSize}: ${groupCount} groups need at least ` +
        `${groupCount * minSize}`,
    );

  const random = new Random(input.seed);
  const starts = [orderedStart(ordered)];
  for (let restart = 0; restart < (input.restarts ?? 3); restart++) starts.push(shuffled(n, random));
  let best: Solution | undefined;
  for (const order of starts) {
    const found = improve(ordered, chunked(order, groupCount));
    if (!best || compareScores(found.score, best.score) < 0) best = found;
  }
  return describe(ordered, best!, groupCount);
}

function check(input: GroupProposalInput) {
  const { minSize, maxSize, women, locations } = input;
  if (!Number.isInteger(minSize) || !Number.isInteger(maxSize) || minSize < 1 || maxSize < minSize)
    throw new GroupProposalError('size-range', `the size range ${minSize}–${maxSize} is not 1 ≤ min ≤ max`);
  if (women.length === 0) throw new GroupProposalError('no-women', 'there are no women to put in groups');
  if (locations.length === 0)
    throw new GroupProposalError('no-locations', 'there is no location for the groups');
  const shaped = (rows: unknown[][]) =>
    rows.length === women.length && rows.every((row) => row.length === locations.length);
  if (
    !shaped(input.travelMinutes) ||
    !shaped(input.free) ||
    !input.free.every((row) => row.every((slots) => slots.length === input.slotCount))
  )
    throw new GroupProposalError(
      'input-shape',
      'travel times and free times need a row per woman and location',
    );
}

/** Women by language, level and nearest location: neighbours in this order belong together. */
function orderedStart(input: GroupProposalInput): number[] {
  const nearest = input.travelMinutes.map((row) => row.indexOf(Math.min(...row)));
  const level = (w: number) => {
    const known = input.women[w].level;
    return known ? levelIndex(known) : LEVELS.length;
  };
  return input.women
    .map((_, w) => w)
    .sort(
      (a, b) =>
        input.women[a].language.localeCompare(input.women[b].language) ||
        level(a) - level(b) ||
        nearest[a] - nearest[b] ||
        a - b,
    );
}

function shuffled(n: number, random: Random): number[] {
  const order = Array.from({ length: n }, (_, w) => w);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Cuts an order of the women into `groupCount` consecutive groups whose sizes differ by one at most. */
function chunked(order: number[], groupCount: number): number[] {
  const assignment = new Array<number>(order.length);
  const base = Math.floor(order.length / groupCount);
  const larger = order.length % groupCount;
  let next = 0;
  for (let g = 0; g < groupCount; g++) {
    const size = base + (g < larger ? 1 : 0);
    for (let k = 0; k < size; k++) assignment[order[next++]] = g;
  }
  return assignment;
}

/** Best-improvement local search over moves and swaps; the first of equally good steps (by ref order) wins. */
function improve(input: GroupProposalInput, start: number[]): Solution {
  const { minSize, maxSize } = input;
  const assignment = [...start];
  const groupCount = Math.max(...assignment) + 1;
  const codes = languageCodes(input);
  const groups = Array.from({ length: groupCount }, () => new GroupState(input, codes));
  assignment.forEach((g, w) => groups[g].change(w, 1));
  const costs = groups.map((group) => group.cost().score);
  let total = costs.reduce((sum, score) => plus(sum, score), ZERO);

  /**
   * The total after moving `fromG` from g to h (and `fromH` from h to g), with the new scores of g and h; the
   * groups are left as they were.
   */
  const judge = (g: number, h: number, fromG: number, fromH: number | undefined, withFree: boolean) => {
    const change = (sign: 1 | -1) => {
      groups[g].change(fromG, -sign as 1 | -1, withFree);
      groups[h].change(fromG, sign, withFree);
      if (fromH !== undefined) {
        groups[h].change(fromH, -sign as 1 | -1, withFree);
        groups[g].change(fromH, sign, withFree);
      }
    };
    change(1);
    const scoreG = groups[g].cost(withFree).score;
    const scoreH = groups[h].cost(withFree).score;
    change(-1);
    const after = plus(plus(plus(total, costs[g], -1), costs[h], -1), plus(scoreG, scoreH));
    return { after, scoreG, scoreH };
  };

  for (let step = 0; step < MAX_STEPS; step++) {
    let best: { after: ProposalScore; apply: () => void } | undefined;
    const consider = (g: number, h: number, a: number, b: number | undefined) => {
      const reference = best?.after ?? total;
      // Free time is costly to count and comes last: counted only for a step at least as good before it.
      if (compareBeforeFreeTime(judge(g, h, a, b, false).after, reference) > 0) return;
      const judged = judge(g, h, a, b, true);
      if (compareScores(judged.after, reference) >= 0) return;
      best = {
        after: judged.after,
        apply: () => {
          groups[g].change(a, -1);
          groups[h].change(a, 1);
          assignment[a] = h;
          if (b !== undefined) {
            groups[h].change(b, -1);
            groups[g].change(b, 1);
            assignment[b] = g;
          }
          costs[g] = judged.scoreG;
          costs[h] = judged.scoreH;
        },
      };
    };
    for (let a = 0; a < assignment.length; a++) {
      const g = assignment[a];
      if (groups[g].size <= minSize) continue;
      for (let h = 0; h < groupCount; h++)
        if (h !== g && groups[h].size < maxSize) consider(g, h, a, undefined);
    }
    for (let a = 0; a < assignment.length; a++)
      for (let b = a + 1; b < assignment.length; b++)
        if (assignment[a] !== assignment[b]) consider(assignment[a], assignment[b], a, b);
    if (!best) break;
    best.apply();
    total = best.after;
  }
  return { assignment, score: total };
}

function describe(input: GroupProposalInput, solution: Solution, groupCount: number): GroupProposal {
  const codes = languageCodes(input);
  const groups: ProposedGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    const state = new GroupState(input, codes);
    const members = solution.assignment.flatMap((group, w) => (group === g ? [w] : []));
    for (const w of members) state.change(w, 1);
    const { score, location } = state.cost();
    const levels: ProposedGroup['levels'] = {};
    for (const w of members) {
      const level = input.women[w].level ?? 'unknown';
      levels[level] = (levels[level] ?? 0) + 1;
    }
    groups.push({
      locationId: input.locations[location].id,
      memberIds: members.map((w) => input.women[w].id),
      languages: codes.names
        .map((language, index) => ({ language, members: state.languages[index] }))
        .filter(({ members }) => members > 0)
        .sort((a, b) => b.members - a.members || a.language.localeCompare(b.language)),
      interpreterLanguages: codes.names.filter((_, index) => state.interpreted[index] > 0),
      levels,
      meanTravelMinutes: Math.round((10 * score.travelMinutes) / members.length) / 10,
      commonFreeSlots: [...state.free[location].keys()].filter(
        (s) => 2 * state.free[location][s] > members.length,
      ),
      score,
    });
  }
  // Groups in the order of their location, then of their first woman: the same proposal reads the same.
  const position = new Map(input.locations.map((location, index) => [location.id, index]));
  const firstRef = new Map(input.women.map((woman, index) => [woman.id, index]));
  groups.sort(
    (a, b) =>
      position.get(a.locationId)! - position.get(b.locationId)! ||
      firstRef.get(a.memberIds[0])! - firstRef.get(b.memberIds[0])!,
  );
  return { groups, score: solution.score, explanation: explain(solution.score, groups, input) };
}

function explain(score: ProposalScore, groups: ProposedGroup[], input: GroupProposalInput): string[] {
  const n = input.women.length;
  return [
    `${groups.length} group(s) for ${n} women, the fewest that sizes ${input.minSize}–${input.maxSize} allow.`,
    `1. Language: ${score.interpreterLanguages} interpreter language(s) to book over all groups, ` +
      `${score.mixedLanguages} extra language(s) in mixed groups, ` +
      `${score.outsideMainLanguage} woman/women outside her group's main language.`,
    `2. Level: ${score.levelSpread} step(s) between the lowest and highest level within groups (A0 to B2 is 4), ` +
      `${score.levelDistance} step(s) of women from their group's middle level.`,
    `3. Travel: ${score.travelMinutes} minutes from home to the group's location in all, ` +
      `${Math.round((10 * score.travelMinutes) / n) / 10} on average.`,
    `4. Free time: ${score.freeAtBestTime} of ${n} women free of lessons at their group's best weekly time; ` +
      `${score.commonFreeSlots} weekly time(s) in all at which more than half of a group is free ` +
      `(of ${input.slotCount} possible per group).`,
  ];
}
