import { AppointmentInput, LessonInput } from '../../planning/scheduling/model';
import { Lesson } from '../language-providers/lesson.entity';
import { Appointment } from '../participants/appointment.entity';

/** A woman's lessons and appointments as the planning core reads them. */
export interface LessonsAndAppointments {
  lessons: LessonInput[];
  appointments: AppointmentInput[];
}

/**
 * The lessons and appointments of each participant, as plain planning data, in one pass over each list: the
 * slot planner and the talks planner both read them per woman.
 */
export function lessonsByParticipant(
  lessons: Lesson[],
  appointments: Appointment[],
): (participantId: string) => LessonsAndAppointments {
  const byParticipant = new Map<string, LessonsAndAppointments>();
  const of = (id: string) => {
    let entry = byParticipant.get(id);
    if (!entry) byParticipant.set(id, (entry = { lessons: [], appointments: [] }));
    return entry;
  };
  for (const {
    id,
    participantId,
    providerId,
    weekday,
    from,
    to,
    position,
    validFrom,
    validTo,
    exceptDates,
  } of lessons)
    of(participantId).lessons.push({
      id,
      providerId,
      weekday,
      from,
      to,
      position,
      validFrom,
      validTo,
      exceptDates,
    });
  for (const { id, participantId, date, from, to } of appointments)
    of(participantId).appointments.push({ id, date, from, to });
  return (participantId) => byParticipant.get(participantId) ?? { lessons: [], appointments: [] };
}
