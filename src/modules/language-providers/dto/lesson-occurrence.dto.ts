import { ApiProperty } from '@nestjs/swagger';
import { IsAfterField, IsCalendarDate } from '../../../common/validation/decorators';

/** The longest range one request may ask for, in days. */
export const MAX_OCCURRENCE_RANGE_DAYS = 366;

export class LessonOccurrencesQueryDto {
  @IsCalendarDate({ example: '2027-03-22', description: 'the first date (inclusive)' })
  from: string;

  @IsCalendarDate({
    example: '2027-04-04',
    description: `the last date (inclusive), at most ${MAX_OCCURRENCE_RANGE_DAYS} days after from`,
  })
  @IsAfterField('from', { orEqual: true })
  to: string;
}

export class LessonOccurrenceDto {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ format: 'date', description: "the local date in the region's time zone" }) date: string;
  @ApiProperty({ example: '2027-03-29T09:00:00+02:00', description: "with the region's offset on that date" })
  start: string;
  @ApiProperty({ example: '2027-03-29T11:30:00+02:00' }) end: string;
}

export class LessonOccurrencesDto {
  @ApiProperty({ type: [LessonOccurrenceDto] }) items: LessonOccurrenceDto[];
}
