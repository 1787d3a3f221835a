import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsNested, IsTimeOfDay, IsWeekday } from '../../../common/validation/decorators';

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
