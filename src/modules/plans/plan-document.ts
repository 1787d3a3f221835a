import type { Advice } from '../../planning/joint/advice-model';
import type { ExtraRole } from '../../planning/scheduling/model';

/**
 * A reason's code: one of `REASON_TEXTS` (src/planning/reasons.ts), or a wrapping code and the code of the reason
 * inside it joined by a slash (`not-collected/lesson`); null for a text not on the list (stored by an older
 * version).
 */
export type ReasonCodeField = string | null;

/*
 * The plan document's types, apart from the service that writes it: the web app imports them (types only) to read
 * `GET /exports/plan`, so a renamed field breaks its type check. Keep this file's imports to plain types that need
 * nothing of Node or NestJS: the web app's type check reads them too.
 */

export const PLAN_FORMAT = 'trefpunt-plan/1';

/** A plan in the `trefpunt-plan/1` format (docs/scenario-format.md), with the scenario ids of every record. */
export interface PlanDocument {
  format: typeof PLAN_FORMAT;
  region: string;
  from: string;
  to: string;
  sessions: {
    id: string;
    groupId: string;
    locationId: string;
    start: string;
    end: string;
    trainerId: string | null;
    interpreterIds: string[];
    /** Who takes the other roles; left out when the session has none. */
    roles?: { role: ExtraRole; staffId: string }[];
  }[];
  conflicts: {
    participantId: string;
    sessionId: string;
    providerId: string;
    lessonStart: string;
    lessonEnd: string;
    overlapMinutes: number;
    kind: 'overlap' | 'travel';
  }[];
  absentByConflict: { participantId: string; sessionId: string }[];
  childcare: {
    childId: string;
    participantId: string;
    sessionId: string;
    providerId: string;
    from: string;
    to: string;
  }[];
  childcareUnmet: {
    childId: string;
    participantId: string;
    sessionId: string;
    reason: string;
    /** The reason as a code a client can say in its own language; see `ReasonCodeField`. */
    reasonCode: ReasonCodeField;
  }[];
  routes: {
    id: string;
    sessionId: string;
    vehicleId: string;
    direction: 'to' | 'from';
    depart: string;
    arrive: string;
    stops: {
      participantId: string;
      position: { lat: number; lon: number };
      time: string;
      children: number;
    }[];
  }[];
  unrouted: {
    participantId: string;
    sessionId: string;
    direction: 'to' | 'from';
    reason: string;
    /** The reason as a code a client can say in its own language; see `ReasonCodeField`. */
    reasonCode: ReasonCodeField;
  }[];
  canCome: CanComePart;
  /** Closing talks of version 2 programmes that end with them; left out when the range has none. */
  closingTalks?: {
    participantId: string;
    programmeId: string;
    start: string;
    end: string;
    locationId: string | null;
    trainerId: string | null;
    staffIds: string[];
  }[];
  /** Closing talks no time was free for, with why; left out with `closingTalks`. */
  closingTalksUnplaced?: { participantId: string; programmeId: string; reason: string }[];
  stats: Record<string, number>;
}

/** Who can actually come, by the plan as it stands: in all, per group and session, and each woman who cannot. */
export interface CanComePart {
  memberSessions: number;
  canCome: number;
  share: number;
  /** Member-sessions with no lesson, appointment or reported absence at the planned times: no plan of care and rides does better. */
  upperBound: number;
  groups: { groupId: string; memberSessions: number; canCome: number }[];
  sessions: { sessionId: string; groupId: string; memberSessions: number; canCome: number }[];
  cannotCome: {
    participantId: string;
    sessionId: string;
    reasons: string[];
    /** Each reason as a code, in the same order. */
    reasonCodes: ReasonCodeField[];
  }[];
  /**
   * What each programme's last whole plan found when it was made: who could come, the bound with the care places
   * and the fleet counted (no plan of any weekly times does better), and what would let more women come.
   */
  atPlanning?: {
    programmeId: string;
    plannedAt: string;
    memberSessions: number;
    canCome: number;
    upperBound: number;
    advice: Advice[];
  }[];
}
