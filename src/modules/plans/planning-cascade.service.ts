import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { planCareAndRides } from '../../planning/joint/plan-care-and-rides';
import { JointInput, JointPlan, JointSession } from '../../planning/joint/model';
import { ChosenSlots, improveSlots } from '../../planning/joint/improve-slots';
import { PlanningInput, ProgrammePlan } from '../../planning/scheduling/model';
import { addDays, inRange, toMinutes, weekdayOf } from '../../planning/time/calendar';
import { isDutchPublicHoliday } from '../../planning/time/holidays';
import { instantToLocal, instantToLocalMinute, localMinuteToInstant } from '../../planning/time/wall-clock';
import { canComeOf, Verdict } from '../../planning/joint/can-come';
import { advise, Advice } from '../../planning/joint/advice';
import { ChildcareBooking } from '../childcare/childcare-booking.entity';
import { Route } from '../routes/route.entity';
import { DEFAULT_MAX_EARLY_MINUTES } from '../../planning/transport/session-rides';
import { Position, straightLineKm } from '../../planning/travel/offline-travel';
import { SharedResources } from '../../planning/scheduling/model';
import { NEAR_LOCATION_KM } from '../../planning/joint/session-care';
import { AbsencesService } from '../attendance/absences.service';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { NewRoute, RoutesService } from '../routes/routes.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { SchedulingService } from '../scheduling/scheduling.service';
import { PlanSummary } from '../scheduling/dto/plan.dto';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { TravelTimesService } from '../travel/travel-times.service';

/** What a joint plan of care and rides did, in counts. */
export interface CareAndRidesSummary {
  sessions: number;
  bookings: number;
  unmet: number;
  routes: number;
  unrouted: number;
  memberSessions: number;
  canCome: number;
  /** What one more vehicle or a few more care places would change, where women are left without. */
  advice: Advice[];
  durationMs: number;
}

/** The slot search judges at most this many plans (each a joint plan of two weeks). */
const MAX_SLOT_EVALUATIONS = 40;
/** The days from the first session that the slot search judges: two weeks, most programmes repeat weekly. */
const JUDGED_DAYS = 14;
/** The share of the routing search a judged plan gets. */
const JUDGING_EFFORT = 0.25;

interface RegionData {
  zone: string;
  refOf: Map<string, string>;
  idOf: Map<string, string>;
  base: Omit<JointInput, 'sessions'>;
  locationNames: Map<string, string>;
}

export interface SlotSearchSummary {
  /** Plans judged, and the member-sessions she could come to in their first two weeks, before and after. */
  evaluations: number;
  before: number;
  after: number;
}

/** Travel asked once per pair of place objects: the planners ask the same pairs many times over. */
function memoised(minutes: (from: Position, to: Position) => number) {
  const known = new Map<Position, Map<Position, number>>();
  return (from: Position, to: Position): number => {
    let row = known.get(from);
    if (!row) known.set(from, (row = new Map()));
    let found = row.get(to);
    if (found === undefined) row.set(to, (found = minutes(from, to)));
    return found;
  };
}

const REASON_OF_CONFLICT: Record<string, string> = {
  overlap: 'a lesson at that time',
  travel: 'no time to travel from or to a lesson',
  appointment: 'an appointment',
};
const REPORTED_ABSENT = 'reported absent';

/** The reasons that keep her away whatever care and rides do. */
export const BLOCKING_REASONS = new Set([...Object.values(REASON_OF_CONFLICT), REPORTED_ABSENT]);

/**
 * The order of planning a programme, in one place: its sessions first (times, staff, conflicts), then care and
 * rides together for those sessions (the joint core), stored in one transaction. What one step loaded is passed
 * to the next; every local date and minute becomes an instant by `localToInstant`.
 */
@Injectable()
export class PlanningCascadeService {
  private readonly logger = new Logger(PlanningCascadeService.name);

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly programmes: ProgrammesService,
    private readonly programmeRecords: ProgrammesScenarioService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly careProviders: ChildcareScenarioService,
    private readonly bookings: ChildcareBookingsService,
    private readonly fleet: TransportScenarioService,
    private readonly routes: RoutesService,
    private readonly travel: TravelTimesService,
  ) {}

  /**
   * Plans a programme's sessions, then their care and rides together. The weekly times are chosen with who can
   * come in view: the slot planner's plan, then moves of one group at a time judged by the joint plan of care
   * and rides over the programme's first two weeks.
   */
  @Transactional()
  async planProgramme(
    programmeId: string,
    now: Date,
  ): Promise<PlanSummary & { careAndRides: CareAndRidesSummary; slotSearch: SlotSearchSummary }> {
    const { regionId } = await this.programmes.get(programmeId);
    const resources = await this.sharedResources(regionId);
    const region = await this.regionData(regionId, 1);
    let search: ChosenSlots | undefined;
    const summary = await this.scheduling.plan(programmeId, now, {
      announce: false,
      resources,
      chooseSlots: (input) =>
        (search = improveSlots(input, (plan) => this.judge(plan, input, region), {
          maxEvaluations: Math.min(MAX_SLOT_EVALUATIONS, 1 + input.groups.length * 3),
          optionsPerGroup: 6,
        })),
    });
    const careAndRides = await this.planCareAndRides(programmeId, now);
    return {
      ...summary,
      careAndRides,
      slotSearch: { evaluations: search!.evaluations, before: search!.before, after: search!.after },
    };
  }

  /** Plans care and rides of a programme's planned sessions from `now` on, replacing what stood. */
  @Transactional()
  async planCareAndRides(programmeId: string, now: Date, seed = 1): Promise<CareAndRidesSummary> {
    const started = performance.now();
    const { regionId } = await this.programmes.get(programmeId);
    const sessions = await this.sessions.plannedOfProgramme(programmeId, now);
    const region = await this.regionData(regionId, seed);
    const input = { ...region.base, sessions: await this.storedSessions(sessions, region) };
    const plan = planCareAndRides(input);
    await this.store(regionId, sessions, plan, region.zone, region.idOf);
    const advice = advise(input, plan, { location: (ref) => region.locationNames.get(ref) ?? ref });
    const result: CareAndRidesSummary = {
      sessions: sessions.length,
      bookings: plan.bookings.length,
      unmet: plan.unmet.length,
      routes: plan.rides.length,
      unrouted: plan.unrouted.length,
      memberSessions: plan.verdicts.length,
      canCome: plan.verdicts.filter((verdict) => verdict.canCome).length,
      advice,
      durationMs: Math.round(performance.now() - started),
    };
    this.logger.log({ programmeId, ...result, advice: advice.length }, 'care and rides planned');
    return result;
  }

  /**
   * The member-sessions she could come to in the first two weeks of a plan of the slot planner, care and rides
   * planned with it: how the slot search judges a plan.
   */
  private judge(plan: ProgrammePlan, input: PlanningInput, region: RegionData): number {
    const groups = new Map(input.groups.map((group) => [group.id, group]));
    const dates = plan.groups.flatMap((group) => group.sessions.map((session) => session.date)).sort();
    if (dates.length === 0) return 0;
    const until = addDays(dates[0], JUDGED_DAYS);
    const ref = (id: string) => region.refOf.get(id) ?? id;
    const sessions: JointSession[] = plan.groups.flatMap((groupPlan) => {
      const group = groups.get(groupPlan.groupId)!;
      return groupPlan.sessions
        .filter((session) => session.date < until)
        .map((session) => {
          const blocked = new Map<string, string>();
          for (const conflict of session.conflicts)
            if (!blocked.has(ref(conflict.participantId)))
              blocked.set(ref(conflict.participantId), REASON_OF_CONFLICT[conflict.kind]);
          return {
            id: `${ref(group.id)}|${session.date}|${session.start}`,
            groupId: ref(group.id),
            locationId: ref(group.locationId),
            date: session.date,
            weekday: weekdayOf(session.date),
            start: session.start,
            end: session.end,
            memberIds: group.memberIds.map(ref),
            blocked,
          };
        });
    });
    // Plans are compared here, not kept: a smaller routing search serves.
    return planCareAndRides({ ...region.base, sessions, effort: JUDGING_EFFORT }).verdicts.filter(
      (verdict) => verdict.canCome,
    ).length;
  }

  /**
   * Whether she can come to each of these stored sessions by the plan as it stands, with the reasons; her id is
   * the scenario's ref, the session's its own.
   */
  async canCome(
    regionId: string,
    sessions: Session[],
    bookings: ChildcareBooking[],
    routes: Route[],
  ): Promise<Verdict[]> {
    if (sessions.length === 0) return [];
    const region = await this.regionData(regionId, 1);
    const ref = (id: string) => region.refOf.get(id) ?? id;
    const jointSessions = await this.storedSessions(sessions, region);
    const dateOf = new Map(jointSessions.map((session) => [session.id, session.date]));
    const minute = (sessionId: string, instant: Date) =>
      instantToLocalMinute(instant, dateOf.get(sessionId)!, region.zone);
    return canComeOf(
      { ...region.base, sessions: jointSessions },
      bookings
        .filter((b) => dateOf.has(b.sessionId))
        .map((b) => ({
          childId: ref(b.childId),
          participantId: ref(b.participantId),
          sessionId: b.sessionId,
          providerId: ref(b.providerId),
          from: minute(b.sessionId, b.from),
          to: minute(b.sessionId, b.to),
        })),
      routes
        .filter((route) => dateOf.has(route.sessionId))
        .flatMap((route) =>
          route.stops.map((stop) => ({
            participantId: ref(stop.participantId),
            sessionId: route.sessionId,
            direction: route.direction,
            time: minute(route.sessionId, stop.time),
            children: stop.children,
          })),
        ),
    );
  }

  /** What groups compete for: care places within reach of each location, and the fleet's seats. */
  private async sharedResources(regionId: string): Promise<SharedResources> {
    const region = await this.regions.exportRegion(regionId);
    const locations = await this.locations.exportLocations(regionId);
    const providers = await this.careProviders.exportProviders(regionId);
    const vehicles = await this.fleet.exportVehicles(regionId);
    return {
      carePlaces: new Map(
        locations.map((location) => [
          location.id,
          providers
            .filter((p) => p.position && straightLineKm(p.position, location.position) <= NEAR_LOCATION_KM)
            .reduce((sum, p) => sum + p.places.reduce((n, band) => n + band.capacity, 0), 0),
        ]),
      ),
      vehicles: vehicles.length,
      seatsPerVehicle:
        vehicles.reduce((sum, vehicle) => sum + vehicle.seats, 0) / Math.max(1, vehicles.length),
      schoolHours: region.schoolHours,
      arriveMinutesBefore: region.policy.arriveMinutesBefore,
      maxRideFactor: region.policy.maxRideFactor,
    };
  }

  /** What the joint core needs of a region, in scenario refs (ties are broken by them), and the way back to ids. */
  private async regionData(regionId: string, seed: number): Promise<RegionData> {
    const region = await this.regions.exportRegion(regionId);
    const zone = region.timezone;
    const refOf = new Map<string, string>();
    const idOf = new Map<string, string>();
    const remember = <T extends { id: string; ref?: string | null }>(records: T[]) => {
      for (const record of records) {
        const ref = record.ref ?? record.id;
        refOf.set(record.id, ref);
        idOf.set(ref, record.id);
      }
      return records;
    };
    remember(await this.regions.exportMunicipalities(regionId));
    const locations = remember(await this.locations.exportLocations(regionId));
    const people = remember(await this.participants.exportParticipants(regionId));
    const children = remember(await this.participants.exportChildren(regionId));
    const providers = remember(await this.careProviders.exportProviders(regionId));
    const vehicles = remember(await this.fleet.exportVehicles(regionId));
    const ref = (id: string) => refOf.get(id) ?? id;
    const childrenOf = new Map<string, typeof children>();
    for (const child of children)
      childrenOf.set(child.participantId, [...(childrenOf.get(child.participantId) ?? []), child]);
    // The pairs rides and care can ask for: within each group, its members' homes, its location and the depots,
    // and the care providers; from Google when a key is configured, each pair once.
    const groups = remember(await this.programmeRecords.groupsOfRegion(regionId));
    const members = await this.groups.membersOf(groups.map((group) => group.id));
    const homeOf = new Map(people.filter((p) => p.position?.lat != null).map((p) => [p.id, p.position]));
    const depots = vehicles.map((v) => v.depot);
    const careAt = providers.map((p) => p.position).filter((position): position is Position => !!position);
    const lookup = await this.travel.minutesLookup([
      ...groups.map((group): [Position[], Position[]] => {
        const places = [
          locations.find((l) => l.id === group.locationId)!.position,
          ...depots,
          ...(members.get(group.id) ?? []).flatMap((id) => (homeOf.has(id) ? [homeOf.get(id)!] : [])),
        ];
        return [places, places];
      }),
      [careAt, [...locations.map((l) => l.position), ...homeOf.values()]],
    ]);
    const minutes = memoised(lookup);
    const base: Omit<JointInput, 'sessions'> = {
      policy: {
        arriveMinutesBefore: region.policy.arriveMinutesBefore,
        maxEarlyMinutes: region.policy.maxEarlyMinutes ?? DEFAULT_MAX_EARLY_MINUTES,
        maxRideMinutes: region.policy.maxRideMinutes,
        maxRideFactor: region.policy.maxRideFactor,
      },
      schoolHours: region.schoolHours,
      isSchoolClosed: (date) =>
        region.closedDates.some((closed) => inRange(date, closed)) || isDutchPublicHoliday(date),
      participants: people.map((p) => ({
        id: ref(p.id),
        position: p.position?.lat != null ? p.position : undefined,
        transport: p.transport,
        municipalityId: ref(p.municipalityId),
        children: (childrenOf.get(p.id) ?? []).map((c) => ({
          id: ref(c.id),
          birthDate: c.birthDate,
          careByPartner: c.careByPartner,
        })),
      })),
      locations: locations.map((l) => ({ id: ref(l.id), position: l.position })),
      providers: providers.map((p) => ({
        id: ref(p.id),
        kind: p.kind,
        position: p.position ?? locations.find((l) => l.id === p.locationId)?.position,
        locationId: p.locationId ? ref(p.locationId) : undefined,
        openingHours: p.openingHours,
        places: [...p.places].sort((a, b) => a.minAgeMonths - b.minAgeMonths),
      })),
      vehicles: vehicles.map((v) => ({
        id: ref(v.id),
        depot: v.depot,
        seats: v.seats,
        childSeats: v.childSeats,
        availability: v.availability,
        municipalityIds: v.municipalityIds.map(ref).sort(),
      })),
      minutes,
      seed,
    };
    const locationNames = new Map(locations.map((l) => [ref(l.id), l.name]));
    return { zone, refOf, idOf, base, locationNames };
  }

  /** Stored sessions as the joint core sees them: local date and minutes, members in refs, who cannot come. */
  private async storedSessions(sessions: Session[], region: RegionData): Promise<JointSession[]> {
    const ref = (id: string) => region.refOf.get(id) ?? id;
    // Sessions keep their own ids: their refs are not unique across plans.
    for (const session of sessions) region.idOf.set(session.id, session.id);
    const sessionIds = sessions.map((session) => session.id);
    const blocked = new Map<string, Map<string, string>>();
    const block = (sessionId: string, participantId: string, reason: string) => {
      const inSession = blocked.get(sessionId) ?? new Map<string, string>();
      if (!inSession.has(ref(participantId))) inSession.set(ref(participantId), reason);
      blocked.set(sessionId, inSession);
    };
    for (const conflict of await this.conflicts.forSessions(sessionIds))
      block(conflict.sessionId, conflict.participantId, REASON_OF_CONFLICT[conflict.kind] ?? conflict.kind);
    for (const absence of await this.absences.forSessions(sessionIds))
      block(absence.sessionId, absence.participantId, REPORTED_ABSENT);
    const membersOf = await this.groups.membersOf(sessions.map((session) => session.groupId));
    return sessions.map((session) => {
      const start = instantToLocal(session.start, region.zone);
      const end = instantToLocal(session.end, region.zone);
      return {
        id: session.id,
        groupId: ref(session.groupId),
        locationId: ref(session.locationId),
        date: start.date,
        weekday: start.weekday,
        start: toMinutes(start.time),
        end: end.date === start.date ? toMinutes(end.time) : 24 * 60,
        memberIds: (membersOf.get(session.groupId) ?? []).map(ref),
        blocked: blocked.get(session.id) ?? new Map(),
      };
    });
  }

  private async store(
    regionId: string,
    sessions: Session[],
    plan: JointPlan,
    zone: string,
    idOf: Map<string, string>,
  ): Promise<void> {
    const id = (ref: string) => idOf.get(ref) ?? ref;
    const dateOf = new Map(sessions.map((s) => [s.id, instantToLocal(s.start, zone).date]));
    const instant = (sessionId: string, minute: number) =>
      localMinuteToInstant(dateOf.get(sessionId)!, minute, zone);
    await this.bookings.replaceForSessions(
      sessions.map((s) => s.id),
      'planned again',
      plan.bookings.map((b) => ({
        regionId,
        childId: id(b.childId),
        participantId: id(b.participantId),
        sessionId: b.sessionId,
        providerId: id(b.providerId),
        ageMonths: b.ageMonths,
        careDate: b.date,
        from: instant(b.sessionId, b.from),
        to: instant(b.sessionId, b.to),
      })),
      plan.unmet.map((u) => ({
        regionId,
        sessionId: u.sessionId,
        childId: id(u.childId),
        participantId: id(u.participantId),
        reason: u.reason,
      })),
    );
    const drivers = await this.fleet.exportDrivers(regionId);
    for (const session of sessions) {
      for (const direction of ['to', 'from'] as const) {
        const rides: NewRoute[] = plan.rides
          .filter((ride) => ride.sessionId === session.id && ride.direction === direction)
          .map((ride) => ({
            regionId,
            sessionId: session.id,
            vehicleId: id(ride.vehicleId),
            driverId: drivers.find((driver) => driver.vehicleId === id(ride.vehicleId))?.id ?? null,
            direction,
            depart: instant(session.id, ride.depart),
            arrive: instant(session.id, ride.arrive),
            driveMinutes: ride.driveMinutes,
            stops: ride.stops.map((stop) => ({
              participantId: id(stop.participantId),
              time: instant(session.id, stop.time),
              children: stop.children,
            })),
          }));
        const unrouted = plan.unrouted
          .filter((u) => u.sessionId === session.id && u.direction === direction)
          .map((u) => ({ participantId: id(u.participantId), reason: u.reason }));
        await this.routes.replace(session.id, direction, rides, unrouted);
      }
    }
  }
}
