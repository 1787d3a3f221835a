import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 1000;

/** Far past the end of any list, and still exact as a number and as PostgreSQL's OFFSET (a bigint). */
export const MAX_OFFSET = 1_000_000_000;

/** `?limit=&offset=` of every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

/** Lists that can be narrowed to the record with a given scenario id. */
export class RefListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'the scenario id the record was imported with' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ref?: string;
}

/** Lists of records that belong to a region, imported from a scenario or not. */
export class RegionListQueryDto extends RefListQueryDto {
  @ApiPropertyOptional({ description: "the region's id or ref, e.g. `berkelland`" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string;
}

/** Lists that can also be narrowed to one municipality (its id or ref). */
export class MunicipalListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ description: "the municipality's id or ref" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  municipality?: string;
}

/** The answer of every list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** OpenAPI for `{ items: T[], total }`. */
export const ApiPageResponse = (model: ClassType<unknown>) =>
  applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          total: { type: 'integer' },
        },
      },
    }),
  );
