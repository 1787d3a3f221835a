import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { AccessToken, ROLES } from '../access-token.entity';
import type { Role } from '../access-token.entity';
import { PageQueryDto } from '../../../common/api/page';

export class CreateTokenDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `$property must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'coördinator Berkelland', description: 'who or what the token is for' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;

  @ApiPropertyOptional({
    example: ['berkelland'],
    description: 'a coordinator: the regions (ids or refs) she works in',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  regions?: string[];

  @ApiPropertyOptional({
    example: ['bronckhorst'],
    description: 'a coordinator: only these municipalities (ids or refs) of her regions',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  municipalities?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'a participant: her personal link' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a driver' })
  @IsOptional()
  @IsUUID()
  driverId?: string;

  @ApiPropertyOptional({ example: '2027-12-31T23:59:59+01:00', description: 'no expiry when left out' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '$property must be an ISO 8601 instant' })
  expiresAt?: string;
}

export class TokenListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  participant?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  driver?: string;
}

export class TokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() label: string;
  @ApiProperty({ type: [String] }) regionIds: string[];
  @ApiProperty({ type: [String] }) municipalityIds: string[];
  @ApiProperty({ nullable: true, type: String }) participantId: string | null;
  @ApiProperty({ nullable: true, type: String }) driverId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;

  static from(token: AccessToken): TokenDto {
    return {
      id: token.id,
      role: token.role,
      label: token.label,
      regionIds: token.regionIds,
      municipalityIds: token.municipalityIds,
      participantId: token.participantId,
      driverId: token.driverId,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    };
  }
}

/** The answer to creating a token: the only time its value is shown. */
export class IssuedTokenDto extends TokenDto {
  @ApiProperty({ description: 'the bearer token; shown this once, stored only as a hash' })
  token: string;
}
