import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { STAFF_ROLES } from '../../staff/staff-roles';
import type { StaffRole } from '../../staff/staff-roles';
import {
  IsEuros,
  IsNested,
  IsText,
  PositionDto,
  WeeklyWindowDto,
} from '../../../common/validation/decorators';
import { CHILDCARE_KINDS } from '../../childcare/childcare-provider.entity';
import { ChildcarePlacesDto } from '../../childcare/dto/childcare-places.dto';
import { MAX_PRICE_PER_HOUR } from '../../childcare/dto/childcare-provider.dto';
import { VEHICLE_KINDS } from '../../transport/vehicle.entity';
import { IsListOf, IsScenarioId, IsScenarioReference, LANGUAGE_CODE } from './scenario-fields';

export class ScenarioMunicipalityDto {
  @IsScenarioId('berkelland')
  id: string;

  @IsText({ example: 'Berkelland' })
  name: string;
}

export class ScenarioLocationDto {
  @IsScenarioId('loc-1')
  id: string;

  @IsText({ example: 'Buurthuis De Mallemolen, Borculo' })
  name: string;

  @IsScenarioReference('berkelland')
  municipalityId: string;

  @IsText()
  address: string;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @IsListOf(() => WeeklyWindowDto)
  openingHours: WeeklyWindowDto[];

  @ApiProperty({ minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  rooms: number;
}

export class ScenarioLanguageProviderDto {
  @IsScenarioId('tp1')
  id: string;

  @IsText({ example: 'Taalhuis Achterhoek' })
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  email?: string;
}

export class ScenarioTrainerDto {
  @IsScenarioId('tr1')
  id: string;

  @IsText()
  name: string;

  @IsListOf(() => WeeklyWindowDto)
  availability: WeeklyWindowDto[];
}

export class ScenarioInterpreterDto {
  @IsScenarioId('int-ar-1')
  id: string;

  @IsText()
  name: string;

  @ApiProperty({ example: ['ar'] })
  @IsArray()
  @ArrayNotEmpty()
  @Matches(LANGUAGE_CODE, { each: true, message: '$property must hold ISO 639 language codes such as "ar"' })
  languages: string[];

  @IsListOf(() => WeeklyWindowDto)
  availability: WeeklyWindowDto[];
}

/**
 * Version 2: a person who can take the other roles at sessions (co-trainer, experience expert, oppas), or who meets
 * the women one to one in talks (jobcoach, coach, language buddy, case manager).
 */
export class ScenarioStaffMemberDto {
  @IsScenarioId('co-1')
  id: string;

  @IsText()
  name: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['co-trainer'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(STAFF_ROLES, { each: true, message: `$property must hold roles of ${STAFF_ROLES.join(', ')}` })
  roles: StaffRole[];

  @IsListOf(() => WeeklyWindowDto)
  availability: WeeklyWindowDto[];
}

export class ScenarioVehicleDto {
  @IsScenarioId('bus-1')
  id: string;

  @IsText()
  name: string;

  @ApiProperty({ enum: VEHICLE_KINDS })
  @IsIn(VEHICLE_KINDS, { message: `$property must be one of ${VEHICLE_KINDS.join(', ')}` })
  kind: (typeof VEHICLE_KINDS)[number];

  @ApiProperty({ minimum: 1, description: 'passenger seats, not counting the driver' })
  @IsInt()
  @Min(1)
  @Max(100)
  seats: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100)
  childSeats: number;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  depot: PositionDto;

  @IsListOf(() => WeeklyWindowDto)
  availability: WeeklyWindowDto[];

  @ApiProperty()
  @IsBoolean()
  volunteerDriven: boolean;

  @ApiProperty({
    required: false,
    type: [String],
    description:
      'the municipalities it collects in (the Naoberbus drives only in Berkelland); absent or empty: all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  municipalityIds?: string[];
}

export class ScenarioChildcareProviderDto {
  @IsScenarioId('kdv-1')
  id: string;

  @IsText()
  name: string;

  @ApiProperty({ enum: CHILDCARE_KINDS })
  @IsIn(CHILDCARE_KINDS, { message: `$property must be one of ${CHILDCARE_KINDS.join(', ')}` })
  kind: (typeof CHILDCARE_KINDS)[number];

  @ApiPropertyOptional({ description: 'where volunteer care is given: required for kind volunteer' })
  @IsOptional()
  @IsScenarioReference('loc-1')
  locationId?: string;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @IsListOf(() => WeeklyWindowDto)
  openingHours: WeeklyWindowDto[];

  // The same bands, within the same bounds, as the childcare API takes.
  @IsListOf(() => ChildcarePlacesDto)
  places: ChildcarePlacesDto[];

  @ApiProperty({ minimum: 0, maximum: MAX_PRICE_PER_HOUR, example: 10.25 })
  @IsEuros(MAX_PRICE_PER_HOUR)
  pricePerHour: number;
}
