import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsNested, IsRef, IsText } from '../../../common/validation/decorators';
import { Programme } from '../programme.entity';
import { ProgrammePhase } from '../programme-phase';
import { isGiven } from './is-given';
import { ProgrammePhaseDto } from './programme-phase.dto';
import { EXTRA_ROLES } from '../../../planning/scheduling/model';
import type { ExtraRole } from '../../../planning/scheduling/model';
import { IsRoleList } from './is-role-list';

/** With phases, the programme's own counts and length follow from them and may be left out. */
const withoutPhases = (dto: { phases?: unknown }, value: unknown) =>
  value !== undefined || dto.phases === undefined || dto.phases === null;

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

  @ApiProperty({
    minimum: 1,
    maximum: 1000,
    example: 12,
    description: 'how many sessions each group gets; with phases, left out (their sum)',
  })
  @ValidateIf(withoutPhases)
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

  @ApiProperty({
    minimum: 1,
    maximum: 1440,
    example: 120,
    description: 'with phases, left out (the longest)',
  })
  @ValidateIf(withoutPhases)
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @ApiPropertyOptional({
    type: [ProgrammePhaseDto],
    description:
      "the phases one after another, each with `sessions` or an `endDate`; the programme's counts and length " +
      'then follow from them. Null (in a PATCH) clears them: one phase of the fields above',
  })
  @ValidateIf(isGiven)
  @ValidateIf((_dto, value) => value !== null)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsNested(() => ProgrammePhaseDto, { each: true })
  phases?: ProgrammePhaseDto[] | null;

  @ApiPropertyOptional({
    default: false,
    description: 'no sessions in Ramadan and on the Eids (else warnings)',
  })
  @ValidateIf(isGiven)
  @IsBoolean()
  avoidReligiousPeriods?: boolean;

  @IsRoleList(
    'the roles every session needs beside its trainer and its interpreters (a role twice: two people), ' +
      'unless its phase says its own; null (in a PATCH) clears them',
  )
  roles?: ExtraRole[] | null;
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
  @ApiProperty({ type: [ProgrammePhaseDto], description: 'empty: one phase of the fields above' })
  phases: ProgrammePhase[];
  @ApiProperty() avoidReligiousPeriods: boolean;
  @ApiProperty({ enum: EXTRA_ROLES, isArray: true }) roles: ExtraRole[];

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
      phases,
      avoidReligiousPeriods,
      roles,
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
      phases: phases ?? [],
      avoidReligiousPeriods: avoidReligiousPeriods ?? false,
      roles: roles ?? [],
    };
  }
}
