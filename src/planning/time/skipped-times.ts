import { IANAZone } from 'luxon';
import { instantToLocal, localToInstant, WeeklyTime } from './wall-clock';

/**
 * Whether a wall clock in `zone` shows `time` on `date` at all. It does not when the clocks go forward
 * (02:00 to 03:00 on the last Sunday of March in Amsterdam): the conversion would move such a time on by the
 * gap, and an interval from 02:30 to 03:15 would end before it starts.
 */
export function wallClockExists(date: string, time: string, zone: string): boolean {
  const shown = instantToLocal(localToInstant(date, time, zone), zone);
  return shown.date === date && shown.time === time;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const forwardDays = new Map<string, boolean>();

/**
 * Whether the clocks of `zone` may go forward on `date`: the offset a little before its earliest possible
 * start is smaller than a little after its latest possible end. Cheap, to check a series of many weeks
 * before the exact test on the few dates that need it.
 */
function mayGoForwardOn(date: string, zone: string): boolean {
  const key = `${zone}|${date}`;
  let answer = forwardDays.get(key);
  if (answer === undefined) {
    const midnightUtc = Date.parse(`${date}T00:00:00Z`);
    const iana = IANAZone.create(zone);
    answer = iana.offset(midnightUtc - 15 * HOUR_MS) < iana.offset(midnightUtc + 39 * HOUR_MS);
    // Remembered: a timetable of a thousand series asks about the same few hundred dates again and again.
    if (forwardDays.size >= 100_000) forwardDays.clear();
    forwardDays.set(key, answer);
  }
  return answer;
}

/** A time of an interval entered as wall-clock times that the clocks skip on that date. */
export interface SkippedTime {
  field: 'from' | 'to';
  time: string;
  date: string;
}

/** The first of `from` and `to` on `date` that does not exist there. */
export function skippedTimeOn(date: string, times: { from: string; to: string }, zone: string) {
  for (const field of ['from', 'to'] as const) {
    if (!wallClockExists(date, times[field], zone)) return { field, time: times[field], date };
  }
  return undefined;
}

/**
 * The first date within `validity` (inclusive, less `exceptDates`) on which a weekly window's `from` or `to`
 * does not exist, if any.
 */
export function skippedWeeklyTime(
  window: WeeklyTime,
  validity: { from: string; to: string },
  zone: string,
  exceptDates: string[] = [],
): SkippedTime | undefined {
  const except = new Set(exceptDates);
  const start = Date.parse(`${validity.from}T00:00:00Z`);
  const end = Date.parse(`${validity.to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  // Plain UTC dates here: a series of a year is 52 dates, and luxon is kept for the few that need it.
  const isoWeekday = new Date(start).getUTCDay() || 7;
  for (let day = start + ((window.weekday - isoWeekday + 7) % 7) * DAY_MS; day <= end; day += 7 * DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (except.has(date) || !mayGoForwardOn(date, zone)) continue;
    const skipped = skippedTimeOn(date, window, zone);
    if (skipped) return skipped;
  }
  return undefined;
}

/** What the API answers for a skipped time, naming the field as the caller wrote it (`from`, `lessons[2].to`). */
export const describeSkippedTime = (
  skipped: SkippedTime,
  zone: string,
  field: string = skipped.field,
): string =>
  `${field}: ${skipped.time} does not exist on ${skipped.date} in ${zone} (the clocks go forward then); ` +
  'choose a time outside the hour that is skipped';
