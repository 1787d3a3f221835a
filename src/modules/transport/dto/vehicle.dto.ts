import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, IsRef, IsText, PositionDto, WeeklyWindowDto } from '../../../common/validation/decorators';
import { Vehicle, VEHICLE_KINDS, type VehicleKind } from '../vehicle.entity';

export const MAX_SEATS = 100;

export class CreateVehicleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Taxibus 1' })
  name: string;

  @ApiProperty({ enum: VEHICLE_KINDS, example: 'taxibus' })
  @IsIn(VEHICLE_KINDS, { message: `$property must be one of ${VEHICLE_KINDS.join(', ')}` })
  kind: VehicleKind;

  @ApiProperty({ description: 'passenger seats, not counting the driver', minimum: 1, example: 8 })
  @IsInt()
  @Min(1)
  @Max(MAX_SEATS)
  seats: number;

  @ApiPropertyOptional({
    description: 'seats with a child seat or booster; at most `seats`',
    minimum: 0,
    default: 0,
    example: 2,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  childSeats?: number;

  @ApiProperty({ type: PositionDto, description: 'where rides start and end' })
  @IsNested(() => PositionDto)
  depot: PositionDto;

  @ApiPropertyOptional({ type: [WeeklyWindowDto], default: [], description: 'when it can drive' })
  @IsOptional()
  @IsArray()
  @IsNested(() => WeeklyWindowDto, { each: true })
  availability?: WeeklyWindowDto[];

  @ApiPropertyOptional({ description: 'driven by a volunteer rather than a paid driver', default: false })
  @IsOptional()
  @IsBoolean()
  volunteerDriven?: boolean;
}

export class UpdateVehicleDto extends PartialType(OmitType(CreateVehicleDto, ['regionId'] as const)) {}

export class VehicleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: VEHICLE_KINDS }) kind: VehicleKind;
  @ApiProperty() seats: number;
  @ApiProperty() childSeats: number;
  @ApiProperty({ type: PositionDto }) depot: PositionDto;
  @ApiProperty({ type: [WeeklyWindowDto] }) availability: WeeklyWindowDto[];
  @ApiProperty() volunteerDriven: boolean;

  static from(vehicle: Vehicle): VehicleDto {
    const { id, regionId, ref, name, kind, seats, childSeats, volunteerDriven } = vehicle;
    return {
      id,
      regionId,
      ref,
      name,
      kind,
      seats,
      childSeats,
      depot: { lat: vehicle.depot.lat, lon: vehicle.depot.lon },
      availability: sortWindows(vehicle.availability ?? []),
      volunteerDriven,
    };
  }
}
