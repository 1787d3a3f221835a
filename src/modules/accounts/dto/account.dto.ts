import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsPhoneNumber } from '../../../common/validation/decorators';
import { Account, ACCOUNT_ROLES } from '../account.entity';
import type { AccountRole } from '../account.entity';

const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class UpdateAccountDto {
  @ApiPropertyOptional({ example: 'Fatma de Vries' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '+31 6 12345678',
    description: 'her phone number, given with her e-mail address in the letters she sends; null clears it',
  })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({ enum: ACCOUNT_ROLES })
  @IsOptional()
  @IsIn(ACCOUNT_ROLES, { message: `$property must be one of ${ACCOUNT_ROLES.join(', ')}` })
  role?: AccountRole;

  @ApiPropertyOptional({ example: ['berkelland'], description: 'a coordinator: her regions (ids or refs)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  regions?: string[];

  @ApiPropertyOptional({
    example: ['bronckhorst'],
    description: 'a coordinator: only these municipalities (ids or refs) of her regions; empty for all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  municipalities?: string[];

  @ApiPropertyOptional({ description: 'true: she can no longer sign in and her sessions end' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class CreateAccountDto extends UpdateAccountDto {
  @ApiProperty({ example: 'fatma@gemeente.example.nl', description: 'where her sign-in links go' })
  @Transform(lowerCase)
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Fatma de Vries' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  declare name: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  @IsIn(ACCOUNT_ROLES, { message: `$property must be one of ${ACCOUNT_ROLES.join(', ')}` })
  declare role: AccountRole;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ enum: ACCOUNT_ROLES }) role: AccountRole;
  @ApiProperty({ type: [String] }) regionIds: string[];
  @ApiProperty({ type: [String] }) municipalityIds: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;

  static from(account: Account): AccountDto {
    return {
      id: account.id,
      email: account.email,
      name: account.name,
      phone: account.phone,
      role: account.role,
      regionIds: account.regionIds,
      municipalityIds: account.municipalityIds,
      createdAt: account.createdAt.toISOString(),
      disabledAt: account.disabledAt?.toISOString() ?? null,
    };
  }
}

/** An invitation: the account, and whether its sign-in link went out by e-mail. */
export class InvitedAccountDto extends AccountDto {
  @ApiProperty({ description: 'whether the sign-in link was e-mailed to her' })
  sent: boolean;

  @ApiPropertyOptional({
    description:
      'only when no e-mail can be sent (TREFPUNT_SMTP_URL unset, as in a local trial): the sign-in link, ' +
      'to hand over yourself; one use, 15 minutes',
  })
  signInUrl?: string;
}
