import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { IsNested } from '../../../common/validation/decorators';
import { CostRates } from '../../../planning/costs/cost-rates';

/** Whole euro cents, 0 to € 100.000 (well within the database's integers). */
const IsCents = (description: string, example: number) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description}, in euro cents (default 0)`, example }),
    IsOptional(),
    IsInt({ message: '$property must be a whole number of euro cents' }),
    Min(0),
    Max(10_000_000),
  );

/** A cap in cents, or null (also when left out) for no cap. */
const IsCap = (description: string, example: number) =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${description}, in euro cents; null or left out: no cap`,
      example,
      nullable: true,
      type: Number,
    }),
    ValidateIf((_, value) => value !== null && value !== undefined),
    IsInt({ message: '$property must be a whole number of euro cents, or null' }),
    Min(0),
    Max(10_000_000),
  );

export class ChildcareContributionDto {
  @ApiPropertyOptional({
    description: "the family's own contribution as a share of the gross, 0–100 (default 0)",
    example: 10,
  })
  @IsOptional()
  @IsInt({ message: '$property must be a whole percentage from 0 to 100' })
  @Min(0)
  @Max(100)
  ownContributionPercent?: number;

  @IsCents('on top of the share: a fixed own contribution per hour of care', 50)
  ownContributionCentsPerHour?: number;
}

export class TravelRateDto {
  @IsCents('paid per trip (one way)', 250)
  centsPerTrip?: number;

  @IsCents('paid per km from home to the location', 19)
  centsPerKm?: number;
}

export class TravelRatesDto {
  @ApiPropertyOptional({ type: TravelRateDto, description: 'women who come by bus (public transport)' })
  @IsOptional()
  @IsNested(() => TravelRateDto)
  public?: TravelRateDto;

  @ApiPropertyOptional({ type: TravelRateDto, description: 'women who come by bike' })
  @IsOptional()
  @IsNested(() => TravelRateDto)
  bike?: TravelRateDto;
}

export class DriverRatesDto {
  @IsCents("a volunteer driver's allowance per km", 23)
  centsPerKm?: number;

  @IsCap('at most this much per driver in a calendar month', 15_000)
  monthlyCapCents?: number | null;

  @IsCap('at most this much per driver in a calendar year', 150_000)
  yearlyCapCents?: number | null;
}

export class TaxiRatesDto {
  @IsCents('a taxibus route, per km driven', 150)
  centsPerKm?: number;

  @IsCents('a taxibus route, per hour from departure to arrival', 3_000)
  centsPerHour?: number;
}

export class InterpreterRatesDto {
  @IsCents('an interpreter, per hour of session', 6_000)
  centsPerHour?: number;
}

/** A region's cost policy; every part is optional and a left-out rate is 0 (a left-out cap: none). */
export class CostRatesDto {
  @ApiPropertyOptional({ type: ChildcareContributionDto })
  @IsOptional()
  @IsNested(() => ChildcareContributionDto)
  childcare?: ChildcareContributionDto;

  @ApiPropertyOptional({ type: TravelRatesDto })
  @IsOptional()
  @IsNested(() => TravelRatesDto)
  travel?: TravelRatesDto;

  @ApiPropertyOptional({ type: DriverRatesDto })
  @IsOptional()
  @IsNested(() => DriverRatesDto)
  drivers?: DriverRatesDto;

  @ApiPropertyOptional({ type: TaxiRatesDto })
  @IsOptional()
  @IsNested(() => TaxiRatesDto)
  taxi?: TaxiRatesDto;

  @ApiPropertyOptional({ type: InterpreterRatesDto })
  @IsOptional()
  @IsNested(() => InterpreterRatesDto)
  interpreters?: InterpreterRatesDto;
}

/** The rates a DTO sets, with the left-out ones at 0 and no caps. */
export function costRatesOf(dto: CostRatesDto): CostRates {
  const travel = (rate?: TravelRateDto) => ({
    centsPerTrip: rate?.centsPerTrip ?? 0,
    centsPerKm: rate?.centsPerKm ?? 0,
  });
  return {
    childcare: {
      ownContributionPercent: dto.childcare?.ownContributionPercent ?? 0,
      ownContributionCentsPerHour: dto.childcare?.ownContributionCentsPerHour ?? 0,
    },
    travel: { public: travel(dto.travel?.public), bike: travel(dto.travel?.bike) },
    drivers: {
      centsPerKm: dto.drivers?.centsPerKm ?? 0,
      monthlyCapCents: dto.drivers?.monthlyCapCents ?? null,
      yearlyCapCents: dto.drivers?.yearlyCapCents ?? null,
    },
    taxi: { centsPerKm: dto.taxi?.centsPerKm ?? 0, centsPerHour: dto.taxi?.centsPerHour ?? 0 },
    interpreters: { centsPerHour: dto.interpreters?.centsPerHour ?? 0 },
  };
}
