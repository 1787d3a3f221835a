import { Position } from './offline-travel';
import { TravelMinutes, TravelMode } from './travel-mode';

/**
 * Travel asked once per pair of places and mode: positions are compared by identity first, then by their
 * coordinates.
 */
export function memoised(travel: TravelMinutes): TravelMinutes {
  const byMode = new Map<TravelMode, Map<Position, Map<Position, number>>>();
  const byCoordinates = new Map<string, number>();
  return (from, to, mode = 'driving') => {
    let byPlace = byMode.get(mode);
    if (!byPlace) byMode.set(mode, (byPlace = new Map()));
    let fromHere = byPlace.get(from);
    if (!fromHere) byPlace.set(from, (fromHere = new Map()));
    let minutes = fromHere.get(to);
    if (minutes === undefined) {
      const key = `${mode}|${from.lat},${from.lon}|${to.lat},${to.lon}`;
      minutes = byCoordinates.get(key);
      if (minutes === undefined) byCoordinates.set(key, (minutes = travel(from, to, mode)));
      fromHere.set(to, minutes);
    }
    return minutes;
  };
}
