import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  IsAfterField,
  IsCalendarDate,
  IsNested,
  IsPhoneNumber,
  IsText,
  IsTimeOfDay,
  IsWeekday,
  PositionDto,
} from '../../../common/validation/decorators';
import { REMINDER_CHANNELS, TRANSPORT_MODES } from '../../participants/participant.entity';
import { LEVELS } from '../../../planning/groups/levels';
import type { Level } from '../../../planning/groups/levels';
import { MAX_CAR_SEATS_OFFERED } from '../../participants/dto/participant.dto';
import { IsLanguageCode, IsListOf, IsScenarioId, IsScenarioReference } from './scenario-fields';

export class ScenarioChildDto {
  @IsScenarioId('c1-1')
  id: string;

  @IsCalendarDate({ example: '2024-05-01' })
  birthDate: string;

  @ApiProperty({ description: 'the partner looks after the child: no childcare needed' })
  @IsBoolean()
  careByPartner: boolean;
}

export class ScenarioLessonDto {
  @IsScenarioReference('tp1')
  providerId: string;

  @IsWeekday()
  weekday: number;

  @IsTimeOfDay()
  from: string;

  @IsTimeOfDay({ example: '11:30' })
  @IsAfterField('from')
  to: string;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @IsCalendarDate()
  validFrom: string;

  @IsCalendarDate({ example: '2027-06-30' })
  @IsAfterField('validFrom', { orEqual: true })
  validTo: string;
}

/**
 * A one-off appointment. Its end is not checked against its start here: an appointment that ends before it
 * starts is left out with a warning (see scenario-rules.ts) rather than failing the whole import.
 */
export class ScenarioAppointmentDto {
  @IsCalendarDate()
  date: string;

  @IsTimeOfDay()
  from: string;

  @IsTimeOfDay()
  to: string;

  @ApiPropertyOptional({ example: 'huisarts' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  what?: string;
}

export class ScenarioParticipantDto {
  @IsScenarioId()
  id: string;

  @IsText({ example: 'Mariam W.' })
  name: string;

  @IsScenarioReference('berkelland')
  municipalityId: string;

  @IsText({ example: 'Ruurlo 61' })
  address: string;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @ApiProperty({ example: '+31 6 12345678', description: 'stored as E.164; without a country code Dutch' })
  @IsPhoneNumber()
  phone: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  email?: string;

  @IsLanguageCode()
  language: string;

  @ApiProperty()
  @IsBoolean()
  interpreterNeeded: boolean;

  @ApiPropertyOptional({ enum: LEVELS, description: 'her Dutch level on the CEFR scale (A0: not yet A1)' })
  @IsOptional()
  @IsIn(LEVELS, { message: `$property must be one of ${LEVELS.join(', ')}` })
  level?: Level;

  @IsOptional()
  @IsCalendarDate({
    required: false,
    description:
      'version 2: the first day she can take part (after her intake or arrival); left out: ready now',
  })
  readyFrom?: string;

  @ApiProperty({ enum: REMINDER_CHANNELS })
  @IsIn(REMINDER_CHANNELS, { message: `$property must be one of ${REMINDER_CHANNELS.join(', ')}` })
  reminderChannel: (typeof REMINDER_CHANNELS)[number];

  @ApiProperty({ enum: TRANSPORT_MODES })
  @IsIn(TRANSPORT_MODES, { message: `$property must be one of ${TRANSPORT_MODES.join(', ')}` })
  transport: (typeof TRANSPORT_MODES)[number];

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_CAR_SEATS_OFFERED })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number of seats' })
  @Min(0)
  @Max(MAX_CAR_SEATS_OFFERED)
  carSeatsOffered?: number;

  @IsListOf(() => ScenarioChildDto)
  children: ScenarioChildDto[];

  @IsListOf(() => ScenarioLessonDto)
  lessons: ScenarioLessonDto[];

  @IsListOf(() => ScenarioAppointmentDto)
  appointments: ScenarioAppointmentDto[];
}
