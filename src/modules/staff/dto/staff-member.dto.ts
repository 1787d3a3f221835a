import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, IsRef, IsText, WeeklyWindowDto } from '../../../common/validation/decorators';
import { EXTRA_ROLES } from '../../../planning/scheduling/model';
import type { ExtraRole } from '../../../planning/scheduling/model';
import { StaffMember } from '../staff-member.entity';

const ROLES_MESSAGE = `$property must hold roles of ${EXTRA_ROLES.join(', ')}`;

export class CreateStaffMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Hanan' })
  name: string;

  @ApiProperty({ enum: EXTRA_ROLES, isArray: true, example: ['co-trainer'], description: 'at least one' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(EXTRA_ROLES.length)
  @IsIn(EXTRA_ROLES, { each: true, message: ROLES_MESSAGE })
  roles: ExtraRole[];

  @ApiPropertyOptional({ type: [WeeklyWindowDto], default: [], description: 'when she can take part' })
  @IsOptional()
  @IsArray()
  @IsNested(() => WeeklyWindowDto, { each: true })
  availability?: WeeklyWindowDto[];
}

export class UpdateStaffMemberDto extends PartialType(
  OmitType(CreateStaffMemberDto, ['regionId'] as const),
) {}

export class StaffMemberListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ enum: EXTRA_ROLES, description: 'only those who can take this role' })
  @IsOptional()
  @IsIn(EXTRA_ROLES, { message: ROLES_MESSAGE })
  role?: ExtraRole;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EXTRA_ROLES, isArray: true }) roles: ExtraRole[];
  @ApiProperty({ type: [WeeklyWindowDto] }) availability: WeeklyWindowDto[];

  static from(member: StaffMember): StaffMemberDto {
    const { id, regionId, ref, name, roles } = member;
    return {
      id,
      regionId,
      ref,
      name,
      roles: [...roles],
      availability: sortWindows(member.availability ?? []),
    };
  }
}
