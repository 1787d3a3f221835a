import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, IsRef, IsText, PositionDto, WeeklyWindowDto } from '../../../common/validation/decorators';
import { Location } from '../location.entity';

export class CreateLocationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @ApiProperty({ format: 'uuid', description: 'a municipality of the same region' })
  @IsUUID()
  municipalityId: string;

  @IsText({ example: 'Buurthuis De Kei' })
  name: string;

  @IsText({ example: 'Kerkstraat 1, 7271 AB Borculo' })
  address: string;

  @ApiProperty({ type: PositionDto })
  @IsNested(() => PositionDto)
  position: PositionDto;

  @ApiPropertyOptional({ type: [WeeklyWindowDto], default: [] })
  @IsOptional()
  @IsArray()
  @IsNested(() => WeeklyWindowDto, { each: true })
  openingHours?: WeeklyWindowDto[];

  // No property initialiser for the default: PartialType would copy it into every PATCH.
  @ApiPropertyOptional({ description: 'how many groups can meet here at once', default: 1, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  rooms?: number;
}

export class UpdateLocationDto extends PartialType(OmitType(CreateLocationDto, ['regionId'] as const)) {}

export class LocationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ type: PositionDto }) position: PositionDto;
  @ApiProperty({ type: [WeeklyWindowDto] }) openingHours: WeeklyWindowDto[];
  @ApiProperty() rooms: number;

  static from(location: Location): LocationDto {
    const { id, regionId, ref, municipalityId, name, address, rooms } = location;
    return {
      id,
      regionId,
      ref,
      municipalityId,
      name,
      address,
      position: { lat: location.position.lat, lon: location.position.lon },
      openingHours: sortWindows(location.openingHours ?? []),
      rooms,
    };
  }
}
