import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsText } from '../../../common/validation/decorators';
import {
  IsListOf,
  IsScenarioId,
  IsScenarioReference,
  IsScenarioReferences,
  LANGUAGE_CODE,
} from './scenario-fields';

export class ScenarioGroupDto {
  @IsScenarioId('g1')
  id: string;

  @IsText()
  name: string;

  @IsScenarioReference('loc-1')
  locationId: string;

  @IsScenarioReferences('p1')
  participantIds: string[];

  @IsScenarioReferences('tr1')
  trainerIds: string[];

  @ApiProperty({ type: [String], example: ['ar', 'ti'] })
  @IsArray()
  @Matches(LANGUAGE_CODE, { each: true, message: '$property must hold ISO 639 language codes such as "ar"' })
  interpreterLanguages: string[];
}

export class ScenarioProgrammeDto {
  @ApiPropertyOptional({ description: 'the programme id in the region; "programme" when left out' })
  @IsOptional()
  @IsScenarioId('programme')
  id?: string;

  @IsText({ example: 'Powervrouwen' })
  name: string;

  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(520)
  sessionsPerGroup: number;

  @ApiProperty({ minimum: 1, maximum: 7 })
  @IsInt()
  @Min(1)
  @Max(7)
  sessionsPerWeek: number;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: '1 = weekly, 2 = fortnightly' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  intervalWeeks = 1;

  @ApiProperty({ minimum: 1, maximum: 1440 })
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @IsListOf(() => ScenarioGroupDto)
  groups: ScenarioGroupDto[];
}
