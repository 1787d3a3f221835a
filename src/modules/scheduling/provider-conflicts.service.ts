import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { dutchCsv } from '../../common/api/dutch-csv';
import { DateTime } from 'luxon';
import { lessonMoves } from '../../planning/scheduling/lesson-moves';
import { instantToLocal } from '../../planning/time/wall-clock';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LanguageProvidersService } from '../language-providers/language-providers.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { ConflictsService } from './conflicts.service';
import {
  BestMoveDto,
  ConflictingLessonDto,
  ConflictingSessionDto,
  ProviderConflictParticipantDto,
  ProviderConflictsDto,
} from './dto/provider-conflicts.dto';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a coordinator sends a taalaanbieder: per participant, her lessons there that clash with planned sessions,
 * and the single lesson moves that would let the most women attend.
 */
@Injectable()
export class ProviderConflictsService {
  constructor(
    private readonly providers: LanguageProvidersService,
    private readonly providerRecords: LanguageProvidersScenarioService,
    private readonly regions: RegionsService,
    private readonly sessions: SessionsService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly conflicts: ConflictsService,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
  ) {}

  /**
   * The conflicts of planned sessions on the local dates from…to (inclusive; default all) with this provider's
   * lessons. Only participants the caller reaches, never erased ones; each one listed is written to the audit
   * log in the same transaction.
   */
  @Transactional()
  async report(providerId: string, from?: string, to?: string): Promise<ProviderConflictsDto> {
    const provider = await this.providers.get(providerId);
    const { id: regionId, timezone: zone } = await this.regions.get(provider.regionId);
    const start = from ? DateTime.fromISO(from, { zone }).toJSDate() : new Date(0);
    const end = to ? DateTime.fromISO(to, { zone }).plus({ days: 1 }).toJSDate() : new Date(8.64e15);
    const sessions = (await this.sessions.inRange(regionId, start, end)).filter(
      (session) => session.status === 'planned',
    );
    const sessionsById = new Map(sessions.map((session) => [session.id, session]));

    // Erased participants are not exported; those of municipalities out of the caller's reach are left out.
    const people = new Map(
      (await this.participants.exportParticipants(regionId))
        .filter((participant) => this.access.reaches(participant))
        .map((participant) => [participant.id, participant]),
    );
    const listed = (
      await this.conflicts.forProvider(
        providerId,
        sessions.map((session) => session.id),
      )
    ).filter((conflict) => people.has(conflict.participantId) && conflict.lessonId);
    const participantIds = [...new Set(listed.map((conflict) => conflict.participantId))];
    const lessons = new Map(
      (await this.providerRecords.exportLessons(participantIds)).map((lesson) => [lesson.id, lesson]),
    );
    const groupNames = new Map(
      (await this.programmes.groupsOfRegion(regionId)).map((group) => [group.id, group.name]),
    );

    const byParticipant = new Map<string, Map<string, ConflictingSessionDto[]>>();
    for (const conflict of listed) {
      const session = sessionsById.get(conflict.sessionId)!;
      const begins = instantToLocal(session.start, zone);
      const perLesson =
        byParticipant.get(conflict.participantId) ?? new Map<string, ConflictingSessionDto[]>();
      byParticipant.set(conflict.participantId, perLesson);
      const lessonId = conflict.lessonId!;
      perLesson.set(lessonId, [
        ...(perLesson.get(lessonId) ?? []),
        {
          sessionId: session.id,
          groupName: groupNames.get(session.groupId) ?? '',
          date: begins.date,
          start: begins.time,
          end: instantToLocal(session.end, zone).time,
          kind: conflict.kind as 'overlap' | 'travel',
          overlapMinutes: conflict.overlapMinutes,
        },
      ]);
    }

    const participants = [...byParticipant]
      .map(([participantId, perLesson]): ProviderConflictParticipantDto => {
        const { ref, name } = people.get(participantId)!;
        return {
          participantId,
          ref,
          name,
          lessons: [...perLesson]
            .map(([lessonId, lessonSessions]): ConflictingLessonDto => {
              const lesson = lessons.get(lessonId)!;
              return {
                lessonId,
                weekday: lesson.weekday,
                from: lesson.from,
                to: lesson.to,
                validFrom: lesson.validFrom,
                validTo: lesson.validTo,
                sessions: lessonSessions.sort(
                  (a, b) =>
                    byText(a.date, b.date) || byText(a.start, b.start) || byText(a.sessionId, b.sessionId),
                ),
              };
            })
            .sort(
              (a, b) =>
                a.weekday - b.weekday ||
                byText(a.from, b.from) ||
                byText(a.validFrom, b.validFrom) ||
                byText(a.lessonId, b.lessonId),
            ),
        };
      })
      .sort(
        (a, b) =>
          byText(a.name, b.name) ||
          byText(a.ref ?? '', b.ref ?? '') ||
          byText(a.participantId, b.participantId),
      );

    const bestMoves = await this.bestMoves(listed, participants, lessons);
    const dates = sessions.map((session) => instantToLocal(session.start, zone).date);
    await this.audit.record(
      'read',
      participantIds.map((id) => ({ recordType: 'participant', recordId: id, participantId: id, regionId })),
    );
    return {
      provider: { id: provider.id, name: provider.name, email: provider.email },
      from: from ?? dates[0] ?? null,
      to: to ?? dates.at(-1) ?? null,
      participants,
      bestMoves,
      newSinceLastPlan: listed.filter((conflict) => conflict.isNew).length,
    };
  }

  /**
   * Every cause that keeps a listed participant from a session where a lesson here is in the way (also
   * appointments and lessons at other providers), so that a move only counts the sessions it really frees.
   */
  private async bestMoves(
    listed: { participantId: string; sessionId: string }[],
    participants: ProviderConflictParticipantDto[],
    lessons: Map<string, { weekday: number; from: string; to: string }>,
  ): Promise<BestMoveDto[]> {
    const memberSessions = new Set(
      listed.map((conflict) => `${conflict.participantId}|${conflict.sessionId}`),
    );
    const causes = (
      await this.conflicts.forSessions([...new Set(listed.map((conflict) => conflict.sessionId))])
    )
      .filter((conflict) => memberSessions.has(`${conflict.participantId}|${conflict.sessionId}`))
      .map(({ participantId, sessionId, lessonId }) => ({ participantId, sessionId, lessonId }));
    const here = new Set(
      participants.flatMap((participant) => participant.lessons.map((lesson) => lesson.lessonId)),
    );
    const people = new Map(participants.map((participant) => [participant.participantId, participant]));
    return lessonMoves(causes, (lessonId) => here.has(lessonId))
      .filter((move) => move.attendable > 0)
      .map(({ lessonId, participantId, attendable, conflicting }) => {
        const { ref, name } = people.get(participantId)!;
        const { weekday, from, to } = lessons.get(lessonId)!;
        return { lessonId, participantId, ref, name, weekday, from, to, attendable, conflicting };
      });
  }
}

/**
 * One row per participant, lesson and session date. Separated by `;` with a UTF-8 byte order mark and CRLF:
 * Excel with Dutch settings splits columns on `;` (a comma is the decimal sign there) and reads names with
 * accents right only with the mark. Cells that start like a formula are escaped, so that a name cannot run one.
 */
export function providerConflictsCsv(report: ProviderConflictsDto): string {
  const rows = report.participants.flatMap((participant) =>
    participant.lessons.flatMap((lesson) =>
      lesson.sessions.map((session) => [
        participant.ref ?? '',
        participant.name,
        lesson.weekday,
        lesson.from,
        lesson.to,
        session.date,
        session.start,
        session.end,
        session.kind,
        session.overlapMinutes,
      ]),
    ),
  );
  return dutchCsv(rows, [
    'participantRef',
    'name',
    'weekday',
    'lessonFrom',
    'lessonTo',
    'sessionDate',
    'sessionStart',
    'sessionEnd',
    'kind',
    'overlapMinutes',
  ]);
}
