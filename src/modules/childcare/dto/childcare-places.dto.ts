import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, registerDecorator, ValidationArguments } from 'class-validator';

/** Eighteen years: no child in care is older. */
export const MAX_AGE_MONTHS = 216;

/** This whole number must be at least the sibling field `lower` (both ends of a band are inclusive). */
function IsAtLeastField(lower: string) {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAtLeastField',
      target: object.constructor,
      propertyName: String(propertyName),
      constraints: [lower],
      options: {
        message: (args: ValidationArguments) =>
          `$property (${String(args.value)}) must be at least ${lower} (${String(
            (args.object as Record<string, unknown>)[lower],
          )})`,
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[lower];
          if (typeof value !== 'number' || typeof other !== 'number') return true;
          return value >= other;
        },
      },
    });
}

/** How many children of an age band a provider takes at once. */
export class ChildcarePlacesDto {
  @ApiProperty({ description: 'youngest age in whole months, inclusive', minimum: 0, example: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_AGE_MONTHS)
  minAgeMonths: number;

  @ApiProperty({ description: 'oldest age in whole months, inclusive', minimum: 0, example: 47 })
  @IsInt()
  @Min(0)
  @Max(MAX_AGE_MONTHS)
  @IsAtLeastField('minAgeMonths')
  maxAgeMonths: number;

  @ApiProperty({ description: 'children of this band at once', minimum: 0, example: 6 })
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity: number;
}

type Places = Pick<ChildcarePlacesDto, 'minAgeMonths' | 'maxAgeMonths' | 'capacity'>;

/** Places in a stable order, as the API answers them and as they are compared. */
export const sortPlaces = (places: Places[]): ChildcarePlacesDto[] =>
  places
    .map(({ minAgeMonths, maxAgeMonths, capacity }) => ({ minAgeMonths, maxAgeMonths, capacity }))
    .sort(
      (a, b) => a.minAgeMonths - b.minAgeMonths || a.maxAgeMonths - b.maxAgeMonths || a.capacity - b.capacity,
    );

export const samePlaces = (a: Places[], b: Places[]): boolean =>
  JSON.stringify(sortPlaces(a)) === JSON.stringify(sortPlaces(b));
