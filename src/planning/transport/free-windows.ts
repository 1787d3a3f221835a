/** A vehicle coming from another ride needs time to get there: its rides are kept this far apart. */
export const REPOSITION_MINUTES = 15;

/**
 * The parts of a day a vehicle is free: its availability windows less its rides elsewhere (each widened by the
 * time to get from and to them), sorted, without parts too short to use.
 */
export function freeWindows(
  availability: [number, number][],
  busy: [number, number][],
  padding = REPOSITION_MINUTES,
): [number, number][] {
  let free = [...availability].sort((a, b) => a[0] - b[0]);
  for (const [from, to] of busy) {
    const lo = from - padding;
    const hi = to + padding;
    free = free.flatMap(([a, b]): [number, number][] => {
      if (hi <= a || b <= lo) return [[a, b]];
      return [
        ...(a < lo ? [[a, lo] as [number, number]] : []),
        ...(hi < b ? [[hi, b] as [number, number]] : []),
      ];
    });
  }
  return free.filter(([a, b]) => b - a >= padding);
}
