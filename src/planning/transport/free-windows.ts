import { Position } from '../travel/offline-travel';

/** A vehicle coming from a ride whose stops are not known needs time to get there: such rides are kept this far apart. */
export const REPOSITION_MINUTES = 15;

/**
 * Where a vehicle is when a free part of its day begins (absent: at its depot), and where it must be when the
 * part ends, for its next ride (absent: nowhere in particular).
 */
export interface WindowEnds {
  after?: Position;
  before?: Position;
}

export type FreeWindow = [from: number, to: number, ends?: WindowEnds];

/**
 * A ride of the vehicle elsewhere: from its first stop (a pickup, or the location it leaves) to its last, with
 * where those are. Without them (a ride known only by its times) the ride is kept REPOSITION_MINUTES clear.
 */
export type BusyRide = [from: number, to: number, places?: { first: Position; last: Position }];

/**
 * The parts of a day a vehicle is free: its availability windows less its rides elsewhere, sorted. A part next
 * to a ride whose stops are known says where the vehicle is then (so that a ride in it starts from there and
 * ends in time to reach the next); next to one known only by its times, the part keeps the padding clear.
 * Parts too short to use are left out.
 */
export function freeWindows(
  availability: readonly (readonly [number, number, WindowEnds?])[],
  busy: BusyRide[],
  padding = REPOSITION_MINUTES,
): FreeWindow[] {
  let free: FreeWindow[] = [...availability]
    .sort((a, b) => a[0] - b[0])
    .map(([a, b, ends]): FreeWindow => (ends ? [a, b, ends] : [a, b]));
  for (const [from, to, places] of busy) {
    const lo = places ? from : from - padding;
    const hi = places ? to : to + padding;
    free = free.flatMap(([a, b, ends]): FreeWindow[] => {
      if (hi <= a || b <= lo) return [ends ? [a, b, ends] : [a, b]];
      return [
        ...(a < lo ? [withEnds(a, lo, ends?.after, places?.first)] : []),
        ...(hi < b ? [withEnds(hi, b, places?.last, ends?.before)] : []),
      ];
    });
  }
  return free.filter(([a, b, ends]) => b - a >= (ends ? 1 : padding));
}

function withEnds(from: number, to: number, after?: Position, before?: Position): FreeWindow {
  if (!after && !before) return [from, to];
  return [from, to, { ...(after && { after }), ...(before && { before }) }];
}

/** The parts of `parts` within `window`: each begins and ends where the later start and the earlier end say. */
export function intersectWindows(window: FreeWindow, parts: readonly FreeWindow[]): FreeWindow[] {
  return parts.flatMap(([a, b, ends]) => {
    const from = Math.max(a, window[0]);
    const to = Math.min(b, window[1]);
    if (to <= from) return [];
    const after = a >= window[0] ? ends?.after : window[2]?.after;
    const before = b <= window[1] ? ends?.before : window[2]?.before;
    return [withEnds(from, to, after, before)];
  });
}
