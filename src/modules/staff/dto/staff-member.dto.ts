import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, IsRef, IsText, WeeklyWindowDto } from '../../../common/validation/decorators';
import { STAFF_ROLES } from '../staff-roles';
import type { StaffRole } from '../staff-roles';
import { StaffMember } from '../staff-member.entity';

const ROLES_MESSAGE = `$property must hold roles of ${STAFF_ROLES.join(', ')}`;

export class CreateStaffMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Hanan' })
  name: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['co-trainer'], description: 'at least one' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true, message: ROLES_MESSAGE })
  roles: StaffRole[];

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
  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'only those who can take this role' })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: ROLES_MESSAGE })
  role?: StaffRole;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles: StaffRole[];
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
