import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsTimeZone, Matches } from 'class-validator';
import { IsNested, IsText, WeeklyWindowDto } from '../../../common/validation/decorators';
import { ClosedDateDto } from '../../regions/dto/closed-date.dto';
import { CostRatesDto } from '../../costs/dto/cost-rates.dto';
import { PolicyDto } from '../../regions/dto/policy.dto';
import { REGION_REF } from '../../regions/dto/region.dto';
import { IsListOf } from './scenario-fields';
import { ScenarioParticipantDto } from './scenario-participant.dto';
import { ScenarioProgrammeDto } from './scenario-programme.dto';
import {
  ScenarioChildcareProviderDto,
  ScenarioInterpreterDto,
  ScenarioLanguageProviderDto,
  ScenarioLocationDto,
  ScenarioMunicipalityDto,
  ScenarioStaffMemberDto,
  ScenarioTrainerDto,
  ScenarioVehicleDto,
} from './scenario-resources.dto';

export const SCENARIO_FORMAT = 'trefpunt-scenario/1';
/**
 * Version 2 adds phases, groups that start on their own date or after another, avoided religious periods, online
 * ranges, staff roles, closing talks, and outings by group and date.
 */
export const SCENARIO_FORMAT_2 = 'trefpunt-scenario/2';
const FORMATS = [SCENARIO_FORMAT, SCENARIO_FORMAT_2] as const;

/** A whole region in one document (format `trefpunt-scenario/1` or `/2`), as README and docs/scenario describe. */
export class ScenarioDto {
  @ApiProperty({ enum: FORMATS, example: SCENARIO_FORMAT_2 })
  @IsIn(FORMATS, { message: `$property must be "${SCENARIO_FORMAT}" or "${SCENARIO_FORMAT_2}"` })
  format: (typeof FORMATS)[number];

  @ApiProperty({ example: 'berkelland' })
  @Matches(REGION_REF, { message: '$property must be 1 to 100 letters, digits, ".", "_" or "-"' })
  region: string;

  @IsText({ example: 'Berkelland-Bronckhorst' })
  name: string;

  @ApiProperty({ example: 'Europe/Amsterdam' })
  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/Amsterdam' })
  timezone: string;

  @IsListOf(() => ScenarioMunicipalityDto)
  municipalities: ScenarioMunicipalityDto[];

  @IsListOf(() => ScenarioLocationDto)
  locations: ScenarioLocationDto[];

  @IsListOf(() => ScenarioLanguageProviderDto)
  languageProviders: ScenarioLanguageProviderDto[];

  @IsListOf(() => ScenarioParticipantDto)
  participants: ScenarioParticipantDto[];

  @IsListOf(() => ScenarioTrainerDto)
  trainers: ScenarioTrainerDto[];

  @IsListOf(() => ScenarioInterpreterDto)
  interpreters: ScenarioInterpreterDto[];

  @ApiPropertyOptional({
    type: [ScenarioStaffMemberDto],
    description:
      'version 2: co-trainers, experience experts, childcare volunteers, jobcoaches, coaches, language buddies and ' +
      'case managers, with their roles',
  })
  @IsOptional()
  @IsArray()
  @IsNested(() => ScenarioStaffMemberDto, { each: true })
  staff?: ScenarioStaffMemberDto[];

  @IsListOf(() => ScenarioVehicleDto)
  vehicles: ScenarioVehicleDto[];

  @IsListOf(() => ScenarioChildcareProviderDto)
  childcareProviders: ScenarioChildcareProviderDto[];

  @IsListOf(() => WeeklyWindowDto)
  schoolHours: WeeklyWindowDto[];

  @IsListOf(() => ClosedDateDto)
  closedDates: ClosedDateDto[];

  @ApiProperty({ type: PolicyDto })
  @IsNested(() => PolicyDto)
  policy: PolicyDto;

  @ApiPropertyOptional({
    type: ScenarioProgrammeDto,
    description: 'left out by an export of a region without one',
  })
  @IsOptional()
  @IsNested(() => ScenarioProgrammeDto)
  programme?: ScenarioProgrammeDto;

  @ApiPropertyOptional({
    type: CostRatesDto,
    description:
      "the region's cost rates (as PUT /regions/{id}/cost-rates); left out: the rates stay as they are",
  })
  @IsOptional()
  @IsNested(() => CostRatesDto)
  costs?: CostRatesDto;
}
