import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { IsCalendarDate, IsRef } from '../../../common/validation/decorators';
import { Child } from '../child.entity';

export class CreateChildDto {
  @ApiProperty({ format: 'uuid', description: 'the mother; the child belongs to her region' })
  @IsUUID()
  participantId: string;

  @IsRef()
  ref?: string | null;

  @IsCalendarDate({ example: '2023-05-14' })
  birthDate: string;

  @ApiPropertyOptional({
    default: false,
    description: 'the partner looks after the child: no childcare needed',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  careByPartner?: boolean;
}

/** A child stays with her mother: to correct a mistake, delete and create. */
export class UpdateChildDto extends PartialType(OmitType(CreateChildDto, ['participantId'] as const), {
  skipNullProperties: false,
}) {}

export class ChildListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "the mother's id" })
  @IsOptional()
  @IsUUID()
  participant?: string;
}

export class ChildDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'date' }) birthDate: string;
  @ApiProperty() careByPartner: boolean;

  static from(child: Child): ChildDto {
    const { id, regionId, ref, participantId, birthDate, careByPartner } = child;
    return { id, regionId, ref, participantId, birthDate, careByPartner };
  }
}
