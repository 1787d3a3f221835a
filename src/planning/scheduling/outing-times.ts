import { toMinutes } from '../time/calendar';

/** The times of day an outing's places carry, in the order the group visits them. */
export interface OutingTimes {
  arrive?: string;
  leave?: string;
}

/**
 * What is wrong with an outing's times, as `field: reason`, or undefined when nothing is: each place is reached
 * before it is left, the places follow one another, and all of it lies within the session (start and end as
 * minutes of its day): the group cannot be at two places at once, nor somewhere outside its time.
 */
export function outingTimesProblem(places: OutingTimes[], start: number, end: number): string | undefined {
  let previous = start;
  let previousField = 'the session start';
  for (const [k, place] of places.entries()) {
    for (const key of ['arrive', 'leave'] as const) {
      const time = place[key];
      if (time === undefined) continue;
      const minute = toMinutes(time);
      const field = `places[${k}].${key}`;
      if (minute < previous) return `${field}: ${time} comes before ${previousField}`;
      if (minute > end) return `${field}: ${time} is after the session ends`;
      previous = minute;
      previousField = `places[${k}].${key}`;
    }
  }
  return undefined;
}
