/**
 * What one woman's rides can share, in one direction, as the rides planner's rules allow at most. A vehicle's
 * route for one session and direction falls into segments between its visits to the location: there, the women
 * picked up after one visit (or after leaving the depot) are delivered at the next visit or later; back, the
 * women dropped off after one visit were collected at it or before. Every woman rides at least from her home
 * through the later homes of her segment to the location (there), or from the location through the earlier
 * homes to hers (back), and that within her ride limit; a segment takes no more women than seats.
 */
export interface SegmentFigures {
  /** The most women a segment with her holds. */
  cap: number;
  /**
   * The fewest minutes a segment that leaves the location and comes back holds her in (there: to bring her; back:
   * to take her home and return), or Infinity when none fits the arrival window.
   */
  round: number;
  /** The fewest minutes per woman of such a segment with her: summed over a segment's women, at most its length. */
  share: number;
  /** The most women such a segment with her holds (0 when none fits). */
  roundCap: number;
}

export interface SegmentInput {
  direction: 'to' | 'from';
  /** Whole minutes between points: 0 is the location, then one point per woman. */
  direct: number[][];
  /** Each woman's ride limit: from leaving her home to the location (there), from the location to her door (back). */
  limits: number[];
  /** Minutes at each stop: boarding (there) or getting out (back), at least. */
  service: number;
  /** Per woman, the minutes at her stop where they differ (there: boarding with her children); else `service`. */
  services?: number[];
  seats: number;
  /** The longest a segment away from the location and back may take: the window's length. */
  window: number;
  /** The most segments to look at; beyond it the answer is undefined (the caller bounds otherwise). */
  budget: number;
}

/**
 * Calls `seen` with every segment the rules allow, enumerated from the location (a segment there is built
 * backwards from its last pickup, so each woman's ride is known as she is added; back forwards from the
 * location): its women in the order served, and the minutes of a segment with them that leaves the location and
 * comes back (which may exceed the window). Each partial segment is itself a segment, so this is every segment
 * for these rules, which leave out only what makes rides longer (waiting, a woman collected at an earlier visit;
 * children's boarding too, unless `services` count it). False past the budget.
 */
export function forEachSegment(
  input: SegmentInput,
  seen: (path: readonly number[], round: number) => void,
): boolean {
  const { direction, direct, limits, seats } = input;
  const service = input.services ?? limits.map(() => input.service);
  const n = limits.length;
  const path: number[] = [];
  const onPath = new Array<boolean>(n).fill(false);
  let left = input.budget;
  // `time`: there, minutes from leaving the earliest home on the path to the location; back, minutes from the
  // location to the latest home on the path.
  const visit = (time: number): boolean => {
    if (--left < 0) return false;
    const end = path[path.length - 1];
    seen(
      path,
      direction === 'to'
        ? direct[0][end + 1] + service[end] + time
        : time + service[end] + direct[end + 1][0],
    );
    if (path.length >= seats) return true;
    for (let next = 0; next < n; next++) {
      if (onPath[next]) continue;
      const ride =
        direction === 'to'
          ? direct[next + 1][end + 1] + service[end] + time
          : time + service[end] + direct[end + 1][next + 1];
      if (ride > limits[next]) continue;
      path.push(next);
      onPath[next] = true;
      const done = visit(ride);
      path.pop();
      onPath[next] = false;
      if (!done) return false;
    }
    return true;
  };
  for (let first = 0; first < n; first++) {
    const ride = direction === 'to' ? direct[first + 1][0] : direct[0][first + 1];
    if (ride > limits[first]) continue;
    path.push(first);
    onPath[first] = true;
    const done = visit(ride);
    path.pop();
    onPath[first] = false;
    if (!done) return false;
  }
  return true;
}

/** Each woman's figures over every segment the rules allow (forEachSegment): exact for them. Undefined past the budget. */
export function segmentFigures(input: SegmentInput): SegmentFigures[] | undefined {
  const figures: SegmentFigures[] = input.limits.map(() => ({
    cap: 0,
    round: Infinity,
    share: Infinity,
    roundCap: 0,
  }));
  const complete = forEachSegment(input, (path, round) => {
    for (const i of path) {
      const figure = figures[i];
      figure.cap = Math.max(figure.cap, path.length);
      if (round <= input.window) {
        figure.round = Math.min(figure.round, round);
        figure.share = Math.min(figure.share, round / path.length);
        figure.roundCap = Math.max(figure.roundCap, path.length);
      }
    }
  });
  return complete ? figures : undefined;
}

/**
 * Looser figures where the segments are too many to enumerate: two women share a segment only if the one served
 * first rides through the other's home within her limit (shortest paths, as legs need not obey the triangle
 * inequality); the first served rides at least the shortest leg into each other home from a woman who may
 * share it (or from the location), plus the stops; a segment holds at most what some woman in it can lead.
 */
export function relaxedFigures(input: SegmentInput): SegmentFigures[] {
  const { direction, direct, limits, service, seats } = input;
  const shortest = shortestPaths(direct);
  const at = (i: number) => i + 1;
  const before = (a: number, b: number) =>
    direction === 'to'
      ? shortest[at(a)][at(b)] + service + shortest[at(b)][0] <= limits[a]
      : shortest[0][at(a)] + service + shortest[at(a)][at(b)] <= limits[b];
  const ids = limits.map((_, i) => i);
  const mates = ids.map((a) => ids.filter((b) => b !== a && (before(a, b) || before(b, a))));
  const fromMates = ids.map((w) => Math.min(...mates[w].map((m) => direct[at(m)][at(w)])));
  const intoLater = ids.map((w) => Math.min(fromMates[w], direct[0][at(w)]));
  const into = direction === 'to' ? fromMates : intoLater;
  const outOf = ids.map((w) => Math.min(direct[at(w)][0], ...mates[w].map((m) => direct[at(m)][0])));
  const leads = ids.map((lead) => {
    const room = limits[lead] - (direction === 'to' ? outOf[lead] : intoLater[lead]);
    const costs = mates[lead].map((w) => into[w] + service).sort((a, b) => a - b);
    let size = 1;
    let spent = 0;
    for (const cost of costs) {
      spent += cost;
      if (spent > room) break;
      size++;
    }
    return size;
  });
  return ids.map((i) => {
    const cap = Math.min(seats, 1 + mates[i].length, Math.max(leads[i], ...mates[i].map((m) => leads[m])));
    const round = shortest[0][at(i)] + service + shortest[at(i)][0];
    return { cap, round, share: round / cap, roundCap: cap };
  });
}

/** Shortest travel between every two points over legs between them (Floyd–Warshall; a group's homes are few). */
function shortestPaths(direct: number[][]): number[][] {
  const d = direct.map((row) => [...row]);
  const n = d.length;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}
