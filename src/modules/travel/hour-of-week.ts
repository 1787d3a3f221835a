import { DateTime } from 'luxon';

/** Traffic follows the local clock of the regions we plan for. */
export const TRAVEL_ZONE = 'Europe/Amsterdam';

/** The cache key of travel times asked without a departure time: Google's answer then ignores traffic. */
export const ANY_HOUR = -1;

/** 0 for Monday 00:00–00:59 up to 167 for Sunday 23:00–23:59, on the wall clock of TRAVEL_ZONE. */
export function hourOfWeek(instant: DateTime): number {
  const local = instant.setZone(TRAVEL_ZONE);
  return (local.weekday - 1) * 24 + local.hour;
}

/**
 * `departure` itself when it is after `now`, else the first later week's instant at the same wall-clock time:
 * Google answers only for departures from now on, and the hour of the week is what the traffic depends on.
 * Whole weeks are added on the local calendar, so that the hour stays put across a change to or from summer time.
 */
export function upcomingDeparture(departure: DateTime, now: DateTime): DateTime {
  const local = departure.setZone(TRAVEL_ZONE);
  if (local > now) return local;
  let weeks = Math.max(1, Math.floor(now.diff(local, 'weeks').weeks));
  while (local.plus({ weeks }) <= now) weeks += 1;
  return local.plus({ weeks });
}

/**
 * When public transport is asked without a departure: a Tuesday at 9:00, when sessions are often held. Google
 * answers transit for a departure only (otherwise for now), and timetables differ by hour and day.
 */
export const TRANSIT_DEPARTURE = DateTime.fromObject(
  { year: 2026, month: 1, day: 6, hour: 9 },
  { zone: TRAVEL_ZONE },
);
