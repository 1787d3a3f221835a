import { addDays, mondayOf } from '../time/calendar';
import { PhaseRules, ProgrammeRules } from './model';

export interface SeriesDate {
  date: string;
  /** Which of the weekly slots this date belongs to. */
  slotIndex: number;
  /** Which phase of the programme (0 without phases). */
  phase: number;
}

/** No programme runs longer than this; a guard against a calendar that is closed for ever. */
const MAX_WEEKS = 520;

type SeriesRules = Pick<ProgrammeRules, 'startDate' | 'sessionsPerGroup' | 'intervalWeeks' | 'phases'> &
  Partial<Pick<ProgrammeRules, 'sessionsPerWeek' | 'durationMinutes'>>;

/** The phases of a programme: its own, or one made of its fields. */
export function phasesOf(programme: SeriesRules): PhaseRules[] {
  if (programme.phases && programme.phases.length > 0) return programme.phases;
  return [
    {
      sessions: programme.sessionsPerGroup,
      sessionsPerWeek: programme.sessionsPerWeek ?? 7,
      intervalWeeks: programme.intervalWeeks,
      durationMinutes: programme.durationMinutes ?? 0,
    },
  ];
}

const weeksBetween = (monday: string, date: string) =>
  Math.round((Date.parse(mondayOf(date)) - Date.parse(monday)) / (7 * 24 * 3600 * 1000));

/**
 * The dates of a group's sessions from `startDate`, phase after phase. In a phase, on the weekdays of the first
 * `sessionsPerWeek` weekly slots, every `intervalWeeks`-th week, until it has had its `sessions` (a session lost
 * to a closed date or a public holiday is made up at the end) or until its `endDate`. In a rhythm of two weeks or
 * more, a session on a closed date moves to the same weekday of the next open week before the next session of the
 * rhythm, rather than being lost for a whole interval; the weeks of the rhythm stay as they were. A phase's rhythm
 * counts from the week of the last session of the phase before it, so that a fortnightly phase meets two weeks
 * after a weekly one ended; after a phase with an end date, the next one starts the day after that date.
 */
export function layOutSeries(
  weekdays: number[],
  programme: SeriesRules,
  isClosed: (date: string) => boolean,
): SeriesDate[] {
  const order = weekdays
    .map((weekday, slotIndex) => ({ weekday, slotIndex }))
    .sort((a, b) => a.weekday - b.weekday);
  const firstMonday = mondayOf(programme.startDate);
  const dates: SeriesDate[] = [];
  // Where the next phase begins: the first week of its rhythm, and the first day it may use.
  let firstWeek = 0;
  let notBefore = programme.startDate;
  let afterLastSession = false;
  for (const [phase, rules] of phasesOf({ ...programme, sessionsPerWeek: weekdays.length }).entries()) {
    const slots = order.filter(({ slotIndex }) => slotIndex < rules.sessionsPerWeek);
    const wanted = rules.sessions ?? Infinity;
    const until = rules.endDate;
    let held = 0;
    const open = (date: string) => date >= notBefore && (!until || date <= until) && !isClosed(date);
    for (
      let week = firstWeek + (afterLastSession ? rules.intervalWeeks : 0);
      week < MAX_WEEKS && held < wanted && (!until || addDays(firstMonday, week * 7) <= until);
      week += rules.intervalWeeks
    ) {
      for (const { weekday, slotIndex } of slots) {
        const regular = addDays(firstMonday, week * 7 + weekday - 1);
        let date: string | undefined = regular;
        for (let later = 1; date && !open(date); later++)
          date =
            later < rules.intervalWeeks && regular >= notBefore ? addDays(regular, later * 7) : undefined;
        if (!date) continue;
        dates.push({ date, slotIndex, phase });
        if (++held === wanted) break;
      }
    }
    if (until) {
      notBefore = [addDays(until, 1), notBefore].sort()[1];
      firstWeek = Math.max(0, weeksBetween(firstMonday, notBefore));
      afterLastSession = false;
    } else if (held > 0) {
      // A moved session may come after a later one in the list: the latest date, not the last pushed.
      const last = dates
        .filter((d) => d.phase === phase)
        .map((d) => d.date)
        .sort()
        .at(-1)!;
      notBefore = addDays(last, 1);
      firstWeek = weeksBetween(firstMonday, last);
      afterLastSession = true;
    }
  }
  return dates.sort((a, b) => a.date.localeCompare(b.date) || a.slotIndex - b.slotIndex);
}
