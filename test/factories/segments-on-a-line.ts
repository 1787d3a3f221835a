import { SegmentInput } from '../../src/planning/joint/ride-segments';

/** Points on a line: the location at 0, then the women; minutes are distances plus 3 to park. */
export function onALine(places: number[], over: Partial<SegmentInput> = {}): SegmentInput {
  const points = [0, ...places];
  return {
    direction: 'to',
    direct: points.map((a) => points.map((b) => (a === b ? 0 : Math.abs(a - b) + 3))),
    limits: places.map(() => 43),
    service: 2,
    seats: 8,
    window: 35,
    budget: 100_000,
    ...over,
  };
}
