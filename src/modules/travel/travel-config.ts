import { plainToInstance, Transform } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  Validate,
  ValidateBy,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { InvalidEnvironmentError } from '../../../config/environment';
import { DEFAULT_TRAVEL_MODEL, OfflineTravelModel } from '../../planning/travel/offline-travel';
import { DEFAULT_TRANSIT_MODEL, TransitTravelModel } from '../../planning/travel/transit-travel';
import { formatHeadways, formatSpeedBands, parseHeadways, parseSpeedBands } from './speed-bands';

const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;

/**
 * A variable `parse` reads without objecting: the message shows `shape` and what `parse` objected to. Speed
 * bands and headways are both read so.
 */
const parsedBy = (name: string, parse: (value: string) => unknown, shape: string): PropertyDecorator => {
  const problem = (value: string): string | undefined => {
    try {
      parse(value);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && problem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) => {
        const { property, value } = args!;
        return `${property} must be ${shape}; ${typeof value === 'string' ? problem(value) : 'it is not text'}`;
      },
    },
  });
};

const IsSpeedBands = () =>
  parsedBy('isSpeedBands', parseSpeedBands, 'speed bands such as 5:25,20:45,*:70 (up to km : km/h)');
const IsHeadways = () =>
  parsedBy('isHeadways', parseHeadways, 'headways such as 10:15,*:30 (up to km : minutes between buses)');

/** The messages of a number variable that must lie in a range. */
const numberFrom = (name: string, min: number, max: number, unit: string) => {
  const message = `${name} must be a number from ${min} to ${max} (${unit})`;
  return [IsNumber({}, { message }), Min(min, { message }), Max(max, { message })];
};
const applyAll =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

@ValidatorConstraint({ name: 'isHttpUrl' })
class IsHttpUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an http(s) URL such as https://maps.googleapis.com`;
  }
}

/**
 * The environment variables of travel times, validated at start like config/environment.ts does for the rest
 * (they belong there; they live here while that file is being changed by others).
 */
export class TravelEnvironment {
  /** Unset: every travel time comes from the offline model and no address or position leaves the service. */
  @IsOptional()
  @IsString()
  GOOGLE_MAPS_API_KEY?: string;

  /** Where the Google Maps web services answer; tests point it at a local fake. */
  @IsOptional()
  @Validate(IsHttpUrl)
  GOOGLE_MAPS_BASE_URL = 'https://maps.googleapis.com';

  /** Further tries of a request that Google answered with a rate limit or a server error. */
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'GOOGLE_MAPS_RETRIES must be a whole number from 0 to 10' })
  @Min(0, { message: 'GOOGLE_MAPS_RETRIES must be a whole number from 0 to 10' })
  @Max(10, { message: 'GOOGLE_MAPS_RETRIES must be a whole number from 0 to 10' })
  GOOGLE_MAPS_RETRIES = 3;

  /** The wait before the first retry; each next one waits twice as long. */
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'GOOGLE_MAPS_RETRY_DELAY_MS must be a whole number of milliseconds from 0 to 60000' })
  @Min(0, { message: 'GOOGLE_MAPS_RETRY_DELAY_MS must be a whole number of milliseconds from 0 to 60000' })
  @Max(60000, {
    message: 'GOOGLE_MAPS_RETRY_DELAY_MS must be a whole number of milliseconds from 0 to 60000',
  })
  GOOGLE_MAPS_RETRY_DELAY_MS = 500;

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'GOOGLE_MAPS_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000' })
  @Min(100, { message: 'GOOGLE_MAPS_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000' })
  @Max(120000, {
    message: 'GOOGLE_MAPS_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000',
  })
  GOOGLE_MAPS_TIMEOUT_MS = 10000;

  /**
   * Days a travel time from Google is reused before it is asked again. Google's terms limit how long its
   * content may be kept; 30 days is their usual bound.
   */
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'GOOGLE_MAPS_CACHE_DAYS must be a whole number of days from 0 to 30' })
  @Min(0, { message: 'GOOGLE_MAPS_CACHE_DAYS must be a whole number of days from 0 to 30' })
  @Max(30, { message: 'GOOGLE_MAPS_CACHE_DAYS must be a whole number of days from 0 to 30' })
  GOOGLE_MAPS_CACHE_DAYS = 30;

  @IsOptional()
  @Transform(toNumber)
  @IsNumber({}, { message: 'TREFPUNT_TRAVEL_DETOUR_FACTOR must be a number from 1 to 3 (road km per km)' })
  @Min(1, { message: 'TREFPUNT_TRAVEL_DETOUR_FACTOR must be a number from 1 to 3 (road km per km)' })
  @Max(3, { message: 'TREFPUNT_TRAVEL_DETOUR_FACTOR must be a number from 1 to 3 (road km per km)' })
  TREFPUNT_TRAVEL_DETOUR_FACTOR = DEFAULT_TRAVEL_MODEL.detourFactor;

  @IsOptional()
  @IsSpeedBands()
  TREFPUNT_TRAVEL_SPEEDS = formatSpeedBands(DEFAULT_TRAVEL_MODEL.speeds);

  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'TREFPUNT_TRAVEL_FIXED_MINUTES must be a whole number of minutes from 0 to 60' })
  @Min(0, { message: 'TREFPUNT_TRAVEL_FIXED_MINUTES must be a whole number of minutes from 0 to 60' })
  @Max(60, { message: 'TREFPUNT_TRAVEL_FIXED_MINUTES must be a whole number of minutes from 0 to 60' })
  TREFPUNT_TRAVEL_FIXED_MINUTES = DEFAULT_TRAVEL_MODEL.fixedMinutes;

  // The offline public-transport model (women whose transport is 'public'); README "Travel by public transport".
  @IsOptional()
  @Transform(toNumber)
  @applyAll(numberFrom('TREFPUNT_TRANSIT_WALK_KMH', 2, 8, 'km/h on foot'))
  TREFPUNT_TRANSIT_WALK_KMH = DEFAULT_TRANSIT_MODEL.walkKmPerHour;

  @IsOptional()
  @Transform(toNumber)
  @applyAll(numberFrom('TREFPUNT_TRANSIT_STOP_WALK_KM', 0, 3, 'km from the door to a stop'))
  TREFPUNT_TRANSIT_STOP_WALK_KM = DEFAULT_TRANSIT_MODEL.stopWalkKm;

  @IsOptional()
  @Transform(toNumber)
  @applyAll(numberFrom('TREFPUNT_TRANSIT_DETOUR_FACTOR', 1, 3, 'line km per km'))
  TREFPUNT_TRANSIT_DETOUR_FACTOR = DEFAULT_TRANSIT_MODEL.detourFactor;

  @IsOptional()
  @IsSpeedBands()
  TREFPUNT_TRANSIT_SPEEDS = formatSpeedBands(DEFAULT_TRANSIT_MODEL.speeds);

  @IsOptional()
  @IsHeadways()
  TREFPUNT_TRANSIT_HEADWAYS = formatHeadways(DEFAULT_TRANSIT_MODEL.headways);

  @IsOptional()
  @Transform(toNumber)
  @applyAll(numberFrom('TREFPUNT_TRANSIT_TRANSFER_BEYOND_KM', 1, 500, 'line km'))
  TREFPUNT_TRANSIT_TRANSFER_BEYOND_KM = DEFAULT_TRANSIT_MODEL.transferBeyondKm;

  @IsOptional()
  @Transform(toNumber)
  @applyAll(numberFrom('TREFPUNT_TRANSIT_TRANSFER_MINUTES', 0, 60, 'minutes per change'))
  TREFPUNT_TRANSIT_TRANSFER_MINUTES = DEFAULT_TRANSIT_MODEL.transferMinutes;
}

export interface GoogleMapsSettings {
  apiKey: string;
  /** Without a trailing slash. */
  baseUrl: string;
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
}

/** What the travel module needs, read once at start. */
export class TravelConfig {
  constructor(
    readonly offlineModel: OfflineTravelModel,
    /** For women who travel by public transport, when Google does not answer. */
    readonly transitModel: TransitTravelModel,
    /** Null when no API key is configured: then nothing goes to Google. */
    readonly google: GoogleMapsSettings | null,
    /**
     * How long Google's answers are kept (GOOGLE_MAPS_CACHE_DAYS), read with or without a key: the nightly
     * clean-up may run on an instance without one, and must keep what the others stored.
     */
    readonly keptDays: number,
  ) {}
}

/** Validates `raw` (normally `process.env`), or throws naming every bad variable. */
export function readTravelConfig(raw: Record<string, unknown>): TravelConfig {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(TravelEnvironment, present, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new InvalidEnvironmentError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const offlineModel: OfflineTravelModel = {
    detourFactor: environment.TREFPUNT_TRAVEL_DETOUR_FACTOR,
    speeds: parseSpeedBands(environment.TREFPUNT_TRAVEL_SPEEDS),
    fixedMinutes: environment.TREFPUNT_TRAVEL_FIXED_MINUTES,
  };
  const transitModel: TransitTravelModel = {
    walkKmPerHour: environment.TREFPUNT_TRANSIT_WALK_KMH,
    // Walking follows the roads.
    walkDetourFactor: offlineModel.detourFactor,
    stopWalkKm: environment.TREFPUNT_TRANSIT_STOP_WALK_KM,
    detourFactor: environment.TREFPUNT_TRANSIT_DETOUR_FACTOR,
    speeds: parseSpeedBands(environment.TREFPUNT_TRANSIT_SPEEDS),
    headways: parseHeadways(environment.TREFPUNT_TRANSIT_HEADWAYS),
    transferBeyondKm: environment.TREFPUNT_TRANSIT_TRANSFER_BEYOND_KM,
    transferMinutes: environment.TREFPUNT_TRANSIT_TRANSFER_MINUTES,
  };
  const apiKey = environment.GOOGLE_MAPS_API_KEY?.trim();
  const google = apiKey
    ? {
        apiKey,
        baseUrl: environment.GOOGLE_MAPS_BASE_URL.replace(/\/+$/, ''),
        retries: environment.GOOGLE_MAPS_RETRIES,
        retryDelayMs: environment.GOOGLE_MAPS_RETRY_DELAY_MS,
        timeoutMs: environment.GOOGLE_MAPS_TIMEOUT_MS,
      }
    : null;
  return new TravelConfig(offlineModel, transitModel, google, environment.GOOGLE_MAPS_CACHE_DAYS);
}
