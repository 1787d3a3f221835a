/**
 * Sessions were planned again, moved, or cancelled: childcare (and later transport) plan what hangs off them
 * again. Emitted with `emitInOrder` inside the transaction of the change, so that both are stored together or not
 * at all. `programmeId` when a whole programme was re-planned from `now` on.
 */
export const SESSIONS_CHANGED = 'sessions.changed';

export class SessionsChanged {
  constructor(
    readonly sessionIds: string[],
    readonly now: Date,
    readonly programmeId?: string,
    /** For one session changed by hand: where and when it was before, to tell its members what moved. */
    readonly before?: { start: Date; locationId: string; status: string },
  ) {}
}

/**
 * A participant reported (or was recorded as) absent from a session, or withdrew that report (`absent` false).
 * Emitted inside the transaction of the report.
 */
export const ATTENDANCE_CHANGED = 'attendance.changed';

export class AttendanceChanged {
  constructor(
    readonly sessionId: string,
    readonly participantId: string,
    readonly absent: boolean,
  ) {}
}

/**
 * Childcare of these sessions has been planned again after a change of the sessions or of who attends: what
 * follows (the rides, which carry the children cared for at the location) can be planned now. Emitted inside
 * the transaction of the change.
 */
export const CHILDCARE_PLANNED = 'childcare.planned';

export class ChildcarePlanned {
  constructor(
    readonly sessionIds: string[],
    readonly now: Date,
  ) {}
}

/**
 * A re-plan of routes moved some pickup (or drop-off) times noticeably, or put riders on another vehicle: they
 * are told at once. Emitted inside the transaction of the re-plan.
 */
export const PICKUPS_CHANGED = 'routes.pickups-changed';

export class PickupsChanged {
  constructor(
    readonly changes: {
      sessionId: string;
      participantId: string;
      direction: 'to' | 'from';
      before: Date;
      after: Date;
      vehicleId: string;
    }[],
  ) {}
}
