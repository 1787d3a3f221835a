import { Position } from '../travel/offline-travel';
import { TravelMinutes, TravelMode } from '../travel/travel-mode';
import { toMinutes } from '../time/calendar';
import { ConflictKind, LessonInput, MemberConflict, MemberInput } from './model';

export interface SessionMoment {
  date: string;
  weekday: number;
  start: number;
  end: number;
  position: Position;
}

export interface AttendanceRules {
  travelBufferMinutes: number;
  travelMinutes: TravelMinutes;
}

/** Whether a lesson series has a lesson on that date: its weekday, within its validity, not cancelled. */
export const lessonMeets = (lesson: LessonInput, date: string, weekday: number): boolean =>
  lesson.weekday === weekday &&
  lesson.validFrom <= date &&
  date <= lesson.validTo &&
  !lesson.exceptDates?.includes(date);

/**
 * How a lesson held that day (from–to in minutes, at `position`) keeps her from a session: it overlaps it, or it
 * leaves less than her travel time (by `mode`, how she travels) plus the buffer between them; undefined when it
 * does not. The planner judges many sessions against the same lesson, hence minutes and not `HH:MM`.
 */
export function lessonClash(
  from: number,
  to: number,
  position: Position,
  session: Pick<SessionMoment, 'start' | 'end' | 'position'>,
  rules: AttendanceRules,
  mode?: TravelMode,
): Exclude<ConflictKind, 'appointment'> | undefined {
  if (Math.min(session.end, to) - Math.max(session.start, from) > 0) return 'overlap';
  const tooClose =
    to <= session.start
      ? session.start - to < rules.travelMinutes(position, session.position, mode) + rules.travelBufferMinutes
      : from - session.end <
        rules.travelMinutes(session.position, position, mode) + rules.travelBufferMinutes;
  return tooClose ? 'travel' : undefined;
}

/** Whether an appointment that day (from–to in minutes) falls within the buffer of a session. */
export const appointmentClash = (
  from: number,
  to: number,
  session: Pick<SessionMoment, 'start' | 'end'>,
  bufferMinutes: number,
): boolean => from < session.end + bufferMinutes && session.start - bufferMinutes < to;

/**
 * Why a member cannot attend a session, if she cannot: each lesson that overlaps it (`overlap`), each lesson
 * elsewhere that leaves less than her travel time plus the buffer between them (`travel`), each appointment
 * within the buffer of it (`appointment`). Empty when she can come.
 */
export function conflictsOf(
  member: MemberInput,
  session: SessionMoment,
  rules: AttendanceRules,
): MemberConflict[] {
  const conflicts: MemberConflict[] = [];
  for (const lesson of member.lessons) {
    if (!lessonMeets(lesson, session.date, session.weekday)) continue;
    const from = toMinutes(lesson.from);
    const to = toMinutes(lesson.to);
    const kind = lessonClash(from, to, lesson.position, session, rules, member.travelMode);
    if (!kind) continue;
    conflicts.push({
      participantId: member.id,
      date: session.date,
      lessonId: lesson.id,
      providerId: lesson.providerId,
      causeFrom: from,
      causeTo: to,
      kind,
      overlapMinutes: kind === 'overlap' ? Math.min(session.end, to) - Math.max(session.start, from) : 0,
    });
  }
  for (const appointment of member.appointments) {
    if (appointment.date !== session.date) continue;
    const from = toMinutes(appointment.from);
    const to = toMinutes(appointment.to);
    if (!appointmentClash(from, to, session, rules.travelBufferMinutes)) continue;
    conflicts.push({
      participantId: member.id,
      date: session.date,
      kind: 'appointment',
      appointmentId: appointment.id,
      causeFrom: from,
      causeTo: to,
      overlapMinutes: Math.max(0, Math.min(session.end, to) - Math.max(session.start, from)),
    });
  }
  return conflicts;
}
