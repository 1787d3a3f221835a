import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, IsRef, IsText, WeeklyWindowDto } from '../../../common/validation/decorators';
import { Interpreter } from '../interpreter.entity';

/** An ISO 639-1 (`ar`) or ISO 639-2/3 (`tir`) language code, lowercase. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const LANGUAGE_MESSAGE = '$property must hold ISO 639 codes of 2 or 3 lowercase letters, e.g. "ar" or "tir"';

export class CreateInterpreterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Amina' })
  name: string;

  @ApiProperty({ type: [String], example: ['ar', 'tir'], description: 'ISO 639 codes; at least one' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(LANGUAGE_CODE, { each: true, message: LANGUAGE_MESSAGE })
  languages: string[];

  @ApiPropertyOptional({ type: [WeeklyWindowDto], default: [], description: 'when she can interpret' })
  @IsOptional()
  @IsArray()
  @IsNested(() => WeeklyWindowDto, { each: true })
  availability?: WeeklyWindowDto[];
}

export class UpdateInterpreterDto extends PartialType(
  OmitType(CreateInterpreterDto, ['regionId'] as const),
) {}

export class InterpreterListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ description: 'only interpreters who speak this language (ISO 639)', example: 'ar' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: '$property must be an ISO 639 code of 2 or 3 lowercase letters' })
  language?: string;
}

export class InterpreterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [WeeklyWindowDto] }) availability: WeeklyWindowDto[];

  static from(interpreter: Interpreter): InterpreterDto {
    const { id, regionId, ref, name, languages } = interpreter;
    return {
      id,
      regionId,
      ref,
      name,
      languages: [...languages],
      availability: sortWindows(interpreter.availability ?? []),
    };
  }
}
