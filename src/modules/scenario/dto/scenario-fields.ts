import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNested } from '../../../common/validation/decorators';

/** An id in a scenario: unique within its list in the region; references use it. */
export const IsScenarioId = (example = 'p1') =>
  applyDecorators(
    ApiProperty({ example }),
    IsString(),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(200),
  );

/** A reference to an id elsewhere in the document (checked against that list after the shape is valid). */
export const IsScenarioReference = IsScenarioId;

/** A required list of nested objects, each validated by its own class. */
export const IsListOf = (type: () => new () => object) =>
  applyDecorators(ApiProperty({ type: () => [type()] }), IsArray(), IsNested(type, { each: true }));

export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
export const IsLanguageCode = () =>
  applyDecorators(
    ApiProperty({ example: 'ar', description: 'ISO 639 code' }),
    Matches(LANGUAGE_CODE, { message: '$property must be an ISO 639 language code such as "ar" or "prs"' }),
  );

/** A list of references to ids elsewhere in the document. */
export const IsScenarioReferences = (example = 'p1') =>
  applyDecorators(
    ApiProperty({ type: [String], example: [example] }),
    IsArray(),
    IsString({ each: true }),
    MinLength(1, { each: true, message: '$property must not hold an empty id' }),
  );
