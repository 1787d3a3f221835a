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
 * counts from the week of the last session of the phase before it (of its end date, when it has one), so that a
 * fortnightly phase meets two weeks after a weekly one ended.
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
  // The week the next phase counts its rhythm from; the first phase starts in the week of the start date.
  let anchor: number | undefined;
  for (const [phase, rules] of phasesOf({ ...programme, sessionsPerWeek: weekdays.length }).entries()) {
    const slots = order.filter(({ slotIndex }) => slotIndex < rules.sessionsPerWeek);
    const wanted = rules.sessions ?? Infinity;
    const until = rules.endDate;
    let held = 0;
    const open = (date: string) =>
      date >= programme.startDate && (!until || date <= until) && !isClosed(date);
    for (
      let week = anchor === undefined ? 0 : anchor + rules.intervalWeeks;
      week < MAX_WEEKS && held < wanted && (!until || addDays(firstMonday, week * 7) <= until);
      week += rules.intervalWeeks
    ) {
      for (const { weekday, slotIndex } of slots) {
        const regular = addDays(firstMonday, week * 7 + weekday - 1);
        let date: string | undefined = regular;
        for (let later = 1; date && !open(date); later++)
          date =
            later < rules.intervalWeeks && regular >= programme.startDate
              ? addDays(regular, later * 7)
              : undefined;
        if (!date) continue;
        dates.push({ date, slotIndex, phase });
        if (++held === wanted) break;
      }
    }
    const last = until ?? dates.at(-1)?.date;
    if (last && last >= firstMonday) anchor = weeksBetween(firstMonday, last);
  }
  return dates.sort((a, b) => a.date.localeCompare(b.date) || a.slotIndex - b.slotIndex);
}
