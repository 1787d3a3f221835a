import { toMinutes } from '../time/calendar';
import { WeeklyWindow } from '../scheduling/model';

export interface ChildInput {
  id: string;
  participantId: string;
  birthDate: string;
  careByPartner: boolean;
}

/** A session as childcare sees it: its local date and minutes, and where it is. */
export interface CareSession {
  id: string;
  date: string;
  weekday: number;
  start: number;
  end: number;
  locationId: string;
}

export interface NeedRules {
  /** Primary-school hours of the region: children aged 4 to 12 are at school then. */
  schoolHours: WeeklyWindow[];
  /** School holidays and other closures (public holidays included). */
  isSchoolClosed: (date: string) => boolean;
  /** The mother's travel time between home and the session, each way. */
  motherTravelMinutes: (participantId: string, session: CareSession) => number;
}

export type NeedReason = 'under 4' | 'no school that day' | 'outside school hours';

export interface CareNeed {
  childId: string;
  participantId: string;
  sessionId: string;
  ageMonths: number;
  reason: NeedReason;
}

/** Whole months of age on a date, as the law and the providers count them. */
export function ageInMonths(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** From 13 on a child needs no care. */
const OLDEST_MONTHS = 155;

/** Whether a child is of an age to need care (born, and not yet 13) on a date. */
export const ofCareAge = (birthDate: string, date: string): boolean => {
  const months = ageInMonths(birthDate, date);
  return months >= 0 && months <= OLDEST_MONTHS;
};

/**
 * Why a child needs care while her mother is away from `away.from` to `away.to` (minutes of that day), or
 * undefined when she does not: under 4 always; 4 to 12 when that time is not wholly within the day's school hours,
 * or there is no school that day; never when her partner cares for her, nor from 13 on.
 */
export function careNeedReason(
  child: { birthDate: string; careByPartner: boolean },
  date: string,
  weekday: number,
  away: { from: number; to: number },
  schoolHours: WeeklyWindow[],
  isSchoolClosed: (date: string) => boolean,
): NeedReason | undefined {
  if (child.careByPartner) return undefined;
  const ageMonths = ageInMonths(child.birthDate, date);
  if (ageMonths < 0 || ageMonths > OLDEST_MONTHS) return undefined;
  if (ageMonths < 48) return 'under 4';
  const school = schoolHours.find((hours) => hours.weekday === weekday);
  if (!school || isSchoolClosed(date)) return 'no school that day';
  return away.from < toMinutes(school.from) || away.to > toMinutes(school.to)
    ? 'outside school hours'
    : undefined;
}

/**
 * A child's need of a session her mother attends, her time away taken as the session with her travel to and from
 * it; never for a session her mother cannot attend (the caller leaves those out).
 */
export function needOf(child: ChildInput, session: CareSession, rules: NeedRules): CareNeed | undefined {
  const travel = rules.motherTravelMinutes(child.participantId, session);
  const away = { from: session.start - travel, to: session.end + travel };
  const reason = careNeedReason(
    child,
    session.date,
    session.weekday,
    away,
    rules.schoolHours,
    rules.isSchoolClosed,
  );
  if (!reason) return undefined;
  const ageMonths = ageInMonths(child.birthDate, session.date);
  return { childId: child.id, participantId: child.participantId, sessionId: session.id, ageMonths, reason };
}

/** Every child's need of every session her mother attends, exactly once per child and session. */
export function careNeeds(
  sessions: CareSession[],
  childrenOf: (session: CareSession) => ChildInput[],
  rules: NeedRules,
): CareNeed[] {
  return sessions.flatMap((session) =>
    childrenOf(session).flatMap((child) => {
      const need = needOf(child, session, rules);
      return need ? [need] : [];
    }),
  );
}
