import { forEachSegment, SegmentInput } from './ride-segments';

/**
 * The most riders of a group whose every set is looked at: 2^14 sets, and the ways to split each in two (3^14,
 * about 5 million) per vehicle. Past it only the per-woman figures of ride-segments bound the fleet.
 */
export const MOST_RIDERS_BY_SETS = 14;

/** What the segments of one direction allow, per set of a group's riders (bit i: the i-th woman of the input). */
export interface SegmentSets {
  riders: number;
  /** 1 where some segment carries exactly these women. */
  carried: Uint8Array;
  /** The fewest minutes of a segment with exactly these women that leaves the location and comes back within the window (else Infinity). */
  round: Float64Array;
}

/** The sets of every segment the rules allow (forEachSegment); undefined past the budget or MOST_RIDERS_BY_SETS. */
export function segmentSets(input: SegmentInput): SegmentSets | undefined {
  const riders = input.limits.length;
  if (riders > MOST_RIDERS_BY_SETS) return undefined;
  const carried = new Uint8Array(1 << riders);
  const round = new Float64Array(1 << riders).fill(Infinity);
  const complete = forEachSegment(input, (path, minutes) => {
    const set = path.reduce((bits, i) => bits | (1 << i), 0);
    carried[set] = 1;
    if (minutes <= input.window && minutes < round[set]) round[set] = minutes;
  });
  return complete ? { riders, carried, round } : undefined;
}

/** A vehicle's free part of the day for one session and direction. */
export interface SetPart {
  /** The riders its vehicle may collect, as bits. */
  may: number;
  seats: number;
  childSeats: number;
  /** Its minutes within the window for segments that leave the location and come back. */
  room: number;
}

/**
 * 1 for each set of riders the parts can carry together in one direction: each part one segment that needs no
 * time of the window (there the first, from wherever the vehicle is; back the last, which need not return) and
 * others whose rounds sum to at most its room, each segment within its seats and of women it may collect, and
 * no woman in two parts. A segment's women and the children who ride along with them (`children`, per woman)
 * take its seats, the children its child seats. This is what ride-bound argues per woman, for whole sets, so every
 * set a plan carries is among these.
 */
export function fleetSets(sets: SegmentSets, parts: SetPart[], children: number[]): Uint8Array {
  const size = 1 << sets.riders;
  const kids = sums(children, sets.riders);
  const counts = popcounts(sets.riders);
  const fits = (segment: number, part: SetPart) =>
    counts[segment] + kids[segment] <= part.seats && kids[segment] <= part.childSeats;
  const covers = new Map<string, Float64Array>();
  let fleet = new Uint8Array(size);
  fleet[0] = 1;
  for (const part of parts) {
    const key = `${part.seats}|${part.childSeats}`;
    let cover = covers.get(key);
    if (!cover) covers.set(key, (cover = roundsCovering(sets, (segment) => fits(segment, part))));
    const own = new Uint8Array(size);
    for (let set = 0; set < size; set++) {
      if ((set & ~part.may) !== 0) continue;
      for (let first = set; ; first = (first - 1) & set) {
        const free = first === 0 || (sets.carried[first] === 1 && fits(first, part));
        if (free && cover[set ^ first] <= part.room) {
          own[set] = 1;
          break;
        }
        if (first === 0) break;
      }
    }
    const joined = new Uint8Array(size);
    for (let set = 0; set < size; set++) {
      for (let taken = set; ; taken = (taken - 1) & set) {
        if (own[taken] === 1 && fleet[set ^ taken] === 1) {
          joined[set] = 1;
          break;
        }
        if (taken === 0) break;
      }
    }
    fleet = joined;
  }
  return fleet;
}

/** Per set, the fewest minutes of segments that leave the location and come back and carry exactly it, each one that `fits`. */
function roundsCovering(sets: SegmentSets, fits: (segment: number) => boolean): Float64Array {
  const size = 1 << sets.riders;
  const cover = new Float64Array(size).fill(Infinity);
  cover[0] = 0;
  for (let set = 1; set < size; set++) {
    // The segment with the set's lowest woman, then the rest: each split is looked at once.
    const lowest = set & -set;
    const rest = set ^ lowest;
    let best = Infinity;
    for (let others = rest; ; others = (others - 1) & rest) {
      const segment = others | lowest;
      const minutes = sets.round[segment];
      if (minutes < Infinity && fits(segment)) best = Math.min(best, minutes + cover[set ^ segment]);
      if (others === 0) break;
    }
    cover[set] = best;
  }
  return cover;
}

/** Per set of riders, the most of them in a subset that every given family holds. */
export function mostInEvery(families: Uint8Array[], riders: number): Uint8Array {
  const size = 1 << riders;
  const counts = popcounts(riders);
  const most = new Uint8Array(size);
  for (let set = 1; set < size; set++) {
    if (families.every((family) => family[set] === 1)) {
      most[set] = counts[set];
      continue;
    }
    for (let bits = set; bits !== 0; bits &= bits - 1)
      most[set] = Math.max(most[set], most[set ^ (bits & -bits)]);
  }
  return most;
}

/** Per set, the sum of its women's values. */
function sums(values: number[], riders: number): Uint16Array {
  const total = new Uint16Array(1 << riders);
  for (let set = 1; set < total.length; set++) {
    const lowest = set & -set;
    total[set] = total[set ^ lowest] + values[31 - Math.clz32(lowest)];
  }
  return total;
}

function popcounts(riders: number): Uint8Array {
  const counts = new Uint8Array(1 << riders);
  for (let set = 1; set < counts.length; set++) counts[set] = counts[set >> 1] + (set & 1);
  return counts;
}
