import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { sortWindows } from '../../../common/database/weekly-windows';
import {
  IsEuros,
  IsNested,
  IsRef,
  IsText,
  PositionDto,
  WeeklyWindowDto,
} from '../../../common/validation/decorators';
import { CHILDCARE_KINDS, type ChildcareKind, ChildcareProvider } from '../childcare-provider.entity';
import { ChildcarePlacesDto, sortPlaces } from './childcare-places.dto';

const KIND_MESSAGE = `$property must be one of ${CHILDCARE_KINDS.join(', ')}`;

/** Euros per child per hour: formal childcare costs about ten. */
export const MAX_PRICE_PER_HOUR = 1000;

export class CreateChildcareProviderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Kinderopvang Het Vlindertje' })
  name: string;

  @ApiProperty({
    enum: CHILDCARE_KINDS,
    description: 'formal childcare (kinderopvang) or volunteers at a training location (oppas)',
  })
  @IsIn(CHILDCARE_KINDS, { message: KIND_MESSAGE })
  kind: ChildcareKind;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'a location of the same region where the care is given; required when kind is volunteer',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string | null;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @ApiPropertyOptional({ type: [WeeklyWindowDto], default: [] })
  @IsOptional()
  @IsArray()
  @IsNested(() => WeeklyWindowDto, { each: true })
  openingHours?: WeeklyWindowDto[];

  @ApiPropertyOptional({ type: [ChildcarePlacesDto], default: [] })
  @IsOptional()
  @IsArray()
  @IsNested(() => ChildcarePlacesDto, { each: true })
  places?: ChildcarePlacesDto[];

  @ApiPropertyOptional({ description: 'euros per child per hour', minimum: 0, default: 0, example: 9.45 })
  @IsOptional()
  @IsEuros(MAX_PRICE_PER_HOUR)
  pricePerHour?: number;
}

export class UpdateChildcareProviderDto extends PartialType(
  OmitType(CreateChildcareProviderDto, ['regionId'] as const),
) {}

export class ChildcareProviderListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ enum: CHILDCARE_KINDS })
  @IsOptional()
  @IsIn(CHILDCARE_KINDS, { message: KIND_MESSAGE })
  kind?: ChildcareKind;
}

export class ChildcareProviderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHILDCARE_KINDS }) kind: ChildcareKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) locationId: string | null;
  @ApiProperty({ type: PositionDto }) position: PositionDto;
  @ApiProperty({ type: [WeeklyWindowDto] }) openingHours: WeeklyWindowDto[];
  @ApiProperty({ type: [ChildcarePlacesDto] }) places: ChildcarePlacesDto[];
  @ApiProperty() pricePerHour: number;

  static from(provider: ChildcareProvider): ChildcareProviderDto {
    const { id, regionId, ref, name, kind, locationId, pricePerHour } = provider;
    return {
      id,
      regionId,
      ref,
      name,
      kind,
      locationId,
      position: { lat: provider.position.lat, lon: provider.position.lon },
      openingHours: sortWindows(provider.openingHours ?? []),
      places: sortPlaces(provider.places ?? []),
      pricePerHour,
    };
  }
}
