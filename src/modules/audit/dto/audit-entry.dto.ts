import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/api/page';
import { AUDIT_ACTIONS, AuditEntry } from '../audit-entry.entity';
import type { AuditAction } from '../audit-entry.entity';

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the log of one participant' })
  @IsOptional()
  @IsUUID()
  participant?: string;

  @ApiPropertyOptional({ description: "a region's id or ref" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the token used (null: the admin token or the command line)',
  })
  actorTokenId: string | null;
  @ApiProperty() actorRole: string;
  @ApiProperty() actorLabel: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ example: 'participant' }) recordType: string;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;

  static from(entry: AuditEntry): AuditEntryDto {
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      actorTokenId: entry.actorTokenId,
      actorRole: entry.actorRole,
      actorLabel: entry.actorLabel,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      participantId: entry.participantId,
      regionId: entry.regionId,
    };
  }
}
