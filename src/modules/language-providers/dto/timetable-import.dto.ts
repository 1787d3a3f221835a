import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class TimetableImportQueryDto {
  @ApiPropertyOptional({
    default: false,
    description: 'check the file and report what would change, storing nothing',
  })
  @IsOptional()
  // A query string is text: only `true` and `false` are booleans, anything else is refused.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  dryRun?: boolean;
}

export class SkippedTimetableEntryDto {
  @ApiProperty({ example: 12, description: 'the line of the CSV record, or of the BEGIN:VEVENT' })
  line: number;

  @ApiProperty({ example: 'an all-day event, not a lesson at set times' })
  reason: string;
}

export class TimetableLessonChangesDto {
  @ApiProperty({ description: 'lesson series added' }) created: number;
  @ApiProperty({ description: 'lesson series at this provider that the file no longer holds' })
  deleted: number;
  @ApiProperty({ description: 'lesson series found as the file says (they keep their id)' })
  unchanged: number;
}

export class TimetableImportSummaryDto {
  @ApiProperty({ description: 'the participants the file names, whose lessons at this provider it sets' })
  participants: number;

  @ApiProperty({ type: TimetableLessonChangesDto })
  lessons: TimetableLessonChangesDto;

  @ApiProperty({
    type: [SkippedTimetableEntryDto],
    description:
      'what the file holds that is not imported: events that are all-day, not weekly or for nobody known',
  })
  skipped: SkippedTimetableEntryDto[];

  @ApiProperty({ description: 'true when nothing was stored' })
  dryRun: boolean;
}
