import { AppointmentInput, LessonInput, SchedulingPolicy, WeeklyWindow } from '../scheduling/model';
import { Position } from '../travel/offline-travel';

/**
 * The roles of people who meet a participant one to one, beside the session roles: her jobcoach, a coach (a
 * Yalla!Coach), a language buddy, and her case manager (klantmanager), who joins the closing talk.
 */
export const TALK_ROLES = ['jobcoach', 'coach', 'language-buddy', 'case-manager'] as const;
export type TalkRole = (typeof TALK_ROLES)[number];
/** The roles that hold recurring talks with her; a case manager comes to her closing talk only. */
export const COACH_ROLES = ['jobcoach', 'coach', 'language-buddy'] as const satisfies readonly TalkRole[];
export type CoachRole = (typeof COACH_ROLES)[number];

export const TALK_FREQUENCIES = ['weekly', 'fortnightly', 'once'] as const;
export type TalkFrequency = (typeof TALK_FREQUENCIES)[number];

/**
 * Where a talk is held: at her home, at an office (a location of the region), online, or at the location of her
 * group, preferably right before or after one of her sessions there (she is there already).
 */
export const TALK_PLACES = ['home', 'office', 'online', 'location'] as const;
export type TalkPlaceKind = (typeof TALK_PLACES)[number];

/** Something that keeps a person busy, at a place (none: online, nobody travels). */
export interface Busy {
  start: Date;
  end: Date;
  position?: Position;
  /** What it is, for the reason a talk could not be placed: `her lessons`, `Hanan's sessions`, … */
  what: string;
}

/** One of her sessions: busy for her, and a moment a talk at its location can sit beside. */
export interface TalkSession {
  id: string;
  start: Date;
  end: Date;
  locationId: string;
}

export interface TalkParticipant {
  id: string;
  home?: Position;
  lessons: LessonInput[];
  appointments: AppointmentInput[];
  sessions: TalkSession[];
}

/** A coach, a trainer or a case manager: the weekly times she works, and what she is busy with besides talks. */
export interface TalkStaff {
  id: string;
  name: string;
  availability: WeeklyWindow[];
  busy: Busy[];
}

export interface TalkPlace {
  kind: TalkPlaceKind;
  /** An office, or the location of her group for `location`. */
  locationId?: string;
  /** For `location`: the side of a session preferred; either when left out. */
  side?: 'before' | 'after';
}

/** One talk to place: in a range of dates, with her and the people who must be there. */
export interface TalkRequest {
  /** Stable and meaningful (series ref and number): ties are broken by it. */
  key: string;
  /** Talks of one series keep one weekday and time where they can. */
  seriesKey: string;
  participantId: string;
  staffIds: string[];
  from: string;
  to: string;
  durationMinutes: number;
  place: TalkPlace;
  /** The series' usual weekday and time (minutes after midnight), when some of its talks stand already. */
  usual?: { weekday: number; minute: number };
}

/** A talk with its time: placed now, or standing (another series, or one kept as it was). */
export interface PlacedTalk {
  key: string;
  participantId: string;
  staffIds: string[];
  date: string;
  start: Date;
  end: Date;
  /** Where it is held; none: online. */
  position?: Position;
  locationId?: string;
  /** The session it sits right before or after. */
  sessionId?: string;
}

export interface TalkPlanningInput {
  zone: string;
  policy: Pick<SchedulingPolicy, 'earliestStart' | 'latestEnd' | 'slotStepMinutes' | 'travelBufferMinutes'>;
  /** Closed dates and public holidays: no talks then. */
  isClosed: (date: string) => boolean;
  participants: TalkParticipant[];
  staff: TalkStaff[];
  locations: { id: string; position: Position }[];
  /** Talks that stay where they are and keep their people busy. */
  standing: PlacedTalk[];
  /** Placed in this order, each around the ones before it. */
  requests: TalkRequest[];
  travelMinutes: (from: Position, to: Position) => number;
}

export interface TalkPlan {
  placed: PlacedTalk[];
  unplaced: { key: string; reason: string }[];
}
