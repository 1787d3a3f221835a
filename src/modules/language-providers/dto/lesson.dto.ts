import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ParticipantRecordsQueryDto } from '../../participants/dto/appointment.dto';
import { IsObject, IsOptional, IsUUID } from 'class-validator';

import {
  IsAfterField,
  IsCalendarDate,
  IsNested,
  IsTimeOfDay,
  IsWeekday,
  PositionDto,
} from '../../../common/validation/decorators';
import { Lesson } from '../lesson.entity';

export class CreateLessonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({ format: 'uuid', description: "a language provider in the participant's region" })
  @IsUUID()
  providerId: string;

  @IsWeekday()
  weekday: number;

  @IsTimeOfDay({ example: '09:00', description: "wall-clock time in the region's time zone" })
  from: string;

  @IsTimeOfDay({ example: '11:30' })
  @IsAfterField('from')
  to: string;

  @ApiProperty({ type: PositionDto, description: 'where the lesson is given' })
  @IsObject({ message: '$property must be an object { lat, lon }' })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @IsCalendarDate({ example: '2027-01-04', description: 'the first day the series holds' })
  validFrom: string;

  @IsCalendarDate({ example: '2027-07-09', description: 'the last day the series holds (inclusive)' })
  @IsAfterField('validFrom', { orEqual: true })
  validTo: string;
}

/**
 * A series stays with its participant; the cross-field rules also hold against the stored values.
 * Null is refused (skipNullProperties: false): every field is required.
 */
export class UpdateLessonDto extends PartialType(OmitType(CreateLessonDto, ['participantId'] as const), {
  skipNullProperties: false,
}) {}

/** Lessons have no scenario id: they are narrowed by region (through the participant), participant or provider. */
export class LessonListQueryDto extends ParticipantRecordsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "the language provider's id" })
  @IsOptional()
  @IsUUID()
  provider?: string;
}

export class LessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: "the participant's region" }) regionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  weekday: number;
  @ApiProperty({ example: '09:00' }) from: string;
  @ApiProperty({ example: '11:30' }) to: string;
  @ApiProperty({ type: PositionDto }) position: PositionDto;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validTo: string;

  /** Expects the participant to be loaded, for the region. */
  static from(lesson: Lesson): LessonDto {
    const { id, participant, participantId, providerId, weekday, from, to, position, validFrom, validTo } =
      lesson;
    return {
      id,
      regionId: participant.regionId,
      participantId,
      providerId,
      weekday,
      from,
      to,
      position: { lat: position.lat, lon: position.lon },
      validFrom,
      validTo,
    };
  }
}
