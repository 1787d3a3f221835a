import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsRef, IsText } from '../../../common/validation/decorators';
import { Municipality } from '../municipality.entity';

export class CreateMunicipalityDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Berkelland' })
  name: string;
}

export class UpdateMunicipalityDto extends PartialType(
  PickType(CreateMunicipalityDto, ['ref', 'name'] as const),
) {}

export class MunicipalityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;

  static from(municipality: Municipality): MunicipalityDto {
    const { id, regionId, ref, name } = municipality;
    return { id, regionId, ref, name };
  }
}
