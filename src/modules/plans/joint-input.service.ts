import { reasonText } from '../../planning/reasons';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JointInput, JointSession } from '../../planning/joint/model';
import { NEAR_LOCATION_KM } from '../../planning/joint/session-care';
import { SharedResources } from '../../planning/scheduling/model';
import { stillClashesOnline } from '../../planning/scheduling/online-periods';
import { readyMembers } from '../../planning/scheduling/rolling-start';
import { closedOn } from '../../planning/time/holidays';
import { instantToLocal, instantToLocalMinute } from '../../planning/time/wall-clock';
import { DEFAULT_MAX_EARLY_MINUTES } from '../../planning/transport/session-rides';
import { Position, straightLineKm } from '../../planning/travel/offline-travel';
import { memoised } from '../../planning/travel/memoised';
import { AbsencesService } from '../attendance/absences.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { OnlinePeriodsService } from '../programmes/online-periods.service';
import { OutingsService } from '../programmes/outings.service';
import { toMinutes } from '../../planning/time/calendar';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { Session } from '../programmes/session.entity';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { TravelMinutes, travelModeOf } from '../../planning/travel/travel-mode';
import { LookupGroup, TravelTimesService } from '../travel/travel-times.service';
import { CarPoolOffersService } from '../car-pool/car-pool-offers.service';

/** What the joint core needs of a region, in refs, and the way back to database ids. */
export interface RegionData {
  zone: string;
  refOf: Map<string, string>;
  idOf: Map<string, string>;
  /** Everything but the sessions and the travel times: enough to judge a plan as it stands. */
  base: Omit<JointInput, 'sessions' | 'minutes'>;
  locationNames: Map<string, string>;
  /** The day each participant who has one is ready (database ids): her sessions before it are not hers. */
  readyFromOf: Map<string, string>;
}

/** A region with the travel times its rides and care may ask for: enough to plan. */
export interface PlanningData extends RegionData {
  base: Omit<JointInput, 'sessions'>;
}

/**
 * What groups compete for: care places within reach of each location (by its database id, as the slot planner
 * knows it), and the fleet.
 */
export function sharedResources(region: RegionData): SharedResources {
  const { locations, providers, vehicles, policy, schoolHours } = region.base;
  return {
    carePlaces: new Map(
      locations.map((location) => [
        region.idOf.get(location.id) ?? location.id,
        providers
          .filter((p) => p.position && straightLineKm(p.position, location.position) <= NEAR_LOCATION_KM)
          .map((p) => ({
            places: p.places.reduce((n, band) => n + band.capacity, 0),
            openingHours: p.openingHours,
          })),
      ]),
    ),
    vehicles: vehicles.length,
    seatsPerVehicle: vehicles.reduce((sum, vehicle) => sum + vehicle.seats, 0) / Math.max(1, vehicles.length),
    schoolHours,
    arriveMinutesBefore: policy.arriveMinutesBefore,
    maxRideFactor: policy.maxRideFactor,
  };
}

/**
 * The trips by public transport of the women who take the bus, from their homes to these places: for their time
 * away, in the plan (to their group's location) and in who can come (to any location).
 */
function busTrips(participants: RegionData['base']['participants'], to: Position[]): LookupGroup {
  const homes = participants.flatMap((p) =>
    p.position && travelModeOf(p.transport) === 'transit' ? [p.position] : [],
  );
  return [homes, to, 'transit'];
}

export const REASON_OF_CONFLICT: Record<string, string> = {
  overlap: reasonText('lesson'),
  travel: reasonText('lesson-travel'),
  appointment: reasonText('appointment'),
};
const REPORTED_ABSENT = reasonText('reported-absent');

/** The reasons that keep her away whatever care and rides do. */
export const BLOCKING_REASONS = new Set([...Object.values(REASON_OF_CONFLICT), REPORTED_ABSENT]);

/**
 * Loads what the joint planner needs from the modules that own it, as plain data in the scenario's refs: the
 * region (people, children, care, vehicles, travel times), stored sessions with who cannot come, and the
 * resources groups compete for.
 */
@Injectable()
export class JointInputService {
  constructor(
    private readonly programmeRecords: ProgrammesScenarioService,
    private readonly groups: GroupsService,
    private readonly online: OnlinePeriodsService,
    private readonly outings: OutingsService,
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly careProviders: ChildcareScenarioService,
    private readonly fleet: TransportScenarioService,
    private readonly travel: TravelTimesService,
    private readonly carPool: CarPoolOffersService,
  ) {}

  /** What the joint core needs of a region, in scenario refs (ties are broken by them), and the way back to ids. */
  async regionData(regionId: string, seed = 1): Promise<RegionData> {
    const region = await this.regions.exportRegion(regionId);
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
    remember(await this.programmeRecords.groupsOfRegion(regionId));
    const locations = remember(await this.locations.exportLocations(regionId));
    const people = remember(await this.participants.exportParticipants(regionId));
    const children = remember(await this.participants.exportChildren(regionId));
    const providers = remember(await this.careProviders.exportProviders(regionId));
    const vehicles = remember(await this.fleet.exportVehicles(regionId));
    const ref = (id: string) => refOf.get(id) ?? id;
    const childrenOf = new Map<string, typeof children>();
    for (const child of children)
      childrenOf.set(child.participantId, [...(childrenOf.get(child.participantId) ?? []), child]);
    const base: RegionData['base'] = {
      policy: {
        arriveMinutesBefore: region.policy.arriveMinutesBefore,
        maxEarlyMinutes: region.policy.maxEarlyMinutes ?? DEFAULT_MAX_EARLY_MINUTES,
        maxRideMinutes: region.policy.maxRideMinutes,
        maxRideFactor: region.policy.maxRideFactor,
      },
      schoolHours: region.schoolHours,
      isSchoolClosed: closedOn(region.closedDates),
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
      seed,
      digest: (text) => createHash('sha256').update(text).digest('base64'),
    };
    const locationNames = new Map(locations.map((l) => [ref(l.id), l.name]));
    const readyFromOf = new Map(people.flatMap((p) => (p.readyFrom ? [[p.id, p.readyFrom] as const] : [])));
    return { zone: region.timezone, refOf, idOf, base, locationNames, readyFromOf };
  }

  /**
   * The region with travel times for the pairs rides and care can ask for: within each group its members'
   * homes, its location and the depots, and the care providers to locations and homes. From Google when a key
   * is configured, each pair once.
   */
  async withTravel(regionId: string, region: RegionData): Promise<PlanningData> {
    const { base, idOf } = region;
    const groups = await this.programmeRecords.groupsOfRegion(regionId);
    const members = await this.groups.membersOf(groups.map((group) => group.id));
    const locationOf = new Map(base.locations.map((l) => [idOf.get(l.id) ?? l.id, l.position]));
    const homeOf = new Map(
      base.participants.flatMap((p) => (p.position ? [[idOf.get(p.id) ?? p.id, p.position] as const] : [])),
    );
    const depots = base.vehicles.map((v) => v.depot);
    const careAt = base.providers.flatMap((p) => (p.position ? [p.position] : []));
    const participantByRef = new Map(base.participants.map((p) => [p.id, p]));
    const lookup = await this.travel.minutesLookup([
      ...groups.map((group): [Position[], Position[]] => {
        const places = [
          locationOf.get(group.locationId)!,
          ...depots,
          ...(members.get(group.id) ?? []).flatMap((id) => (homeOf.has(id) ? [homeOf.get(id)!] : [])),
        ];
        return [places, places];
      }),
      [careAt, [...locationOf.values(), ...homeOf.values()]],
      ...groups.map((group) => {
        const own = (members.get(group.id) ?? []).flatMap((id) => {
          const participant = participantByRef.get(region.refOf.get(id) ?? id);
          return participant ? [participant] : [];
        });
        return busTrips(own, [locationOf.get(group.locationId)!]);
      }),
    ]);
    return { ...region, base: { ...base, minutes: memoised(lookup) } };
  }

  /**
   * Travel by public transport from the homes of the women who take the bus to the locations, for their time
   * away when only that counts (who can come by the plan as it stands). From Google when a key is configured.
   */
  async busTravel(region: RegionData): Promise<TravelMinutes> {
    const { participants, locations } = region.base;
    const places = locations.map((l) => l.position);
    return memoised(await this.travel.minutesLookup([busTrips(participants, places)]));
  }

  /** Stored sessions as the joint core sees them: local date and minutes, members in refs, who cannot come. */
  async storedSessions(sessions: Session[], region: RegionData): Promise<JointSession[]> {
    const ref = (id: string) => region.refOf.get(id) ?? id;
    const sessionIds = sessions.map((session) => session.id);
    const blocked = new Map<string, Map<string, string>>();
    const block = (sessionId: string, participantId: string, reason: string) => {
      const inSession = blocked.get(sessionId) ?? new Map<string, string>();
      if (!inSession.has(ref(participantId))) inSession.set(ref(participantId), reason);
      blocked.set(sessionId, inSession);
    };
    const online = await this.online.onlineIn(sessions);
    const startOf = new Map(sessions.map((session) => [session.id, session.start.getTime()]));
    for (const conflict of await this.conflicts.forSessions(sessionIds)) {
      const period = online.get(conflict.sessionId)?.get(conflict.participantId);
      const cause = {
        kind: conflict.kind,
        causeStart: conflict.causeStart.getTime(),
        causeEnd: conflict.causeEnd.getTime(),
      };
      if (period && !stillClashesOnline(cause, startOf.get(conflict.sessionId)!, period.durationMinutes))
        continue;
      block(conflict.sessionId, conflict.participantId, REASON_OF_CONFLICT[conflict.kind] ?? conflict.kind);
    }
    for (const absence of await this.absences.forSessions(sessionIds))
      block(absence.sessionId, absence.participantId, REPORTED_ABSENT);
    const membersOf = await this.groups.membersOf(sessions.map((session) => session.groupId));
    const carPooled = await this.carPool.carPooledIn(sessionIds);
    const outings = await this.outings.endsOf(sessionIds);
    return sessions.map((session) => {
      // Sessions keep their own ids: their refs are not unique across plans.
      const { date, weekday } = instantToLocal(session.start, region.zone);
      const start = instantToLocalMinute(session.start, date, region.zone);
      const end = instantToLocalMinute(session.end, date, region.zone);
      const outing = outings.get(session.id);
      return {
        id: session.id,
        groupId: ref(session.groupId),
        locationId: ref(session.locationId),
        date,
        weekday,
        start,
        end,
        // A session before she is ready is not hers: she needs neither care nor a ride, and is not counted.
        memberIds: readyMembers(membersOf.get(session.groupId) ?? [], region.readyFromOf, date).map(ref),
        blocked: blocked.get(session.id) ?? new Map(),
        online: new Set([...(online.get(session.id)?.keys() ?? [])].map(ref)),
        carPooled: new Set([...(carPooled.get(session.id) ?? [])].map(ref)),
        ...(outing && {
          outing: {
            to: { start: outing.first.arrive ? toMinutes(outing.first.arrive) : start },
            from: {
              locationId: ref(outing.last.locationId),
              end: outing.last.leave ? toMinutes(outing.last.leave) : end,
            },
          },
        }),
      };
    });
  }
}
