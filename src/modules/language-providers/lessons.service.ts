import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { describeSkippedTime, skippedWeeklyTime } from '../../planning/time/skipped-times';
import { instantToLocalIso, weeklyOccurrences } from '../../planning/time/wall-clock';
import { ParticipantsService } from '../participants/participants.service';
import { RegionsService } from '../regions/regions.service';
import { LessonOccurrenceDto, MAX_OCCURRENCE_RANGE_DAYS } from './dto/lesson-occurrence.dto';
import { CreateLessonDto, LessonListQueryDto, UpdateLessonDto } from './dto/lesson.dto';
import { LanguageProvidersService } from './language-providers.service';
import { Lesson } from './lesson.entity';
import { asIsoDate } from './timetable/timetable';
import { RecordScope } from '../access/access-context';
import { participantScopeOf } from '../access/record-scopes';
import { emitInOrder } from '../../common/events/emit-in-order';

/** The participant comes along with every lesson: her region is the lesson's. */
const RELATIONS = { participant: true } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

@Injectable()
export class LessonsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventEmitter2,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
    private readonly providers: LanguageProvidersService,
  ) {}

  private get lessons() {
    return this.txHost.tx.getRepository(Lesson);
  }

  /** Where a lesson sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return participantScopeOf(this.lessons, id);
  }

  async list(query: LessonListQueryDto): Promise<Page<Lesson>> {
    const where: FindOptionsWhere<Lesson> = {};
    where.participant = await this.participants.reachableWhere(query.region);
    if (query.participant) {
      await this.participants.regionIdOf(query.participant, 'participant');
      where.participantId = query.participant;
    }
    if (query.provider) {
      await this.providers.requireExists(query.provider, 'provider');
      where.providerId = query.provider;
    }
    const [items, total] = await this.lessons.findAndCount({
      where,
      relations: RELATIONS,
      order: { participantId: 'ASC', weekday: 'ASC', from: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Lesson> {
    const lesson = await this.lessons.findOne({ where: { id }, relations: RELATIONS });
    if (!lesson) throw notFound('lesson', id);
    return lesson;
  }

  @Transactional()
  async create(dto: CreateLessonDto): Promise<Lesson> {
    const regionId = await this.participants.regionIdOf(dto.participantId);
    await this.providers.requireInRegion(dto.providerId, regionId);
    const lesson = this.lessons.create(dto);
    await this.requireExistingTimes(lesson, regionId);
    const { id } = await this.lessons.save(lesson);
    await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([dto.participantId]));
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateLessonDto): Promise<Lesson> {
    const lesson = await this.get(id);
    if (dto.providerId && dto.providerId !== lesson.providerId) {
      await this.providers.requireInRegion(dto.providerId, lesson.participant.regionId);
    }
    const changed = this.lessons.merge(lesson, dto);
    await this.requireExistingTimes(changed, lesson.participant.regionId);
    await this.lessons.save(changed);
    await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([lesson.participantId]));
    return this.get(id);
  }

  /**
   * Its times are wall-clock ones of her region, on every date of the series: a time the clocks skip on one of
   * them (a Sunday 02:30 on the last Sunday of March) would give a lesson that ends before it starts.
   */
  private async requireExistingTimes(lesson: Lesson, regionId: string): Promise<void> {
    const zone = (await this.regions.timezones([regionId])).get(regionId)!;
    const skipped = skippedWeeklyTime(
      lesson,
      { from: lesson.validFrom, to: lesson.validTo },
      zone,
      lesson.exceptDates?.map(asIsoDate),
    );
    if (skipped) throw new BadRequestException(describeSkippedTime(skipped, zone));
  }

  @Transactional()
  async remove(id: string): Promise<void> {
    const lesson = await this.get(id);
    await this.lessons.remove(lesson);
    await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([lesson.participantId]));
  }

  /**
   * Every lesson a participant has between two dates (inclusive), at the wall-clock times of her region:
   * a weekly 09:00 stays 09:00 local on both sides of a change to or from summer time.
   */
  async occurrences(
    participantId: string,
    range: { from: string; to: string },
  ): Promise<LessonOccurrenceDto[]> {
    if (daysBetween(range.from, range.to) > MAX_OCCURRENCE_RANGE_DAYS) {
      throw new BadRequestException(`to: must be at most ${MAX_OCCURRENCE_RANGE_DAYS} days after from`);
    }
    const participant = await this.participants.get(participantId);
    const { timezone } = await this.regions.get(participant.regionId);
    const lessons = await this.lessons.find({ where: { participantId }, order: { id: 'ASC' } });
    return lessons
      .flatMap((lesson) =>
        weeklyOccurrences(lesson, range, timezone, { from: lesson.validFrom, to: lesson.validTo }).map(
          (occurrence) => ({ lesson, occurrence }),
        ),
      )
      .sort(
        (a, b) =>
          a.occurrence.start.getTime() - b.occurrence.start.getTime() ||
          a.lesson.id.localeCompare(b.lesson.id),
      )
      .map(({ lesson, occurrence }) => ({
        lessonId: lesson.id,
        providerId: lesson.providerId,
        date: occurrence.date,
        start: instantToLocalIso(occurrence.start, timezone),
        end: instantToLocalIso(occurrence.end, timezone),
      }));
  }

  /** Her lesson series go when she is erased. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.lessons.delete({ participantId });
  }
}
