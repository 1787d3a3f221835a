import { Position } from './offline-travel';

/** Travel asked once per pair of places: positions are compared by identity first, then by their coordinates. */
export function memoised(
  travel: (from: Position, to: Position) => number,
): (from: Position, to: Position) => number {
  const byPlace = new Map<Position, Map<Position, number>>();
  const byCoordinates = new Map<string, number>();
  return (from, to) => {
    let fromHere = byPlace.get(from);
    if (!fromHere) byPlace.set(from, (fromHere = new Map()));
    let minutes = fromHere.get(to);
    if (minutes === undefined) {
      const key = `${from.lat},${from.lon}|${to.lat},${to.lon}`;
      minutes = byCoordinates.get(key);
      if (minutes === undefined) byCoordinates.set(key, (minutes = travel(from, to)));
      fromHere.set(to, minutes);
    }
    return minutes;
  };
}
