import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsAfterField, IsCalendarDate, IsNested, IsText } from '../../../common/validation/decorators';
import { IsVideoUrl } from '../../online/dto/online-period.dto';
import { SetOutingDto } from '../../outings/dto/outing.dto';
import { ProgrammePhaseDto } from '../../programmes/dto/programme-phase.dto';
import { IsRoleList } from '../../programmes/dto/is-role-list';
import { RollingStartDto } from '../../programmes/dto/group.dto';
import { ClosingTalksDto } from '../../talks/dto/talk.dto';
import type { ExtraRole } from '../../../planning/scheduling/model';
import { TALK_ROLES } from '../../../planning/talks/model';
import type { TalkRole } from '../../../planning/talks/model';
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

  @ApiPropertyOptional({
    description: 'version 2: its own first day, when it does not start with the programme',
  })
  @IsOptional()
  @IsCalendarDate({ required: false })
  startDate?: string;

  @ApiPropertyOptional({
    description: 'version 2: the id of the group it follows (from the day after its end)',
  })
  @IsOptional()
  @IsScenarioReference('g1')
  after?: string;

  @ApiPropertyOptional({
    type: RollingStartDto,
    description: 'version 2: a rolling start, when at least `minReady` of its members are ready',
  })
  @IsOptional()
  @IsObject({ message: '$property must be an object { minReady }' })
  @IsNested(() => RollingStartDto)
  rollingStart?: RollingStartDto;
}

/** Version 2: a date range held online, for all groups, one group, or some of its members (a subgroup). */
export class ScenarioOnlineDto {
  @IsCalendarDate({ example: '2027-03-01', description: 'the first date whose sessions are online' })
  from: string;

  @IsCalendarDate({ example: '2027-03-28', description: 'the last date (inclusive)' })
  @IsAfterField('from', { orEqual: true })
  to: string;

  @ApiPropertyOptional({ description: 'the id of one group; all groups when left out' })
  @IsOptional()
  @IsScenarioReference('g1')
  group?: string;

  @ApiPropertyOptional({ type: [String], description: 'a subgroup: these members only; all when left out' })
  @IsOptional()
  @IsScenarioReferences('p1')
  participantIds?: string[];

  @ApiProperty({ example: 'https://meet.example.org/trefpunt' })
  @IsString()
  @MaxLength(2000)
  @IsVideoUrl()
  videoUrl: string;

  @ApiProperty({ minimum: 1, maximum: 1440, example: 90 })
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;
}

/**
 * Version 2: the programme ends with a closing talk for every member in the last two weeks of her sessions, with
 * her, her group's trainer and a staff member of each role (as `POST /programmes/{id}/closing-talks` plans them).
 * Its length and place are those of that endpoint's body; its roles are checked by the scenario rules (talk roles,
 * each once, naming the index of each) and its location is one of the file's.
 */
export class ScenarioClosingTalksDto extends OmitType(ClosingTalksDto, ['roles', 'locationId'] as const) {
  @ApiProperty({ enum: TALK_ROLES, isArray: true, example: ['jobcoach', 'case-manager'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  roles: TalkRole[];

  @ApiPropertyOptional({ description: 'the office (`office`), or another location than her group’s' })
  @IsOptional()
  @IsScenarioReference('loc-1')
  locationId?: string;
}

/** Version 2: a group's session of one date held at other places: one place, or a tour of several in order. */
export class ScenarioOutingDto extends SetOutingDto {
  @ApiProperty({ example: 'g1', description: 'the id of the group' })
  @IsScenarioReference('g1')
  group: string;

  @IsCalendarDate({ example: '2027-04-20', description: "the local date of the group's session" })
  date: string;
}

/** Without phases the programme's fields are its one phase; with them, they may be left out. */
const withoutPhases = (programme: ScenarioProgrammeDto) => !programme.phases;

export class ScenarioProgrammeDto {
  @ApiPropertyOptional({ description: 'the programme id in the region; "programme" when left out' })
  @IsOptional()
  @IsScenarioId('programme')
  id?: string;

  @IsText({ example: 'Powervrouwen' })
  name: string;

  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ minimum: 1, description: 'may be left out with phases' })
  @ValidateIf(withoutPhases)
  @IsInt()
  @Min(1)
  @Max(520)
  sessionsPerGroup: number;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'may be left out with phases' })
  @ValidateIf(withoutPhases)
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

  @ApiProperty({ minimum: 1, maximum: 1440, description: 'may be left out with phases' })
  @ValidateIf(withoutPhases)
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @ApiPropertyOptional({ type: [ProgrammePhaseDto], description: 'version 2: the phases one after another' })
  @IsOptional()
  @IsArray()
  @IsNested(() => ProgrammePhaseDto, { each: true })
  phases?: ProgrammePhaseDto[];

  @ApiPropertyOptional({ description: 'version 2: no sessions in Ramadan and on the Eids (else warnings)' })
  @IsOptional()
  @IsBoolean()
  avoidReligiousPeriods?: boolean;

  @IsRoleList(
    'version 2: the roles every session needs beside the trainer and interpreters, unless its phase says',
  )
  roles?: ExtraRole[];

  @IsListOf(() => ScenarioGroupDto)
  groups: ScenarioGroupDto[];

  @ApiPropertyOptional({ type: [ScenarioOnlineDto], description: 'version 2: date ranges held online' })
  @IsOptional()
  @IsArray()
  @IsNested(() => ScenarioOnlineDto, { each: true })
  online?: ScenarioOnlineDto[];

  @ApiPropertyOptional({
    type: ScenarioClosingTalksDto,
    description: 'version 2: a closing talk per member at the end, with these roles',
  })
  @IsOptional()
  @IsNested(() => ScenarioClosingTalksDto)
  closingTalks?: ScenarioClosingTalksDto;

  @ApiPropertyOptional({
    type: [ScenarioOutingDto],
    description:
      'version 2: sessions held at other places, by group and date (put on the session at each plan)',
  })
  @IsOptional()
  @IsArray()
  @IsNested(() => ScenarioOutingDto, { each: true })
  outings?: ScenarioOutingDto[];
}
