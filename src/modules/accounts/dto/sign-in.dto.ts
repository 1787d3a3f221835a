import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { ACCOUNT_ROLES } from '../account.entity';
import type { AccountRole } from '../account.entity';

export class SignInLinkRequestDto {
  @ApiProperty({ example: 'fatma@gemeente.example.nl' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(320)
  email: string;
}

export class SignInDto {
  @ApiProperty({ description: 'the token of the e-mailed link (after #token= in it)' })
  @IsString()
  @MaxLength(200)
  token: string;
}

/** Who is signed in (or whose token this is). */
export class SignedInDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) accountId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ACCOUNT_ROLES }) role: AccountRole;
  @ApiProperty({ type: [String], description: 'her regions; empty for an admin (all)' }) regionIds: string[];
  @ApiProperty({ type: [String] }) municipalityIds: string[];
}
