import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { And, In, LessThan, MoreThan } from 'typeorm';
import { Busy, PlacedTalk, TalkPlanningInput, TalkSession, TalkStaff } from '../../planning/talks/model';
import { addDays } from '../../planning/time/calendar';
import { closedOn } from '../../planning/time/holidays';
import { instantToLocal, localToInstant } from '../../planning/time/wall-clock';
import { Position } from '../../planning/travel/offline-travel';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { Location } from '../locations/location.entity';
import { Participant } from '../participants/participant.entity';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { TravelTimesService } from '../travel/travel-times.service';
import { lessonsByParticipant } from '../scheduling/lessons-by-participant';
import { TalkOccurrence } from './talk-occurrence.entity';
import { TalkSeries } from './talk-series.entity';

/** A stored talk with its series, as the planner sees it standing. */
export interface StandingTalk {
  occurrence: TalkOccurrence;
  series: TalkSeries;
  placed: PlacedTalk;
}

/** Everything the placement needs around some talks of a region, and the talks that stand in their dates. */
export interface TalkContext {
  zone: string;
  input: Omit<TalkPlanningInput, 'requests'>;
  standing: StandingTalk[];
  participants: Map<string, Participant>;
  locations: Map<string, Location>;
  staffNames: Map<string, string>;
}

const positionOf = (
  position: { lat: number | null; lon: number | null } | undefined,
): Position | undefined =>
  position && position.lat != null && position.lon != null
    ? { lat: position.lat, lon: position.lon }
    : undefined;

/** The people who must be at a series' talks: its staff members and its trainer. */
export const staffOf = (series: TalkSeries): string[] => [
  ...series.staffMemberIds,
  ...(series.trainerId ? [series.trainerId] : []),
];

/**
 * Loads, from the modules that own them, what keeps the people of some talks busy between two local dates: her
 * lessons, appointments and sessions, the staff's availability and sessions, and the talks already planned then.
 */
@Injectable()
export class TalkPlanningService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly lessons: LanguageProvidersScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly travel: TravelTimesService,
  ) {}

  async context(regionId: string, from: string, to: string, participantIds: string[]): Promise<TalkContext> {
    const region = await this.regions.exportRegion(regionId);
    const zone = region.timezone;
    const start = localToInstant(addDays(from, -1), '00:00', zone);
    const end = localToInstant(addDays(to, 2), '00:00', zone);
    const locations = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l]));
    const people = new Map((await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]));

    const rows = await this.txHost.tx.getRepository(TalkOccurrence).find({
      where: { regionId, status: 'planned', start: And(MoreThan(start), LessThan(end)) },
      relations: { series: true },
      order: { start: 'ASC', id: 'ASC' },
    });
    const standing: StandingTalk[] = rows.map((occurrence) => {
      const { series } = occurrence;
      const home =
        series.place === 'home' ? positionOf(people.get(series.participantId)?.position) : undefined;
      return {
        occurrence,
        series,
        placed: {
          key: occurrence.id,
          participantId: occurrence.participantId,
          staffIds: staffOf(series),
          date: instantToLocal(occurrence.start!, zone).date,
          start: occurrence.start!,
          end: occurrence.end!,
          position: occurrence.locationId ? locations.get(occurrence.locationId)?.position : home,
          locationId: occurrence.locationId ?? undefined,
          sessionId: occurrence.sessionId ?? undefined,
        },
      };
    });

    const everyone = [...new Set([...participantIds, ...standing.map((talk) => talk.placed.participantId)])];
    const sessions = (await this.sessions.inRange(regionId, start, end)).filter(
      (s) => s.status === 'planned',
    );
    const members = await this.groups.membersOf([...new Set(sessions.map((session) => session.groupId))]);
    const sessionsOf = new Map<string, TalkSession[]>(everyone.map((id) => [id, []]));
    for (const session of sessions) {
      for (const participantId of members.get(session.groupId) ?? []) {
        sessionsOf.get(participantId)?.push({
          id: session.id,
          start: session.start,
          end: session.end,
          locationId: session.locationId,
        });
      }
    }
    const lessons = await this.lessons.exportLessons(everyone);
    const appointments = await this.participants.exportAppointments(everyone);
    const plansOf = lessonsByParticipant(lessons, appointments);

    const busyOf = new Map<string, Busy[]>();
    const addBusy = (id: string, busy: Busy) => busyOf.set(id, [...(busyOf.get(id) ?? []), busy]);
    for (const session of sessions) {
      const position = locations.get(session.locationId)?.position;
      const at = { start: session.start, end: session.end, position };
      if (session.trainerId) addBusy(session.trainerId, { ...at, what: 'sessions of a trainer' });
      for (const holder of session.roles) {
        addBusy(holder.staffMemberId, { ...at, what: 'sessions of a staff member' });
      }
    }
    const staffNames = new Map<string, string>();
    const staff: TalkStaff[] = [
      ...(await this.staff.exportTrainers(regionId)),
      ...(await this.staff.exportStaffMembers(regionId)),
    ].map((person) => {
      staffNames.set(person.id, person.name);
      return {
        id: person.id,
        name: person.name,
        availability: person.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
        busy: (busyOf.get(person.id) ?? []).map((busy) => ({
          ...busy,
          what: busy.what.replace('a trainer', person.name).replace('a staff member', person.name),
        })),
      };
    });

    const participants = everyone.map((id) => ({
      id,
      home: positionOf(people.get(id)?.position),
      ...plansOf(id),
      sessions: sessionsOf.get(id) ?? [],
    }));
    const places = [
      ...[...locations.values()].map((location) => location.position),
      ...participants.flatMap((her) => [
        ...(her.home ? [her.home] : []),
        ...her.lessons.map((lesson) => lesson.position),
      ]),
    ];
    const travelMinutes = await this.travel.minutesLookup([[places, places]]);
    return {
      zone,
      input: {
        zone,
        policy: region.policy,
        isClosed: closedOn(region.closedDates),
        participants,
        staff,
        locations: [...locations.values()].map(({ id, position }) => ({ id, position })),
        standing: standing.map((talk) => talk.placed),
        travelMinutes,
      },
      standing,
      participants: people,
      locations,
      staffNames,
    };
  }

  /** The talks of these series, in order. */
  occurrencesOf(seriesIds: string[]): Promise<TalkOccurrence[]> {
    if (seriesIds.length === 0) return Promise.resolve([]);
    return this.txHost.tx.getRepository(TalkOccurrence).find({
      where: { seriesId: In(seriesIds) },
      order: { seriesId: 'ASC', number: 'ASC' },
    });
  }
}
