import { Position } from '../travel/offline-travel';
import { TravelMinutes, TravelMode } from '../travel/travel-mode';

/** Plain data in: everything the planner needs to know about a programme, with wall-clock times of its zone. */

export interface WeeklyWindow {
  weekday: number;
  from: string;
  to: string;
}

export interface SchedulingPolicy {
  travelBufferMinutes: number;
  slotStepMinutes: number;
  earliestStart: string;
  latestEnd: string;
}

export interface ProgrammeRules {
  startDate: string;
  sessionsPerGroup: number;
  /** With phases: the most of any phase, the number of weekly times a group gets. */
  sessionsPerWeek: number;
  intervalWeeks: number;
  /** With phases: the longest of any phase, the length the weekly times are chosen for. */
  durationMinutes: number;
  /** The programme's parts one after another; none: one phase of the fields above. */
  phases?: PhaseRules[];
  /** No session in Ramadan or on the Eids; otherwise sessions then are only warned of. */
  avoidReligiousPeriods?: boolean;
  /** The roles each session needs beside its trainer and its interpreters (a phase may say its own). */
  roles?: ExtraRole[];
}

/**
 * The roles a session may need beside its trainer (one of the group's trainers) and its interpreters (one for
 * each of the group's languages), each filled by a person of its own; a role listed twice needs two people.
 */
export const EXTRA_ROLES = ['co-trainer', 'experience-expert', 'childcare-volunteer'] as const;
export type ExtraRole = (typeof EXTRA_ROLES)[number];

/** Who fills a role at a session. */
export interface RoleHolder {
  role: ExtraRole;
  staffId: string;
}

/** A part of a programme with its own rhythm. It has `sessions`, or runs until `endDate` (inclusive). */
export interface PhaseRules {
  sessions?: number;
  endDate?: string;
  sessionsPerWeek: number;
  intervalWeeks: number;
  durationMinutes: number;
  themes?: string[];
  /** The roles its sessions need; left out: the programme's. */
  roles?: ExtraRole[];
}

export interface LessonInput {
  id: string;
  providerId: string;
  weekday: number;
  from: string;
  to: string;
  position: Position;
  validFrom: string;
  validTo: string;
  exceptDates?: string[];
}

export interface AppointmentInput {
  id: string;
  date: string;
  from: string;
  to: string;
}

export interface MemberInput {
  id: string;
  lessons: LessonInput[];
  appointments: AppointmentInput[];
  /** How she travels between lessons, home and sessions on her own: by road when not given. */
  travelMode?: TravelMode;
  /** What her coming asks of the region's scarce resources: a seat in a vehicle, care for her children. */
  needs?: MemberNeeds;
  /** The first local date she can take part (after her intake or arrival); none: ready now. */
  readyFrom?: string;
}

export interface MemberNeeds {
  home?: Position;
  rides: boolean;
  children: { birthDate: string; careByPartner: boolean }[];
}

/** The care places and the fleet that groups compete for: slots are chosen with them in view. */
/** A care provider within reach of a location: its places (all age bands) and when it is open. */
export interface CareNearLocation {
  places: number;
  openingHours: WeeklyWindow[];
}

export interface SharedResources {
  /** The care providers within reach of each location: a session's children take places of those open then. */
  carePlaces: Map<string, CareNearLocation[]>;
  /** Vehicles of the whole fleet, and their seats on average: a vehicle serves one session's rides at a time. */
  vehicles: number;
  seatsPerVehicle: number;
  schoolHours: WeeklyWindow[];
  arriveMinutesBefore: number;
  maxRideFactor: number;
}

export interface StaffInput {
  id: string;
  availability: WeeklyWindow[];
}

export interface InterpreterInput extends StaffInput {
  languages: string[];
}

/** A co-trainer, an experience expert or a childcare volunteer: whichever of those roles she can take. */
export interface RoleStaffInput extends StaffInput {
  roles: ExtraRole[];
}

export interface LocationInput {
  id: string;
  position: Position;
  openingHours: WeeklyWindow[];
  rooms: number;
}

export interface PinnedTime {
  weekday: number;
  start: string;
}

export interface GroupInput {
  id: string;
  /** The scenario's id: ties between groups are broken by it, never by a database id. */
  ref?: string;
  locationId: string;
  memberIds: string[];
  trainerIds: string[];
  interpreterLanguages: string[];
  /** Weekly times chosen by hand: kept as they are. */
  pinned?: PinnedTime[];
  /** Its own first day, when it does not start with the programme. */
  startDate?: string;
  /** The group (id) this one follows: it starts the day after that group's last session. */
  after?: string;
  /** A rolling start: not before the day on which at least `minReady` of its members are ready. */
  rollingStart?: RollingStart;
}

export interface RollingStart {
  minReady: number;
}

export interface PlanningInput {
  policy: SchedulingPolicy;
  programme: ProgrammeRules;
  /** Dates on which no session may be held: closures, school holidays and public holidays. */
  isClosed: (date: string) => boolean;
  locations: LocationInput[];
  trainers: StaffInput[];
  interpreters: InterpreterInput[];
  /** The people who can take the programme's extra roles; none: no role can be filled. */
  staff?: RoleStaffInput[];
  members: MemberInput[];
  groups: GroupInput[];
  /** Whole minutes of travel between two places, by road or by the mode given. */
  travelMinutes: TravelMinutes;
  /** When given, groups that would compete for care places or vehicles are spread over times and days. */
  resources?: SharedResources;
}

/** Plain data out. Times are minutes after local midnight; dates local `YYYY-MM-DD`. */

export interface WeeklySlot {
  weekday: number;
  start: number;
  end: number;
}

export type ConflictKind = 'overlap' | 'travel' | 'appointment';

export interface MemberConflict {
  participantId: string;
  date: string;
  kind: ConflictKind;
  lessonId?: string;
  providerId?: string;
  appointmentId?: string;
  /** The lesson's or appointment's own times that day. */
  causeFrom: number;
  causeTo: number;
  overlapMinutes: number;
}

export interface PlannedSession {
  date: string;
  start: number;
  end: number;
  /** Index of the programme's phase it belongs to (0 without phases). */
  phase: number;
  trainerId: string;
  interpreterIds: string[];
  /** Who fills the extra roles its phase needs. */
  roles: RoleHolder[];
  /** The roles its phase needs that nobody fills. */
  missingRoles: ExtraRole[];
  conflicts: MemberConflict[];
}

export interface GroupPlan {
  groupId: string;
  slots: (WeeklySlot & {
    trainerId: string;
    interpreterIds: string[];
    roles: RoleHolder[];
    pinned: boolean;
  })[];
  sessions: PlannedSession[];
  /** Member-sessions without a conflict: the women who can come, summed over the sessions. */
  attendable: number;
  memberSessions: number;
  /** Languages for which no interpreter could be found at the chosen time. */
  missingLanguages: string[];
  /** Roles (of any phase) that nobody could fill at one of the chosen times, each once. */
  missingRoles: ExtraRole[];
}

export interface UnplannedGroup {
  groupId: string;
  reason: string;
}

/** A session planned in Ramadan or on an Eid, for the coordinator to look at. */
export interface CalendarWarning {
  groupId: string;
  date: string;
  period: 'ramadan' | 'eid-al-fitr' | 'eid-al-adha';
}

export interface ProgrammePlan {
  groups: GroupPlan[];
  unplanned: UnplannedGroup[];
  warnings: CalendarWarning[];
  attendable: number;
  memberSessions: number;
  /** Each group alone at its best time, ignoring shared trainers, interpreters and rooms. */
  upperBound: number;
}
