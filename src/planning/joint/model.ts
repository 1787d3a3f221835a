import { PlacesInput } from '../childcare/allocate';
import { WeeklyWindow } from '../scheduling/model';
import { Direction, PlannedRide } from '../transport/session-rides';
import { TravelMinutes } from '../travel/travel-mode';
import { Position } from '../travel/offline-travel';

/**
 * Plain data in and out of the joint planner of care and rides. Ids are the scenario's refs (ties are broken by
 * them, never by database ids); times are minutes after local midnight of the session's date.
 */

export interface JointPolicy {
  arriveMinutesBefore: number;
  /** How early she may arrive at the location; a vehicle makes several trips within it. */
  maxEarlyMinutes: number;
  maxRideMinutes: number;
  maxRideFactor: number;
}

export interface JointChild {
  id: string;
  birthDate: string;
  careByPartner: boolean;
}

export interface JointParticipant {
  id: string;
  position?: Position;
  transport: string;
  municipalityId?: string;
  children: JointChild[];
}

export interface JointLocation {
  id: string;
  position: Position;
}

export interface JointProvider {
  id: string;
  kind: 'formal' | 'volunteer';
  /** Where the children are: its own position, or its location's. */
  position?: Position;
  locationId?: string;
  openingHours: WeeklyWindow[];
  places: PlacesInput[];
}

export interface JointVehicle {
  id: string;
  depot: Position;
  seats: number;
  childSeats: number;
  availability: WeeklyWindow[];
  /** Municipalities it may collect in; empty or absent: all. */
  municipalityIds?: string[];
}

export interface JointSession {
  id: string;
  /** The group's ref: sessions at the same time are planned in the order of their groups' refs. */
  groupId: string;
  locationId: string;
  date: string;
  weekday: number;
  start: number;
  end: number;
  memberIds: string[];
  /** Members who cannot come whatever care and rides do (a lesson, an appointment, a reported absence), with why. */
  blocked: Map<string, string>;
  /**
   * Members who take part online from home: she needs no ride, and her children no care (she is at home with
   * them); she can come unless she is blocked.
   */
  online?: Set<string>;
  /** Members who ride with another woman in her car (an accepted car-pool offer): no vehicle needed either way. */
  carPooled?: Set<string>;
  /**
   * An outing: the session's location is its first place, where the rides arrive by `to.start`; the rides home
   * leave its last place at `from.end` (minutes of the day). The travel between the places is the group's own.
   */
  outing?: { to: { start: number }; from: { locationId: string; end: number } };
}

export interface JointInput {
  policy: JointPolicy;
  schoolHours: WeeklyWindow[];
  /** No school that day (holidays, closures, public holidays). */
  isSchoolClosed: (date: string) => boolean;
  participants: JointParticipant[];
  locations: JointLocation[];
  providers: JointProvider[];
  vehicles: JointVehicle[];
  sessions: JointSession[];
  /** Whole minutes between two positions: by road, or by the mode given (her own travel by public transport). */
  minutes: TravelMinutes;
  seed?: number;
  /** The share of the usual routing search to spend (1 by default): less where plans are only compared. */
  effort?: number;
  /** Other orders of each date's sessions to try for more women who can come (see DAY_ORDER_TRIALS). */
  orderTrials?: number;
  /**
   * A short digest of a text (a hash), under which the rides planned for it are kept: the text names every
   * request and every vehicle's free time, and a large region keeps tens of thousands. None: the text itself.
   */
  digest?: (text: string) => string;
  /**
   * The plans of dates worked out before, by their sessions (`dateKey`), taken instead of planning such a date
   * again and added to. A date's plan depends on its own sessions alone (its care places and vehicle time are its
   * own): one map serves calls whose inputs differ in their sessions only, as the slot search's trial plans do.
   */
  rememberedDates?: Map<string, JointPlan>;
}

export interface JointBooking {
  childId: string;
  participantId: string;
  sessionId: string;
  providerId: string;
  ageMonths: number;
  date: string;
  from: number;
  to: number;
}

export interface JointUnmet {
  childId: string;
  participantId: string;
  sessionId: string;
  reason: string;
}

export interface JointRide extends PlannedRide {
  sessionId: string;
}

export interface JointUnrouted {
  participantId: string;
  sessionId: string;
  direction: Direction;
  reason: string;
}

export interface JointPlan {
  bookings: JointBooking[];
  unmet: JointUnmet[];
  rides: JointRide[];
  unrouted: JointUnrouted[];
  /** Member-sessions she can come to, and why not for the others. */
  verdicts: Verdict[];
}

/** Whether she can come to a session of hers, and if not, why. */
export interface Verdict {
  participantId: string;
  sessionId: string;
  canCome: boolean;
  reasons: string[];
}
