import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { toE164 } from './phone-number';

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A wall-clock time of day, `HH:MM`, 24-hour. */
export const IsTimeOfDay = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ example: '09:30', pattern: TIME_OF_DAY.source, ...options } as ApiPropertyOptions),
    Matches(TIME_OF_DAY, { message: '$property must be a time of day as HH:MM' }),
  );

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 February). */
export const IsCalendarDate = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ example: '2027-01-11', format: 'date', ...options } as ApiPropertyOptions),
    Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' }),
    IsExistingDate(),
  );

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const IsWeekday = () =>
  applyDecorators(
    ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday', example: 1 }),
    IsInt({ message: '$property must be a whole number from 1 (Monday) to 7 (Sunday)' }),
    Min(1, { message: '$property must be a whole number from 1 (Monday) to 7 (Sunday)' }),
    Max(7, { message: '$property must be a whole number from 1 (Monday) to 7 (Sunday)' }),
  );

/** An amount in euros, with at most two decimals, from 0 to `max` (a price, not a number the database overflows on). */
export const IsEuros = (max: number) =>
  applyDecorators(
    IsNumber(
      { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
      { message: '$property must be a number with at most 2 decimals' },
    ),
    Min(0),
    Max(max),
  );

/** A nested object (or array of objects) validated by its own class; required unless marked @IsOptional(). */
export const IsNested = (type: () => new () => object, options: { each?: boolean } = {}) =>
  applyDecorators(
    IsDefined({ message: '$property is required' }),
    ValidateNested({ each: options.each, message: '$property must be an object' }),
    Type(type),
  );

function IsExistingDate(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isExistingDate',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: '$property is not a date that exists', ...validationOptions },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !ISO_DATE.test(value)) return true;
          const date = new Date(`${value}T00:00:00Z`);
          return date.toISOString().slice(0, 10) === value;
        },
      },
    });
}

/**
 * This field (a time of day or a date, compared as text) must come after the sibling field `earlier`:
 * `to` after `from`, `validTo` on or after `validFrom` (with `orEqual`).
 */
export function IsAfterField(earlier: string, options: { orEqual?: boolean } = {}) {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAfterField',
      target: object.constructor,
      propertyName: String(propertyName),
      constraints: [earlier],
      options: {
        message: (args: ValidationArguments) =>
          `$property (${String(args.value)}) must be ${options.orEqual ? 'on or after' : 'after'} ${earlier} (${String(
            (args.object as Record<string, unknown>)[earlier],
          )})`,
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[earlier];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          return options.orEqual ? value >= other : value > other;
        },
      },
    });
}

/** A WGS84 position. */
export class PositionDto {
  @ApiProperty({ example: 52.1158, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number of degrees' })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 6.5215, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number of degrees' })
  @Min(-180)
  @Max(180)
  lon: number;
}

/** A weekly window of wall-clock time: opening hours, availability, school hours. */
export class WeeklyWindowDto {
  @IsWeekday()
  weekday: number;

  @IsTimeOfDay()
  from: string;

  @IsTimeOfDay({ example: '17:00' })
  @IsAfterField('from')
  to: string;
}

/** The optional scenario id of a record (`ref`), unique within its list in the region. */
export const IsRef = () =>
  applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      type: String,
      example: 'p1',
      description: 'the scenario id; unique in the region',
    }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );

/** A required display text: a name, an address. */
export const IsText = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty(options),
    IsString(),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(500),
  );

const PHONE_MESSAGE =
  '$property must be a phone number in use, e.g. 06 12345678 or +31 6 12345678 (without a country code it is taken as Dutch)';

/**
 * A phone number as anybody types it, stored as E.164 (`+31612345678`, see toE164): `06-1111 2222` and
 * `+31 6 11112222` are one number. A number neither in use nor shaped like a mobile number is refused.
 */
export const IsPhoneNumber = () =>
  applyDecorators(
    // Normalised before validation, so that what is validated is what is stored.
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? (toE164(value) ?? value) : value,
    ),
    IsString(),
    (object: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isPhoneNumber',
        target: object.constructor,
        propertyName: String(propertyName),
        options: { message: PHONE_MESSAGE },
        validator: { validate: (value: unknown) => typeof value === 'string' && toE164(value) === value },
      }),
  );
