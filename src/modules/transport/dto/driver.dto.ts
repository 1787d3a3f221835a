import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { IsRef, IsText, IsPhoneNumber } from '../../../common/validation/decorators';
import { Driver } from '../driver.entity';

export class CreateDriverDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Fatma' })
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '+31 6 12345678' })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the vehicle she usually drives; a vehicle of the same region',
  })
  @IsOptional()
  @IsUUID()
  vehicleId?: string | null;
}

/** Null is refused for the name (skipNullProperties: false) and clears ref, phone and vehicle. */
export class UpdateDriverDto extends PartialType(OmitType(CreateDriverDto, ['regionId'] as const), {
  skipNullProperties: false,
}) {}

export class DriverListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the id of the vehicle they usually drive' })
  @IsOptional()
  @IsUUID()
  vehicle?: string;
}

export class DriverDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) vehicleId: string | null;

  static from(driver: Driver): DriverDto {
    const { id, regionId, ref, name, phone, vehicleId } = driver;
    return { id, regionId, ref, name, phone, vehicleId };
  }
}
