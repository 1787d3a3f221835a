import { OutingTimes, outingTimesProblem } from './outing-times';

/** An outing of a group on a local date, waiting for the group's session of that date. */
export interface DatedOuting {
  groupId: string;
  date: string;
  places: OutingTimes[];
}

/** A planned session as the matching needs it: its local date, start and end as minutes of that day. */
export interface SessionDay {
  id: string;
  groupId: string;
  date: string;
  start: number;
  end: number;
  /** An outing made by hand stands on it: a dated outing does not replace it. */
  handMade?: boolean;
}

export interface DatedOutingsMatch {
  /** Outing (by its index in the input) → the session it is held on. */
  applied: { outing: number; sessionId: string }[];
  /** Outings that wait: no session of the group that day, or times outside the session's. */
  waiting: { outing: number; reason: string }[];
}

/**
 * Puts each dated outing on its group's session of that date (the earliest, where a group meets twice a day),
 * when its times lie within that session. Ties between sessions go by the order given.
 */
export function matchDatedOutings(outings: DatedOuting[], sessions: SessionDay[]): DatedOutingsMatch {
  const byDay = new Map<string, SessionDay>();
  for (const session of sessions) {
    const key = `${session.groupId}|${session.date}`;
    const found = byDay.get(key);
    if (!found || session.start < found.start) byDay.set(key, session);
  }
  const match: DatedOutingsMatch = { applied: [], waiting: [] };
  outings.forEach((outing, k) => {
    const session = byDay.get(`${outing.groupId}|${outing.date}`);
    if (!session)
      return match.waiting.push({ outing: k, reason: 'the group has no planned session that day' });
    if (session.handMade)
      return match.waiting.push({ outing: k, reason: 'that session is an outing made by hand' });
    const problem = outingTimesProblem(outing.places, session.start, session.end);
    if (problem) return match.waiting.push({ outing: k, reason: problem });
    match.applied.push({ outing: k, sessionId: session.id });
  });
  return match;
}
