import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsRef, IsText } from '../../../common/validation/decorators';
import { Programme } from '../programme.entity';
import { isGiven } from './is-given';

export class CreateProgrammeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Samen sterk voorjaar 2027' })
  name: string;

  @IsCalendarDate({ example: '2027-03-01', description: 'the first day sessions may be planned' })
  startDate: string;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 12, description: 'how many sessions each group gets' })
  @IsInt()
  @Min(1)
  @Max(1000)
  sessionsPerGroup: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, default: 1 })
  @ValidateIf(isGiven)
  @IsInt()
  @Min(1)
  @Max(7)
  sessionsPerWeek?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 52, default: 1, description: '1 = weekly, 2 = fortnightly' })
  @ValidateIf(isGiven)
  @IsInt()
  @Min(1)
  @Max(52)
  intervalWeeks?: number;

  @ApiProperty({ minimum: 1, maximum: 1440, example: 120 })
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;
}

/** Null is refused for required fields (skipNullProperties: false) and clears the optional ones. */
export class UpdateProgrammeDto extends PartialType(OmitType(CreateProgrammeDto, ['regionId'] as const), {
  skipNullProperties: false,
}) {}

export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty() sessionsPerGroup: number;
  @ApiProperty() sessionsPerWeek: number;
  @ApiProperty() intervalWeeks: number;
  @ApiProperty() durationMinutes: number;

  static from(programme: Programme): ProgrammeDto {
    const {
      id,
      regionId,
      ref,
      name,
      startDate,
      sessionsPerGroup,
      sessionsPerWeek,
      intervalWeeks,
      durationMinutes,
    } = programme;
    return {
      id,
      regionId,
      ref,
      name,
      startDate,
      sessionsPerGroup,
      sessionsPerWeek,
      intervalWeeks,
      durationMinutes,
    };
  }
}
