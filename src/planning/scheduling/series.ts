import { addDays, mondayOf } from '../time/calendar';
import { ProgrammeRules } from './model';

export interface SeriesDate {
  date: string;
  /** Which of the weekly slots this date belongs to. */
  slotIndex: number;
}

/** No programme runs longer than this; a guard against a calendar that is closed for ever. */
const MAX_WEEKS = 520;

/**
 * The dates of a group's sessions: from the programme's start, on the weekdays of its weekly slots, every
 * `intervalWeeks`-th week, skipping closed dates and public holidays and going on after them until the group has
 * had `sessionsPerGroup` sessions (a lost week is made up at the end).
 */
export function layOutSeries(
  weekdays: number[],
  programme: Pick<ProgrammeRules, 'startDate' | 'sessionsPerGroup' | 'intervalWeeks'>,
  isClosed: (date: string) => boolean,
): SeriesDate[] {
  const order = weekdays
    .map((weekday, slotIndex) => ({ weekday, slotIndex }))
    .sort((a, b) => a.weekday - b.weekday);
  const firstMonday = mondayOf(programme.startDate);
  const dates: SeriesDate[] = [];
  for (
    let week = 0;
    week < MAX_WEEKS && dates.length < programme.sessionsPerGroup;
    week += programme.intervalWeeks
  ) {
    for (const { weekday, slotIndex } of order) {
      const date = addDays(firstMonday, week * 7 + weekday - 1);
      if (date < programme.startDate || isClosed(date)) continue;
      dates.push({ date, slotIndex });
      if (dates.length === programme.sessionsPerGroup) break;
    }
  }
  return dates;
}
