import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsAfterField, IsCalendarDate } from '../../../common/validation/decorators';

export const PROVIDER_CONFLICT_FORMATS = ['json', 'csv', 'letter'] as const;
export type ProviderConflictFormat = (typeof PROVIDER_CONFLICT_FORMATS)[number];

export class ProviderConflictsQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'first local date of the sessions (default: the first)' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'last local date, inclusive (default: the last session)' })
  @IsAfterField('from', { orEqual: true })
  to?: string;

  @ApiPropertyOptional({
    enum: PROVIDER_CONFLICT_FORMATS,
    description:
      'json (default), csv (`;`-separated, UTF-8 with BOM, for Excel) or letter (plain Dutch text for the ' +
      "provider's planning desk). Without it, an Accept of text/csv or text/plain chooses csv or letter.",
  })
  @IsOptional()
  @IsIn(PROVIDER_CONFLICT_FORMATS, { message: '$property must be one of json, csv, letter' })
  format?: ProviderConflictFormat;
}

export class ProviderSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

export class ConflictingSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ example: '2027-01-11', description: 'local date' }) date: string;
  @ApiProperty({ example: '09:30' }) start: string;
  @ApiProperty({ example: '12:30' }) end: string;
  @ApiProperty({ enum: ['overlap', 'travel'] }) kind: 'overlap' | 'travel';
  @ApiProperty({ description: 'minutes the lesson and the session overlap (0 for travel)' })
  overlapMinutes: number;
}

export class ConflictingLessonDto {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @ApiProperty({ example: '09:00' }) from: string;
  @ApiProperty({ example: '12:00' }) to: string;
  @ApiProperty({ example: '2026-09-01' }) validFrom: string;
  @ApiProperty({ example: '2027-07-01' }) validTo: string;
  @ApiProperty({ type: [ConflictingSessionDto] }) sessions: ConflictingSessionDto[];
}

export class ProviderConflictParticipantDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ConflictingLessonDto] }) lessons: ConflictingLessonDto[];
}

export class BestMoveDto {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @ApiProperty({ example: '09:00' }) from: string;
  @ApiProperty({ example: '12:00' }) to: string;
  @ApiProperty({
    description:
      'sessions she could attend if this lesson alone moved (no other lesson or appointment in the way)',
  })
  attendable: number;
  @ApiProperty({ description: 'sessions this lesson is in the way of, alone or with other causes' })
  conflicting: number;
}

export class ProviderConflictsDto {
  @ApiProperty({ type: ProviderSummaryDto }) provider: ProviderSummaryDto;
  @ApiProperty({ nullable: true, type: String, description: 'as asked, or the first session date' })
  from: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'as asked, or the last session date' })
  to: string | null;
  @ApiProperty({ type: [ProviderConflictParticipantDto] }) participants: ProviderConflictParticipantDto[];
  @ApiProperty({
    type: [BestMoveDto],
    description: 'single lesson moves that let her attend sessions, the ones that free most sessions first',
  })
  bestMoves: BestMoveDto[];
  @ApiProperty({ description: 'conflicts listed here that were found after the programme was last planned' })
  newSinceLastPlan: number;
}
