import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
  ValidationArguments,
  ValidateIf,
} from 'class-validator';
import { DateTime } from 'luxon';
import { RegionListQueryDto } from '../../../common/api/page';
import { IsAfterField, IsCalendarDate, IsRef } from '../../../common/validation/decorators';
import { instantToLocal, instantToLocalIso } from '../../../planning/time/wall-clock';
import { Session, SESSION_STATUSES } from '../session.entity';
import type { SessionStatus } from '../session.entity';
import { isGiven } from './is-given';
import { EXTRA_ROLES } from '../../../planning/scheduling/model';
import type { ExtraRole } from '../../../planning/scheduling/model';

/** An instant: date and time WITH its offset or Z, so that it means one moment whatever the zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant an ISO 8601 text with an offset names, or undefined when it names none. */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

const INSTANT_MESSAGE =
  '$property must be an ISO 8601 date and time with an offset or Z, e.g. 2027-03-29T09:30:00+02:00';

const IsInstant = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({
      format: 'date-time',
      example: '2027-03-29T09:30:00+02:00',
      ...options,
    } as ApiPropertyOptions),
    (object: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isInstant',
        target: object.constructor,
        propertyName: String(propertyName),
        options: { message: INSTANT_MESSAGE },
        validator: { validate: (value: unknown) => parseInstant(value) !== undefined },
      }),
  );

/** This instant must come after the sibling instant `earlier`; compared as moments, not as text. */
function IsAfterInstant(earlier: string) {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAfterInstant',
      target: object.constructor,
      propertyName: String(propertyName),
      constraints: [earlier],
      options: {
        message: (args: ValidationArguments) =>
          `$property (${String(args.value)}) must be after ${earlier} (${String(
            (args.object as Record<string, unknown>)[earlier],
          )})`,
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const end = parseInstant(value);
          const start = parseInstant((args.object as Record<string, unknown>)[earlier]);
          return !end || !start || end > start;
        },
      },
    });
}

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @ApiProperty({ format: 'uuid', description: 'a group of the same region' })
  @IsUUID()
  groupId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "a location of the same region; the group's by default",
  })
  @ValidateIf(isGiven)
  @IsUUID()
  locationId?: string;

  @IsInstant({ example: '2027-03-29T09:30:00+02:00' })
  start: string;

  @IsInstant({ example: '2027-03-29T11:30:00+02:00' })
  @IsAfterInstant('start')
  end: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "who leads it: one of the group's trainers",
  })
  @IsOptional()
  @IsUUID()
  trainerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    default: [],
    description: 'interpreters of the same region, each once',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  interpreterIds?: string[];

  @ApiPropertyOptional({ enum: SESSION_STATUSES, default: 'planned' })
  @ValidateIf(isGiven)
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;
}

/** Null is refused for required fields (skipNullProperties: false) and clears the optional ones. */
export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['regionId'] as const), {
  skipNullProperties: false,
}) {}

export class SessionListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ description: "the group's id or ref" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  group?: string;

  @IsOptional()
  @IsCalendarDate({
    required: false,
    description: "sessions that start on or after this date, in the region's time zone",
  })
  from?: string;

  @IsOptional()
  @IsCalendarDate({
    required: false,
    description: "sessions that start on or before this date (inclusive), in the region's time zone",
  })
  @IsAfterField('from', { orEqual: true })
  to?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({ format: 'date', description: "the local date it starts on, in the region's time zone" })
  date: string;
  @ApiProperty({
    format: 'date-time',
    example: '2027-03-29T09:30:00+02:00',
    description: "in the region's time zone, with the offset in force then",
  })
  start: string;
  @ApiProperty({ format: 'date-time', example: '2027-03-29T11:30:00+02:00' }) end: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) trainerId: string | null;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'sorted' })
  interpreterIds: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { role: { type: 'string' }, staffMemberId: { type: 'string' } } },
    description: 'who takes the other roles (co-trainer, experience expert, childcare volunteer), by role',
  })
  roles: { role: ExtraRole; staffMemberId: string }[];
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;

  static from(session: Session, timezone: string): SessionDto {
    const { id, regionId, ref, groupId, locationId, trainerId, status } = session;
    return {
      id,
      regionId,
      ref,
      groupId,
      locationId,
      date: instantToLocal(session.start, timezone).date,
      start: instantToLocalIso(session.start, timezone),
      end: instantToLocalIso(session.end, timezone),
      trainerId,
      interpreterIds: (session.interpreters ?? []).map((interpreter) => interpreter.id).sort(),
      roles: rolesOf(session),
      status,
    };
  }
}

/** A session's role holders, by role in the planner's order and then by person. */
export const rolesOf = (session: Session): { role: ExtraRole; staffMemberId: string }[] =>
  (session.roles ?? [])
    .map(({ role, staffMemberId }) => ({ role, staffMemberId }))
    .sort(
      (a, b) =>
        EXTRA_ROLES.indexOf(a.role) - EXTRA_ROLES.indexOf(b.role) ||
        a.staffMemberId.localeCompare(b.staffMemberId),
    );
