import { lessonTrips } from '../travel/lesson-trips';
import { sessionRolesOf } from '../staff/staff-roles';
import { Injectable } from '@nestjs/common';
import { closedOn } from '../../planning/time/holidays';
import { PlanningInput } from '../../planning/scheduling/model';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { Group } from '../programmes/group.entity';
import { Programme } from '../programmes/programme.entity';
import { programmeTotals } from '../programmes/programme-phase';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { Region } from '../regions/region.entity';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { travelModeOf } from '../../planning/travel/travel-mode';
import { TravelTimesService } from '../travel/travel-times.service';
import { lessonsByParticipant } from './lessons-by-participant';
import { PinnedSlotsService } from './pinned-slots.service';

export interface PlanningContext {
  input: PlanningInput;
  region: Region;
  programme: Programme;
  groups: Group[];
}

/** Loads a programme and everything around it from the modules that own it, as the plain input of the planner. */
@Injectable()
export class PlanningInputService {
  constructor(
    private readonly regions: RegionsScenarioService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly lessons: LanguageProvidersScenarioService,
    private readonly pinnedSlots: PinnedSlotsService,
    private readonly travel: TravelTimesService,
  ) {}

  async load(programmeId: string): Promise<PlanningContext> {
    const { programme, groups } = (await this.programmes.withGroups(programmeId))!;
    const region = await this.regions.exportRegion(programme.regionId);
    const memberIds = [...new Set(groups.flatMap((group) => group.members.map((member) => member.id)))];
    const participants = (await this.participants.exportParticipants(region.id)).filter((p) =>
      memberIds.includes(p.id),
    );
    const activeIds = participants.map((participant) => participant.id);
    const childrenOf = new Map<string, { birthDate: string; careByPartner: boolean }[]>();
    for (const child of await this.participants.exportChildren(region.id)) {
      const own = childrenOf.get(child.participantId) ?? [];
      own.push({ birthDate: child.birthDate, careByPartner: child.careByPartner });
      childrenOf.set(child.participantId, own);
    }
    const byRef = <T extends { id: string; ref?: string | null }>(records: T[]) =>
      [...records].sort((a, b) => (a.ref ?? a.id).localeCompare(b.ref ?? b.id));
    const lessons = await this.lessons.exportLessons(activeIds);
    const appointments = await this.participants.exportAppointments(activeIds);
    const plansOf = lessonsByParticipant(lessons, appointments);
    const pinned = await this.pinnedSlots.forGroups(groups.map((group) => group.id));
    const locations = await this.locations.exportLocations(region.id);
    // Between a lesson elsewhere and a session, both ways, by road and, for women who take the bus, by public
    // transport; from home to a session for the time away of a woman who goes by bus. From Google with a key.
    const byBus = new Set(
      participants.filter((p) => travelModeOf(p.transport) === 'transit').map((p) => p.id),
    );
    const busHomes = participants.flatMap((p) =>
      byBus.has(p.id) && p.position?.lat != null ? [p.position] : [],
    );
    const sessionPlaces = locations.map((location) => location.position);
    const travelMinutes = await this.travel.minutesLookup([
      ...lessonTrips(lessons, byBus, sessionPlaces),
      [busHomes, sessionPlaces, 'transit'],
    ]);
    const input: PlanningInput = {
      policy: region.policy,
      programme: {
        startDate: programme.startDate,
        sessionsPerGroup: programme.sessionsPerGroup,
        sessionsPerWeek: programme.sessionsPerWeek,
        intervalWeeks: programme.intervalWeeks,
        durationMinutes: programme.durationMinutes,
        ...(programme.phases.length > 0 && {
          ...programmeTotals(programme.phases),
          phases: programme.phases,
        }),
        avoidReligiousPeriods: programme.avoidReligiousPeriods,
        roles: programme.roles,
      },
      isClosed: closedOn(region.closedDates),
      locations: locations.map((location) => ({
        id: location.id,
        position: location.position,
        openingHours: location.openingHours,
        rooms: location.rooms,
      })),
      trainers: byRef(await this.staff.exportTrainers(region.id)).map(({ id, availability }) => ({
        id,
        availability,
      })),
      interpreters: byRef(await this.staff.exportInterpreters(region.id)).map(
        ({ id, availability, languages }) => ({
          id,
          availability,
          languages,
        }),
      ),
      staff: byRef(await this.staff.exportStaffMembers(region.id)).map(({ id, availability, roles }) => ({
        id,
        availability,
        roles: sessionRolesOf(roles),
      })),
      members: participants.map((participant) => ({
        id: participant.id,
        ...plansOf(participant.id),
        travelMode: travelModeOf(participant.transport),
        ...(participant.readyFrom && { readyFrom: participant.readyFrom }),
        needs: {
          home: participant.position?.lat != null ? participant.position : undefined,
          rides: participant.transport === 'pickup',
          children: childrenOf.get(participant.id) ?? [],
        },
      })),
      groups: byRef(groups).map((group) => ({
        id: group.id,
        ref: group.ref ?? group.id,
        locationId: group.locationId,
        memberIds: group.members.map((member) => member.id).filter((id) => activeIds.includes(id)),
        trainerIds: group.trainers.map((trainer) => trainer.id),
        interpreterLanguages: group.interpreterLanguages,
        pinned: pinned.get(group.id),
        startDate: group.startDate ?? undefined,
        after: group.afterGroupId ?? undefined,
        ...(group.rollingStartMinReady !== null && {
          rollingStart: { minReady: group.rollingStartMinReady },
        }),
      })),
      travelMinutes,
    };
    return { input, region, programme, groups };
  }
}
