import { JointSession } from './model';

/** What makes a session what it is to the plan of its date. */
const sessionKey = (session: JointSession) =>
  JSON.stringify([
    session.id,
    session.groupId,
    session.locationId,
    session.start,
    session.end,
    [...session.memberIds].sort(),
    [...session.blocked].sort(),
    [...(session.online ?? [])].sort(),
    [...(session.carPooled ?? [])].sort(),
    session.outing ?? null,
  ]);

/** One date's sessions as a key: two dates with the same key get the same plan of care and rides. */
export const dateKey = (date: string, sessions: JointSession[]) =>
  `${date}|${sessions.map(sessionKey).sort().join()}`;
