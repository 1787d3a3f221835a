import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { EXTRA_ROLES } from '../../../planning/scheduling/model';

/** The roles a programme's or a phase's sessions need beside the trainer and interpreters; optional. */
export const IsRoleList = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ enum: EXTRA_ROLES, isArray: true, example: ['co-trainer'], description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    IsIn(EXTRA_ROLES, { each: true, message: `$property must hold roles of ${EXTRA_ROLES.join(', ')}` }),
  );
