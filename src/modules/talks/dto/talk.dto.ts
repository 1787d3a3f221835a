import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { IsCalendarDate, IsRef } from '../../../common/validation/decorators';
import { COACH_ROLES, TALK_FREQUENCIES, TALK_PLACES, TALK_ROLES } from '../../../planning/talks/model';
import type { CoachRole, TalkFrequency, TalkPlaceKind, TalkRole } from '../../../planning/talks/model';
import { instantToLocalIso } from '../../../planning/time/wall-clock';
import { TalkOccurrence } from '../talk-occurrence.entity';
import { TalkSeries } from '../talk-series.entity';

const oneOf = (values: readonly string[]) => ({ message: `$property must be one of ${values.join(', ')}` });

export class CreateTalkSeriesDto {
  @IsRef()
  ref?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'the programme she takes part in: its start counts the weeks and months',
  })
  @IsUUID()
  programmeId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'the staff member she talks with (jobcoach, coach, language buddy)',
  })
  @IsUUID()
  coachId: string;

  @ApiPropertyOptional({
    enum: COACH_ROLES,
    description: "the coach's role in these talks; default her first of these",
  })
  @IsOptional()
  @IsIn(COACH_ROLES, oneOf(COACH_ROLES))
  role?: CoachRole;

  @ApiProperty({ enum: TALK_FREQUENCIES })
  @IsIn(TALK_FREQUENCIES, oneOf(TALK_FREQUENCIES))
  frequency: TalkFrequency;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'from week N of the programme (week 1 starts on its start date)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(520)
  fromWeek?: number;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'from month N of the programme (month 3: two months after its start)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  fromMonth?: number;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'from this date' })
  fromDate?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'until this date; default: the day of her last session' })
  until?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'at most this many talks' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  count?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 480, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(480)
  durationMinutes?: number;

  @ApiProperty({
    enum: TALK_PLACES,
    description:
      'home: at her home; office: at `locationId`; online; location: at her group’s location (or `locationId`), ' +
      'right before or after one of her sessions where it can',
  })
  @IsIn(TALK_PLACES, oneOf(TALK_PLACES))
  place: TalkPlaceKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the office; for `location`, another location than her group’s',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    enum: ['before', 'after'],
    description: 'for `location`: only before, or only after',
  })
  @IsOptional()
  @IsIn(['before', 'after'], oneOf(['before', 'after']))
  side?: 'before' | 'after';
}

export class ClosingTalksDto {
  @ApiProperty({
    enum: TALK_ROLES,
    isArray: true,
    example: ['jobcoach', 'case-manager'],
    description:
      'who must be there besides her and her trainer: her own coach in that role, else the first staff member with it',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(TALK_ROLES.length)
  @IsIn(TALK_ROLES, { each: true, message: `$property must hold roles of ${TALK_ROLES.join(', ')}` })
  roles: TalkRole[];

  @ApiPropertyOptional({ minimum: 10, maximum: 480, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: TALK_PLACES, default: 'location' })
  @IsOptional()
  @IsIn(TALK_PLACES, oneOf(TALK_PLACES))
  place?: TalkPlaceKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'the office, for `office`' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}

export class TalkListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  participant?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a staff member or trainer who must be there' })
  @IsOptional()
  @IsUUID()
  coach?: string;
}

export class TalkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['planned', 'unplaced'] }) status: string;
  @ApiProperty({ format: 'date' }) windowFrom: string;
  @ApiProperty({ format: 'date' }) windowTo: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-03-11T09:30:00+01:00' }) start: string | null;
  @ApiProperty({ nullable: true, type: String }) end: string | null;
  @ApiProperty({ nullable: true, type: String }) locationId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the session it sits beside' }) sessionId:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why no time was free' }) reason: string | null;

  static from(talk: TalkOccurrence, zone: string): TalkDto {
    return {
      id: talk.id,
      number: talk.number,
      status: talk.status,
      windowFrom: talk.windowFrom,
      windowTo: talk.windowTo,
      start: talk.start && instantToLocalIso(talk.start, zone),
      end: talk.end && instantToLocalIso(talk.end, zone),
      locationId: talk.locationId,
      sessionId: talk.sessionId,
      reason: talk.reason,
    };
  }
}

export class TalkSeriesDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ enum: ['coaching', 'closing'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ nullable: true, enum: TALK_ROLES }) role: string | null;
  @ApiProperty({ type: [String], description: 'the staff members who must be there' })
  staffMemberIds: string[];
  @ApiProperty({ nullable: true, type: String }) trainerId: string | null;
  @ApiProperty({ enum: TALK_FREQUENCIES }) frequency: string;
  @ApiProperty({ format: 'date' }) firstDate: string;
  @ApiProperty({ format: 'date' }) lastDate: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: TALK_PLACES }) place: string;
  @ApiProperty({ nullable: true, type: String }) locationId: string | null;
  @ApiProperty({ nullable: true, type: String }) side: string | null;
  @ApiProperty({ type: [TalkDto] }) talks: TalkDto[];

  static from(series: TalkSeries, talks: TalkOccurrence[], zone: string): TalkSeriesDto {
    return {
      id: series.id,
      ref: series.ref,
      kind: series.kind,
      participantId: series.participantId,
      programmeId: series.programmeId,
      role: series.role,
      staffMemberIds: [...series.staffMemberIds],
      trainerId: series.trainerId,
      frequency: series.frequency,
      firstDate: series.firstDate,
      lastDate: series.lastDate,
      durationMinutes: series.durationMinutes,
      place: series.place,
      locationId: series.locationId,
      side: series.side,
      talks: [...talks].sort((a, b) => a.number - b.number).map((talk) => TalkDto.from(talk, zone)),
    };
  }
}

export class TalkSeriesPageDto {
  @ApiProperty({ type: [TalkSeriesDto] }) items: TalkSeriesDto[];
  @ApiProperty() total: number;
}

export class ClosingTalksResultDto {
  @ApiProperty({ type: [TalkSeriesDto], description: 'one closing talk per member' }) series: TalkSeriesDto[];
  @ApiProperty({ description: 'closing talks no time was free for (see each talk’s reason)' })
  unplaced: number;
  @ApiProperty({
    type: [Object],
    description: 'members without a closing talk and why: `{participantId, reason}`',
  })
  skipped: { participantId: string; reason: string }[];
}
