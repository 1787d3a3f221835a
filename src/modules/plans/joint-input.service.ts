import { Injectable } from '@nestjs/common';
import { JointInput, JointSession } from '../../planning/joint/model';
import { NEAR_LOCATION_KM } from '../../planning/joint/session-care';
import { SharedResources } from '../../planning/scheduling/model';
import { inRange, toMinutes } from '../../planning/time/calendar';
import { isDutchPublicHoliday } from '../../planning/time/holidays';
import { instantToLocal } from '../../planning/time/wall-clock';
import { DEFAULT_MAX_EARLY_MINUTES } from '../../planning/transport/session-rides';
import { Position, straightLineKm } from '../../planning/travel/offline-travel';
import { AbsencesService } from '../attendance/absences.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { Session } from '../programmes/session.entity';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { TravelTimesService } from '../travel/travel-times.service';

/** What the joint core needs of a region, in refs, and the way back to database ids. */
export interface RegionData {
  zone: string;
  refOf: Map<string, string>;
  idOf: Map<string, string>;
  base: Omit<JointInput, 'sessions'>;
  locationNames: Map<string, string>;
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

export const REASON_OF_CONFLICT: Record<string, string> = {
  overlap: 'a lesson at that time',
  travel: 'no time to travel from or to a lesson',
  appointment: 'an appointment',
};
const REPORTED_ABSENT = 'reported absent';

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
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly careProviders: ChildcareScenarioService,
    private readonly fleet: TransportScenarioService,
    private readonly travel: TravelTimesService,
  ) {}

  /** What groups compete for: care places within reach of each location, and the fleet's seats. */
  async sharedResources(regionId: string): Promise<SharedResources> {
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
  async regionData(regionId: string, seed: number): Promise<RegionData> {
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
  async storedSessions(sessions: Session[], region: RegionData): Promise<JointSession[]> {
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
}
