/**
 * Which single lesson move would let the most women attend: plain data in and out, to ask a taalaanbieder for
 * the changes that help most.
 */

/** One reason why a member cannot attend one session. */
export interface MemberSessionCause {
  participantId: string;
  sessionId: string;
  /** The lesson series in the way; null for anything else (an appointment), which no provider can move. */
  lessonId: string | null;
}

export interface LessonMove {
  lessonId: string;
  participantId: string;
  /** Member-sessions she could attend if this lesson alone moved: it is their only cause. */
  attendable: number;
  /** Member-sessions this lesson is in the way of, alone or with other causes. */
  conflicting: number;
}

/**
 * For each lesson series that `movable` accepts (default: every lesson), the member-sessions that moving it would
 * free. A member-session counts for a lesson only when every cause of it, of any kind (other lessons, at this or
 * another provider, and appointments), is that lesson. Best first: most freed, then most in the way, then by
 * lesson id, so that the order is stable. Lessons that free nothing on their own are kept at the end: the
 * caller decides whether to show them.
 */
export function lessonMoves(
  causes: readonly MemberSessionCause[],
  movable: (lessonId: string) => boolean = () => true,
): LessonMove[] {
  const memberSessions = new Map<string, { lessonIds: Set<string>; other: boolean }>();
  const moves = new Map<string, LessonMove>();
  for (const cause of causes) {
    // A member-session key: participant and session ids are UUIDs, so '|' cannot occur inside them.
    const key = `${cause.participantId}|${cause.sessionId}`;
    const entry = memberSessions.get(key) ?? { lessonIds: new Set<string>(), other: false };
    memberSessions.set(key, entry);
    if (cause.lessonId === null) {
      entry.other = true;
      continue;
    }
    if (entry.lessonIds.has(cause.lessonId)) continue;
    entry.lessonIds.add(cause.lessonId);
    if (!movable(cause.lessonId)) continue;
    const move = moves.get(cause.lessonId) ?? {
      lessonId: cause.lessonId,
      participantId: cause.participantId,
      attendable: 0,
      conflicting: 0,
    };
    move.conflicting += 1;
    moves.set(cause.lessonId, move);
  }
  for (const { lessonIds, other } of memberSessions.values()) {
    if (other || lessonIds.size !== 1) continue;
    const [only] = lessonIds;
    const move = moves.get(only);
    if (move) move.attendable += 1;
  }
  return [...moves.values()].sort(
    (a, b) =>
      b.attendable - a.attendable ||
      b.conflicting - a.conflicting ||
      (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0),
  );
}
