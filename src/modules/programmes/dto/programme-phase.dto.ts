import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../../common/validation/decorators';
import type { ExtraRole } from '../../../planning/scheduling/model';
import { IsRoleList } from './is-role-list';

/** A phase of a programme: `sessions`, or an `endDate` until which it runs; its own rhythm and length. */
export class ProgrammePhaseDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 520,
    example: 10,
    description: 'how many sessions; or endDate',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(520)
  sessions?: number;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'the last day of the phase; or sessions' })
  endDate?: string;

  @ApiProperty({ minimum: 1, maximum: 7, example: 1 })
  @IsInt()
  @Min(1)
  @Max(7)
  sessionsPerWeek: number;

  @ApiProperty({ minimum: 1, maximum: 52, example: 1, description: '1 = weekly, 2 = fortnightly' })
  @IsInt()
  @Min(1)
  @Max(52)
  intervalWeeks: number;

  @ApiProperty({ minimum: 1, maximum: 1440, example: 180 })
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @ApiPropertyOptional({ type: [String], example: ['gezondheid', 'werk'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  themes?: string[];

  @IsRoleList(
    "the roles its sessions need beside the trainer and the interpreters; left out: the programme's",
  )
  roles?: ExtraRole[];
}
