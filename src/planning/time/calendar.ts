import { DateTime } from 'luxon';

/** `HH:MM` → minutes after midnight. */
export const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Minutes after midnight → `HH:MM`. */
export const toTimeOfDay = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const utcDate = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

/** A calendar date `days` later (or earlier); pure date arithmetic, no time zone involved. */
export const addDays = (date: string, days: number): string => utcDate(date).plus({ days }).toISODate()!;

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => utcDate(date).weekday;

/** The Monday of the ISO week a date falls in. */
export const mondayOf = (date: string): string => addDays(date, 1 - weekdayOf(date));

export interface DateRange {
  from: string;
  to: string;
}

export const inRange = (date: string, range: DateRange): boolean => range.from <= date && date <= range.to;
