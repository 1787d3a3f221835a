/**
 * Something that decides whether participants can attend their sessions changed: a lesson, an appointment, or
 * a group's members. The scheduling module then finds their conflicts again (without re-planning). Emitted with
 * `emitInOrder` inside the transaction of the change, so that both are stored together or not at all.
 */
export const SCHEDULE_CHANGED = 'participants.schedule-changed';

export class ScheduleChanged {
  constructor(readonly participantIds: string[]) {}
}
