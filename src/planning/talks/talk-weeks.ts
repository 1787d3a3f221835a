import { DateTime } from 'luxon';
import { addDays, mondayOf } from '../time/calendar';
import { TalkFrequency } from './model';

/**
 * The first day of a series "from week N" or "from month N" of a programme that starts on `startDate`: week 1
 * and month 1 begin on the start date itself.
 */
export function seriesStart(
  startDate: string,
  from: { week?: number; month?: number; date?: string },
): string {
  if (from.date) return from.date;
  if (from.week) return addDays(startDate, 7 * (from.week - 1));
  if (from.month) {
    return DateTime.fromISO(startDate, { zone: 'UTC' })
      .plus({ months: from.month - 1 })
      .toISODate()!;
  }
  return startDate;
}

/**
 * The dates each talk of a series may fall on: one week (Monday to Friday, not before `first`) every week or
 * every other week from the week of `first` until `last`, or just that first week for a single talk. At most
 * `count` when given.
 */
export function talkWeeks(
  frequency: TalkFrequency,
  first: string,
  last: string,
  count?: number,
): { from: string; to: string }[] {
  const step = frequency === 'fortnightly' ? 14 : 7;
  const weeks: { from: string; to: string }[] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, step)) {
    const from = monday < first ? first : monday;
    const friday = addDays(monday, 4);
    const to = friday < last ? friday : last;
    if (from > to) continue;
    weeks.push({ from, to });
    if (frequency === 'once' || weeks.length === count) break;
  }
  return weeks;
}
