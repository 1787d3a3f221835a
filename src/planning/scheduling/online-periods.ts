/** A date range held online, as the planner reads it: all groups of a programme, one group, or some members. */
export interface OnlineRange {
  id: string;
  programmeId: string;
  /** Null: every group of the programme. */
  groupId: string | null;
  /** Inclusive local dates. */
  from: string;
  to: string;
  /** Empty: every member of the groups it covers. */
  participantIds: string[];
  videoUrl: string;
  durationMinutes: number;
}

/** A session as far as online ranges care: its group, that group's programme, its local date and members. */
export interface OnlineSessionKey {
  id: string;
  groupId: string;
  programmeId: string;
  date: string;
  memberIds: string[];
}

/** Whether a range covers a session of this group on this date (whoever of its members it names). */
export const coversSession = (range: OnlineRange, session: Omit<OnlineSessionKey, 'id' | 'memberIds'>) =>
  range.programmeId === session.programmeId &&
  (range.groupId === null || range.groupId === session.groupId) &&
  range.from <= session.date &&
  session.date <= range.to;

/** The members of a session a range puts online: those it names who are members, or all of them. */
export const onlineMembersOf = (range: OnlineRange, session: OnlineSessionKey): string[] =>
  range.participantIds.length === 0
    ? [...session.memberIds]
    : session.memberIds.filter((member) => range.participantIds.includes(member));

/**
 * Per session, the members who take part online and the range that puts them there. Ranges that cover the
 * same member-session are refused when stored; were there two, the one given last wins.
 */
export function onlineMembers(
  ranges: OnlineRange[],
  sessions: OnlineSessionKey[],
): Map<string, Map<string, OnlineRange>> {
  const online = new Map<string, Map<string, OnlineRange>>();
  for (const session of sessions) {
    const members = new Map<string, OnlineRange>();
    for (const range of ranges.filter((candidate) => coversSession(candidate, session)))
      for (const member of onlineMembersOf(range, session)) members.set(member, range);
    if (members.size > 0) online.set(session.id, members);
  }
  return online;
}

/** Whether two ranges would put a member of a group online twice on some date: overlapping dates and people. */
export function rangesClash(
  a: OnlineRange,
  b: OnlineRange,
  membersOfGroup: (groupId: string) => string[],
  groupsOfProgramme: string[],
): boolean {
  if (a.programmeId !== b.programmeId || a.to < b.from || b.to < a.from) return false;
  const covered = (range: OnlineRange) =>
    new Set(
      (range.groupId === null ? groupsOfProgramme : [range.groupId]).flatMap((groupId) =>
        membersOfGroup(groupId)
          .filter((member) => range.participantIds.length === 0 || range.participantIds.includes(member))
          .map((member) => `${groupId}|${member}`),
      ),
    );
  const inA = covered(a);
  // A group without members yet is still covered: two whole-group ranges of one group clash by themselves.
  const wholeGroups = (range: OnlineRange) =>
    range.participantIds.length > 0 ? [] : range.groupId === null ? groupsOfProgramme : [range.groupId];
  if (wholeGroups(a).some((groupId) => wholeGroups(b).includes(groupId))) return true;
  return [...covered(b)].some((key) => inA.has(key));
}

/**
 * Whether a conflict found for the session at its location still keeps her away when she takes part online from
 * its start for `durationMinutes`: travel to or from a lesson no longer matters; a lesson or appointment does
 * only while it overlaps the shorter online time. Instants in milliseconds.
 */
export const stillClashesOnline = (
  conflict: { kind: string; causeStart: number; causeEnd: number },
  sessionStart: number,
  durationMinutes: number,
): boolean =>
  conflict.kind !== 'travel' &&
  conflict.causeStart < sessionStart + durationMinutes * 60_000 &&
  conflict.causeEnd > sessionStart;
