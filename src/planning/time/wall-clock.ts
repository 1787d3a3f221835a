import { DateTime } from 'luxon';

/** A weekly window of wall-clock time: ISO weekday (1 = Monday) and `HH:MM` times. */
export interface WeeklyTime {
  weekday: number;
  from: string;
  to: string;
}

export interface Occurrence {
  /** The local calendar date, `YYYY-MM-DD`. */
  date: string;
  start: Date;
  end: Date;
}

const parseDate = (date: string, zone: string): DateTime => {
  const parsed = DateTime.fromISO(date, { zone });
  if (!parsed.isValid) throw new RangeError(`not a date: ${date}`);
  return parsed;
};

/**
 * The instant at which a wall clock in `zone` shows `time` on `date`. Converted per date, so a weekly 09:00
 * is 08:00Z in winter and 07:00Z in summer. A time skipped when clocks go forward (02:30 on the last Sunday of
 * March) moves forward by the gap, as the clock on the wall does.
 */
export function localToInstant(date: string, time: string, zone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return parseDate(date, zone).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** An instant as ISO 8601 with the offset in force in `zone` then: `2027-03-29T09:30:00+02:00`. */
export function instantToLocalIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** The local date and time of an instant in `zone`. */
export function instantToLocal(instant: Date, zone: string): { date: string; time: string; weekday: number } {
  const local = DateTime.fromJSDate(instant, { zone });
  return { date: local.toISODate()!, time: local.toFormat('HH:mm'), weekday: local.weekday };
}

/**
 * Every occurrence of a weekly window between two dates (both inclusive), within its own validity
 * (also inclusive), as real instants in `zone`.
 */
export function weeklyOccurrences(
  window: WeeklyTime,
  range: { from: string; to: string },
  zone: string,
  validity: { from: string; to: string } = range,
): Occurrence[] {
  const first = [range.from, validity.from].sort()[1];
  const last = [range.to, validity.to].sort()[0];
  if (first > last) return [];
  let day = parseDate(first, zone);
  const offset = (window.weekday - day.weekday + 7) % 7;
  day = day.plus({ days: offset });
  const occurrences: Occurrence[] = [];
  for (; day.toISODate()! <= last; day = day.plus({ weeks: 1 })) {
    const date = day.toISODate()!;
    occurrences.push({
      date,
      start: localToInstant(date, window.from, zone),
      end: localToInstant(date, window.to, zone),
    });
  }
  return occurrences;
}

/** `08:35`: the wall-clock time of an instant in `zone`. */
export const clockTime = (instant: Date, zone: string): string => instantToLocal(instant, zone).time;

/**
 * The one conversion between the planners' local date-and-minute and an instant: `minute` minutes after local
 * midnight of `date` on the wall clock (not elapsed time), so that 10:00 is 10:00 also on the days the clocks
 * change. Minutes past midnight or before it fall on the next or previous date.
 */
export function localMinuteToInstant(date: string, minute: number, zone: string): Date {
  const days = Math.floor(minute / (24 * 60));
  const within = minute - days * 24 * 60;
  const day = days === 0 ? date : DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
  return localToInstant(
    day,
    `${String(Math.floor(within / 60)).padStart(2, '0')}:${String(within % 60).padStart(2, '0')}`,
    zone,
  );
}

/** The wall-clock minute of `date` that an instant shows in `zone` (past 1440 or below 0 on another date). */
export function instantToLocalMinute(instant: Date, date: string, zone: string): number {
  const local = DateTime.fromJSDate(instant, { zone });
  const days = Math.round(
    DateTime.fromISO(local.toISODate()!, { zone: 'UTC' }).diff(
      DateTime.fromISO(date, { zone: 'UTC' }),
      'days',
    ).days,
  );
  return days * 24 * 60 + local.hour * 60 + local.minute;
}
