import { Position } from '../travel/offline-travel';
import { toMinutes } from '../time/calendar';
import { MemberConflict, MemberInput } from './model';

export interface SessionMoment {
  date: string;
  weekday: number;
  start: number;
  end: number;
  position: Position;
}

export interface AttendanceRules {
  travelBufferMinutes: number;
  travelMinutes: (from: Position, to: Position) => number;
}

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
    if (
      lesson.weekday !== session.weekday ||
      session.date < lesson.validFrom ||
      session.date > lesson.validTo
    )
      continue;
    if (lesson.exceptDates?.includes(session.date)) continue;
    const from = toMinutes(lesson.from);
    const to = toMinutes(lesson.to);
    const overlap = Math.min(session.end, to) - Math.max(session.start, from);
    const base = {
      participantId: member.id,
      date: session.date,
      lessonId: lesson.id,
      providerId: lesson.providerId,
      causeFrom: from,
      causeTo: to,
    };
    if (overlap > 0) {
      conflicts.push({ ...base, kind: 'overlap', overlapMinutes: overlap });
    } else if (to <= session.start) {
      const needed = rules.travelMinutes(lesson.position, session.position) + rules.travelBufferMinutes;
      if (session.start - to < needed) conflicts.push({ ...base, kind: 'travel', overlapMinutes: 0 });
    } else {
      const needed = rules.travelMinutes(session.position, lesson.position) + rules.travelBufferMinutes;
      if (from - session.end < needed) conflicts.push({ ...base, kind: 'travel', overlapMinutes: 0 });
    }
  }
  for (const appointment of member.appointments) {
    if (appointment.date !== session.date) continue;
    const from = toMinutes(appointment.from);
    const to = toMinutes(appointment.to);
    const buffer = rules.travelBufferMinutes;
    if (from < session.end + buffer && session.start - buffer < to) {
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
  }
  return conflicts;
}
