import { ageInMonths } from '../childcare/need';
import { toMinutes } from '../time/calendar';
import { WeeklyWindow } from '../scheduling/model';
import { Position, straightLineKm } from '../travel/offline-travel';
import { JointChild } from './model';

/** From 13 years on (156 months) a child needs no care. */
const OLDEST_MONTHS = 155;
/** Under 4 (48 months) a child is not at school. */
const SCHOOL_AGE_MONTHS = 48;

/**
 * Her direct travel time as the plan format estimates it where no ride gives it: the straight line × 1.3 at
 * 40 km/h, rounded up. The planner takes the longer of this and its own travel model, so that a child the
 * format counts as needing care is never missed.
 */
export const formatDirectMinutes = (home: Position, location: Position): number =>
  Math.ceil(((straightLineKm(home, location) * 1.3) / 40) * 60);

/** Her time away from home for a session: from her pickup (or when she must leave) until she is home again. */
export interface TimeAway {
  from: number;
  to: number;
}

/** Her time away estimated from her travel time, when no ride gives it. */
export const estimatedAway = (
  session: { start: number; end: number },
  arriveMinutesBefore: number,
  travel: number,
): TimeAway => ({ from: session.start - arriveMinutesBefore - travel, to: session.end + travel });

/**
 * Whether a child needs care while her mother is away: never when her partner cares for her or from 13 on;
 * under 4 always; at school age when her mother's time away is not wholly within that day's school hours, or
 * there is no school that day.
 */
export function needsCare(
  child: JointChild,
  date: string,
  weekday: number,
  away: TimeAway,
  schoolHours: WeeklyWindow[],
  isSchoolClosed: (date: string) => boolean,
): boolean {
  if (child.careByPartner) return false;
  const age = ageInMonths(child.birthDate, date);
  if (age < 0 || age > OLDEST_MONTHS) return false;
  if (age < SCHOOL_AGE_MONTHS) return true;
  const school = schoolHours.find((hours) => hours.weekday === weekday);
  if (!school || isSchoolClosed(date)) return true;
  return away.from < toMinutes(school.from) || away.to > toMinutes(school.to);
}
