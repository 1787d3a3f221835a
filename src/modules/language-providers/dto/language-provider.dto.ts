import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsUUID } from 'class-validator';
import { IsRef, IsText } from '../../../common/validation/decorators';
import { LanguageProvider } from '../language-provider.entity';

export class CreateLanguageProviderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Taalschool Oost' })
  name: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'email',
    description: 'where timetable questions and conflict letters go',
  })
  @IsOptional()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  email?: string | null;
}

/** Null is refused for the name (skipNullProperties: false) and clears the e-mail address. */
export class UpdateLanguageProviderDto extends PartialType(
  PickType(CreateLanguageProviderDto, ['ref', 'name', 'email'] as const),
  { skipNullProperties: false },
) {}

export class LanguageProviderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;

  static from(provider: LanguageProvider): LanguageProviderDto {
    const { id, regionId, ref, name, email } = provider;
    return { id, regionId, ref, name, email };
  }
}
