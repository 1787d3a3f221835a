import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsNested, IsText, PositionDto, WeeklyWindowDto } from '../../../common/validation/decorators';
import { CHILDCARE_KINDS } from '../../childcare/childcare-provider.entity';
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
}

export class ScenarioPlacesDto {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  minAgeMonths: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  maxAgeMonths: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  capacity: number;
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

  @IsListOf(() => ScenarioPlacesDto)
  places: ScenarioPlacesDto[];

  @ApiProperty({ minimum: 0, example: 10.25 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  pricePerHour: number;
}
