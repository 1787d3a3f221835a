import { lessonTrips } from '../travel/lesson-trips';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { SESSIONS_CHANGED, SessionsChanged } from '../../common/events/sessions-changed.event';
import { conflictsOf } from '../../planning/scheduling/attendance';
import { readyOn } from '../../planning/scheduling/rolling-start';
import { instantToLocal, localToInstant } from '../../planning/time/wall-clock';
import { travelModeOf } from '../../planning/travel/travel-mode';
import { toMinutes, toTimeOfDay } from '../../planning/time/calendar';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { TravelTimesService } from '../travel/travel-times.service';
import { ConflictsService } from './conflicts.service';
import { lessonsByParticipant } from './lessons-by-participant';

/**
 * Keeps the conflicts of planned sessions true when a lesson, an appointment or a group's members change after
 * planning: conflicts that no longer exist are removed, and new ones are added flagged `isNew`, for the
 * coordinator and the provider's list. Nothing is re-planned.
 */
@Injectable()
export class ConflictDetectionService {
  constructor(
    private readonly groups: GroupsService,
    private readonly sessions: SessionsService,
    private readonly conflicts: ConflictsService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly lessons: LanguageProvidersScenarioService,
    private readonly travel: TravelTimesService,
  ) {}

  @OnEvent(SCHEDULE_CHANGED, { promisify: true, suppressErrors: false })
  async onScheduleChanged(event: ScheduleChanged): Promise<void> {
    await this.redetect(event.participantIds, new Date());
  }

  /**
   * A session moved by hand: its members' conflicts are found again (a re-planned programme has its own). First
   * of the listeners: childcare and rides need to know who can come.
   */
  @OnEvent(SESSIONS_CHANGED, { promisify: true, suppressErrors: false, prependListener: true })
  async onSessionsChanged(event: SessionsChanged): Promise<void> {
    if (event.programmeId) return;
    const sessions = await this.sessions.getMany(event.sessionIds);
    const members = await this.groups.membersOf(sessions.map((session) => session.groupId));
    await this.redetect([...new Set([...members.values()].flat())], event.now);
  }

  /** Finds again the conflicts of these participants in their planned sessions from `now` on. */
  async redetect(participantIds: string[], now: Date): Promise<{ added: number; removed: number }> {
    if (participantIds.length === 0) return { added: 0, removed: 0 };
    const groupsOf = await this.groups.groupIdsOf(participantIds);
    const groupIds = [...new Set([...groupsOf.values()].flat())];
    const sessions = await this.sessions.plannedFrom(groupIds, now);
    const existing = await this.conflicts.forParticipantsFrom(participantIds, now);
    const wanted = [];
    if (sessions.length > 0) {
      const region = await this.regions.exportRegion(sessions[0].regionId);
      const zone = region.timezone;
      const positions = new Map(
        (await this.locations.exportLocations(region.id)).map((l) => [l.id, l.position]),
      );
      const lessons = await this.lessons.exportLessons(participantIds);
      const appointments = await this.participants.exportAppointments(participantIds);
      const concerned = await this.participants.participantsOf(region.id, participantIds);
      const modeOf = new Map(concerned.map((p) => [p.id, travelModeOf(p.transport)]));
      const readyFromOf = new Map(concerned.map((p) => [p.id, p.readyFrom ?? undefined]));
      const byBus = new Set(concerned.filter((p) => modeOf.get(p.id) === 'transit').map((p) => p.id));
      const rules = {
        travelBufferMinutes: region.policy.travelBufferMinutes,
        travelMinutes: await this.travel.minutesLookup(lessonTrips(lessons, byBus, [...positions.values()])),
      };
      const schedulesOf = lessonsByParticipant(lessons, appointments);
      for (const participantId of participantIds) {
        const member = {
          id: participantId,
          travelMode: modeOf.get(participantId),
          readyFrom: readyFromOf.get(participantId),
          ...schedulesOf(participantId),
        };
        const ownGroups = groupsOf.get(participantId) ?? [];
        for (const session of sessions.filter((candidate) => ownGroups.includes(candidate.groupId))) {
          const start = instantToLocal(session.start, zone);
          const end = instantToLocal(session.end, zone);
          const moment = {
            date: start.date,
            weekday: start.weekday,
            start: toMinutes(start.time),
            end: toMinutes(end.time),
            position: positions.get(session.locationId)!,
          };
          // A session before she is ready is not hers: nothing can keep her from it.
          if (!readyOn(member, moment.date)) continue;
          for (const conflict of conflictsOf(member, moment, rules)) {
            wanted.push({
              sessionId: session.id,
              participantId,
              lessonId: conflict.lessonId ?? null,
              providerId: conflict.providerId ?? null,
              appointmentId: conflict.appointmentId ?? null,
              kind: conflict.kind,
              overlapMinutes: conflict.overlapMinutes,
              causeStart: localToInstant(conflict.date, toTimeOfDay(conflict.causeFrom), zone),
              causeEnd: localToInstant(conflict.date, toTimeOfDay(conflict.causeTo), zone),
            });
          }
        }
      }
    }
    const key = (c: {
      sessionId: string;
      participantId: string;
      lessonId: string | null;
      appointmentId: string | null;
      kind: string;
    }) => [c.sessionId, c.participantId, c.lessonId, c.appointmentId, c.kind].join('|');
    const wantedKeys = new Set(wanted.map(key));
    const existingKeys = new Set(existing.map(key));
    const stale = existing.filter((conflict) => !wantedKeys.has(key(conflict)));
    const added = wanted
      .filter((conflict) => !existingKeys.has(key(conflict)))
      .map((conflict) => ({ ...conflict, isNew: true }));
    await this.conflicts.remove(stale.map((conflict) => conflict.id));
    await this.conflicts.add(added);
    return { added: added.length, removed: stale.length };
  }
}
