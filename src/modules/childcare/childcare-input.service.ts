import { Injectable } from '@nestjs/common';
import { AllocationRules, CareProviderInput } from '../../planning/childcare/allocate';
import { CareNeed, careNeeds, CareSession, ChildInput } from '../../planning/childcare/need';
import { toMinutes } from '../../planning/time/calendar';
import { closedOn } from '../../planning/time/holidays';
import { readyMembers } from '../../planning/scheduling/rolling-start';
import { instantToLocal } from '../../planning/time/wall-clock';
import { Position } from '../../planning/travel/offline-travel';
import { AbsencesService } from '../attendance/absences.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { OnlinePeriodsService } from '../programmes/online-periods.service';
import { Session } from '../programmes/session.entity';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { ChildcareBookingsService } from './childcare-bookings.service';
import { TravelMode, travelModeOf } from '../../planning/travel/travel-mode';
import { TravelTimesService } from '../travel/travel-times.service';
import { ChildcareScenarioService } from './childcare-scenario.service';

/**
 * Care elsewhere than at the location must be near it or near the mother's home: she brings and fetches her
 * child on her way, by the offline travel model.
 */
export const MAX_CARE_TRAVEL_MINUTES = 20;

/** Everything the childcare core needs to know about some sessions of one region, as plain data. */
export interface CareContext {
  zone: string;
  sessions: CareSession[];
  sessionsById: Map<string, CareSession>;
  /** The stored sessions, to turn the core's minutes back into instants. */
  stored: Map<string, Session>;
  providers: CareProviderInput[];
  needs: CareNeed[];
  /** Needs a coordinator settled by cancelling their booking by hand: not booked again, listed as unmet. */
  settled: CareNeed[];
  rules: AllocationRules;
}

/** Loads sessions and everything around them from the modules that own it, for the childcare core. */
@Injectable()
export class ChildcareInputService {
  constructor(
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly groups: GroupsService,
    private readonly online: OnlinePeriodsService,
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly providers: ChildcareScenarioService,
    private readonly bookings: ChildcareBookingsService,
    private readonly travel: TravelTimesService,
  ) {}

  /** The sessions must be planned ones of one region. */
  async load(regionId: string, sessions: Session[]): Promise<CareContext> {
    const region = await this.regions.exportRegion(regionId);
    const zone = region.timezone;
    const positions = new Map<string, Position>(
      (await this.locations.exportLocations(regionId)).map((location) => [location.id, location.position]),
    );
    const careSessions = sessions.map((session): CareSession => {
      const start = instantToLocal(session.start, zone);
      const end = instantToLocal(session.end, zone);
      return {
        id: session.id,
        date: start.date,
        weekday: start.weekday,
        start: toMinutes(start.time),
        end: end.date === start.date ? toMinutes(end.time) : 24 * 60,
        locationId: session.locationId,
      };
    });

    const sessionIds = sessions.map((session) => session.id);
    // She does not come: a lesson or appointment conflicts, or she reported absence; or she takes part online
    // from home, where her children are with her and need no care.
    const away = new Set(
      [
        ...(await this.conflicts.forSessions(sessionIds)),
        ...(await this.absences.forSessions(sessionIds)),
      ].map((row) => `${row.participantId}|${row.sessionId}`),
    );
    for (const [sessionId, members] of await this.online.onlineIn(sessions))
      for (const participantId of members.keys()) away.add(`${participantId}|${sessionId}`);
    const membersOf = await this.groups.membersOf(sessions.map((session) => session.groupId));
    const participantRows = await this.participants.exportParticipants(regionId);
    const homes = new Map(participantRows.map((p) => [p.id, p.position as Position | null]));
    const modeOf = new Map(participantRows.map((p) => [p.id, travelModeOf(p.transport)]));
    const readyFromOf = new Map(participantRows.map((p) => [p.id, p.readyFrom]));
    const childrenOf = new Map<string, ChildInput[]>();
    for (const child of await this.participants.exportChildren(regionId)) {
      if (!homes.has(child.participantId)) continue;
      const own = childrenOf.get(child.participantId) ?? [];
      own.push({
        id: child.id,
        participantId: child.participantId,
        birthDate: child.birthDate,
        careByPartner: child.careByPartner,
      });
      childrenOf.set(child.participantId, own);
    }

    const providerRows = await this.providers.exportProviders(regionId);
    const providerPositions = new Map(providerRows.map((provider) => [provider.id, provider.position]));
    // Homes and providers to the locations, providers to the homes: from Google when a key is configured.
    const homePlaces = [...homes.values()].filter((home): home is Position => !!home && home.lat !== null);
    const providerPlaces = providerRows.map((provider) => provider.position);
    // A mother who takes the bus is away longer: her trip home–location by public transport.
    const busHomes = [...homes].flatMap(([id, home]) =>
      home && home.lat !== null && modeOf.get(id) === 'transit' ? [home] : [],
    );
    const travelMinutes = await this.travel.minutesLookup([
      [[...homePlaces, ...providerPlaces], [...positions.values()]],
      [providerPlaces, homePlaces],
      [busHomes, [...positions.values()], 'transit'],
    ]);
    const minutes = (
      from: Position | null | undefined,
      to: Position | null | undefined,
      mode?: TravelMode,
    ) => (from && to && from.lat !== null ? travelMinutes(from, to, mode) : 0);
    const groupOf = new Map(sessions.map((session) => [session.id, session.groupId]));
    const allNeeds = careNeeds(
      careSessions,
      (session) =>
        // Before she is ready the session is not hers: her children need no care for it.
        readyMembers(membersOf.get(groupOf.get(session.id)!) ?? [], readyFromOf, session.date)
          .filter((participantId) => !away.has(`${participantId}|${session.id}`))
          .flatMap((participantId) => childrenOf.get(participantId) ?? []),
      {
        schoolHours: region.schoolHours,
        isSchoolClosed: closedOn(region.closedDates),
        motherTravelMinutes: (participantId, session) =>
          minutes(homes.get(participantId), positions.get(session.locationId), modeOf.get(participantId)),
      },
    );

    const byHand = await this.bookings.cancelledByHand(sessionIds);
    const isSettled = (need: CareNeed) => byHand.has(`${need.childId}|${need.sessionId}`);
    const needs = allNeeds.filter((need) => !isSettled(need));
    return {
      zone,
      settled: allNeeds.filter(isSettled),
      sessions: careSessions,
      sessionsById: new Map(careSessions.map((session) => [session.id, session])),
      stored: new Map(sessions.map((session) => [session.id, session])),
      providers: providerRows.map((provider) => ({
        id: provider.id,
        kind: provider.kind,
        locationId: provider.locationId ?? undefined,
        openingHours: provider.openingHours,
        places: [...provider.places].sort(
          (a, b) => a.minAgeMonths - b.minAgeMonths || a.maxAgeMonths - b.maxAgeMonths,
        ),
      })),
      needs,
      rules: {
        travelMinutes: (providerId, locationId) =>
          minutes(providerPositions.get(providerId), positions.get(locationId)),
        homeTravelMinutes: (providerId, participantId) =>
          homes.get(participantId)?.lat != null
            ? minutes(providerPositions.get(providerId), homes.get(participantId))
            : Infinity,
        maxTravelMinutes: MAX_CARE_TRAVEL_MINUTES,
        usualProvider: await this.bookings.usualProviders([...new Set(needs.map((need) => need.childId))]),
      },
    };
  }
}
