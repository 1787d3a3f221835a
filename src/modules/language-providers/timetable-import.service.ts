import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DeepPartial, In } from 'typeorm';
import { MAX_PAGE_SIZE } from '../../common/api/page';
import { syncOwnedRows } from '../../common/database/bulk-writes';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { notFound } from '../../common/errors/not-found';
import { AuditService } from '../audit/audit.service';
import { ParticipantListQueryDto } from '../participants/dto/participant.dto';
import { ParticipantsService } from '../participants/participants.service';
import { RegionsService } from '../regions/regions.service';
import { describeSkippedTime, skippedWeeklyTime } from '../../planning/time/skipped-times';
import { TimetableImportSummaryDto } from './dto/timetable-import.dto';
import { LanguageProvider } from './language-provider.entity';
import { Lesson } from './lesson.entity';
import { parseCsvTimetable } from './timetable/csv-timetable';
import { parseIcalTimetable } from './timetable/ical-timetable';
import {
  describeProblem,
  KnownParticipant,
  lessonKey,
  ParticipantDirectory,
  planLessonChanges,
  TimetableProblem,
  TimetableRow,
} from './timetable/timetable';
import { emitInOrder } from '../../common/events/emit-in-order';

export type TimetableFormat = 'csv' | 'ical';

/** The file's own names for the start and end of a lesson. */
const TIME_FIELDS: Record<TimetableFormat, Record<'from' | 'to', string>> = {
  csv: { from: 'from', to: 'to' },
  ical: { from: 'DTSTART', to: 'DTEND' },
};

/** Every series with a time that the region's clocks skip on one of its dates: such a lesson would end before it starts. */
function skippedTimes(rows: TimetableRow[], zone: string, format: TimetableFormat): TimetableProblem[] {
  return rows.flatMap((row) => {
    const skipped = skippedWeeklyTime(row, { from: row.validFrom, to: row.validTo }, zone, row.exceptDates);
    return skipped
      ? [{ line: row.line, message: describeSkippedTime(skipped, zone, TIME_FIELDS[format][skipped.field]) }]
      : [];
  });
}

/**
 * Imports a taalaanbieder's timetable: for every participant the file names, her lessons at this provider
 * become exactly the file's, in one transaction; her lessons elsewhere and everybody else's stay as they are.
 */
@Injectable()
export class TimetableImportService {
  private readonly logger = new Logger(TimetableImportService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  @Transactional()
  async importTimetable(
    providerId: string,
    file: { format: TimetableFormat; text: string },
    dryRun: boolean,
  ): Promise<TimetableImportSummaryDto> {
    // Two imports for one provider take turns: each compares the file with what the one before it stored.
    const provider = await this.txHost.tx
      .getRepository(LanguageProvider)
      .findOne({ where: { id: providerId }, lock: { mode: 'pessimistic_write' } });
    if (!provider) throw notFound('language provider', providerId);
    const { timezone } = await this.regions.get(provider.regionId);
    const directory = new ParticipantDirectory(await this.reachableParticipants(provider.regionId));

    const parsed =
      file.format === 'csv'
        ? parseCsvTimetable(file.text, directory)
        : parseIcalTimetable(file.text, { participants: directory, timezone });
    parsed.problems.push(...skippedTimes(parsed.rows, timezone, file.format));
    if (parsed.problems.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: parsed.problems.map(describeProblem),
      });
    }

    const participantIds = [...new Set(parsed.rows.map((row) => row.participantId))];
    const lessons = this.txHost.tx.getRepository(Lesson);
    const existing =
      participantIds.length > 0 ? await lessons.findBy({ participantId: In(participantIds) }) : [];
    const atProvider = existing.filter((lesson) => lesson.providerId === providerId);
    const desired = parsed.rows.map(({ line: _line, ...row }) => ({ ...row, providerId }));
    const plan = planLessonChanges(atProvider, desired);

    let changes = { created: plan.added.length, deleted: plan.deleted.length };
    if (!dryRun) {
      // syncOwnedRows makes ALL of a participant's lessons the desired ones: her lessons at other providers are
      // passed along as they are, so that they match themselves and stay.
      const elsewhere = existing.filter((lesson) => lesson.providerId !== providerId);
      changes = await syncOwnedRows(
        lessons,
        'participantId',
        participantIds,
        [...desired, ...elsewhere] as DeepPartial<Lesson>[],
        lessonKey,
      );
      const changed = new Set([...plan.added, ...plan.deleted].map((lesson) => lesson.participantId));
      // Planned sessions may have new conflicts now: found again within this transaction.
      if (changed.size > 0)
        await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([...changed]));
    }
    await this.recordAudit(provider, participantIds, atProvider, dryRun);

    const summary: TimetableImportSummaryDto = {
      participants: participantIds.length,
      lessons: {
        created: changes.created,
        deleted: changes.deleted,
        unchanged: desired.length - changes.created,
      },
      skipped: parsed.skipped,
      dryRun,
    };
    this.logger.log(
      {
        providerId,
        format: file.format,
        participants: summary.participants,
        ...summary.lessons,
        skipped: summary.skipped.length,
        dryRun,
      },
      'timetable imported',
    );
    return summary;
  }

  /**
   * The participants of the region the caller may reach, as a file may name them: one out of reach (another
   * municipality of a coordinator limited to some) is as unknown as one that does not exist.
   */
  private async reachableParticipants(regionId: string): Promise<KnownParticipant[]> {
    const found: KnownParticipant[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.participants.list(
        Object.assign(new ParticipantListQueryDto(), { region: regionId, limit: MAX_PAGE_SIZE, offset }),
      );
      found.push(...page.items.map(({ id, ref, email }) => ({ id, ref, email })));
      if (page.items.length < MAX_PAGE_SIZE) return found;
    }
  }

  /** A dry run read the stored lessons it compared; an import changed these and the ones it stored. */
  private async recordAudit(
    provider: LanguageProvider,
    participantIds: string[],
    before: Lesson[],
    dryRun: boolean,
  ): Promise<void> {
    let touched = before;
    if (!dryRun && participantIds.length > 0) {
      const after = await this.txHost.tx.getRepository(Lesson).find({
        where: { participantId: In(participantIds), providerId: provider.id },
        select: { id: true, participantId: true },
      });
      const kept = new Set(after.map((lesson) => lesson.id));
      touched = [...after, ...before.filter((lesson) => !kept.has(lesson.id))];
    }
    await this.audit.record(
      dryRun ? 'read' : 'import',
      touched.map((lesson) => ({
        recordType: 'lesson',
        recordId: lesson.id,
        participantId: lesson.participantId,
        regionId: provider.regionId,
      })),
    );
  }
}
