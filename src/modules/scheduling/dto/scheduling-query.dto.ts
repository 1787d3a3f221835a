import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  IsAfterField,
  IsCalendarDate,
  IsNested,
  IsTimeOfDay,
  IsWeekday,
} from '../../../common/validation/decorators';

export class SlotsQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200, description: 'how many of the best times' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 20;
}

export class PinnedTimeDto {
  @IsWeekday()
  weekday: number;

  @IsTimeOfDay({ example: '09:30' })
  start: string;
}

export class PinnedSlotsDto {
  @ApiProperty({
    type: [PinnedTimeDto],
    description: 'the weekly times to keep; an empty list unpins the group',
  })
  @IsArray()
  @ArrayMaxSize(7)
  @IsNested(() => PinnedTimeDto, { each: true })
  slots: PinnedTimeDto[];
}

export class PlanExportQueryDto {
  @ApiProperty({ description: "the region's id or ref" })
  @IsString()
  @MaxLength(200)
  region: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'first local date (default: the first session)' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'last local date, inclusive (default: the last session)' })
  @IsAfterField('from', { orEqual: true })
  to?: string;
}
