import { plainToInstance, Transform } from 'class-transformer';
import { parseExpression } from 'cron-parser';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
/**
 * Five cron fields (minute hour day month weekday), as pg-boss's scheduler takes them: a period of a minute at
 * least (a sixth field, for seconds, would be read by it but not kept to).
 */
const FIVE_CRON_FIELDS = /^\s*[\d*/,-]+(\s+[\d*/,-]+){4}\s*$/;
/** Five fields whose values are in range too (`99 * * * *` has the shape, and pg-boss would refuse it at start). */
export function isCronExpression(value: unknown): boolean {
  if (typeof value !== 'string' || !FIVE_CRON_FIELDS.test(value)) return false;
  try {
    parseExpression(value);
    return true;
  } catch {
    return false;
  }
}

@ValidatorConstraint({ name: 'isCronExpression' })
class IsCronExpression implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCronExpression(value);
  }
}
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : value;

/** A browser origin as the `Origin` header carries it: scheme, host and port, no path and no trailing slash. */
@ValidatorConstraint({ name: 'isOriginList' })
class IsOriginList implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return Array.isArray(value) && value.every((item) => isOrigin(item));
  }

  defaultMessage(args: ValidationArguments): string {
    const bad = Array.isArray(args.value) ? args.value.filter((item) => !isOrigin(item)) : [args.value];
    return (
      `${args.property} must be a comma-separated list of origins such as https://planning.example.nl ` +
      `(scheme and host, no path); not an origin: ${bad.map((item) => JSON.stringify(item)).join(', ')}`
    );
  }
}

function isOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * Every environment variable the service reads. Validated once at start; a bad value stops the start
 * with a message that names the variable. `.env.example` lists them with their defaults.
 */
export class Environment {
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Any PostgreSQL; when unset the service starts an embedded one. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  TREFPUNT_DATA_DIR = './.data/pg';

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'TREFPUNT_EMBEDDED_PG_PORT must be a whole number' })
  @Min(1024)
  @Max(65535)
  TREFPUNT_EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'TREFPUNT_DEMO_DATA must be true or false' })
  TREFPUNT_DEMO_DATA = true;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'TREFPUNT_ADMIN_TOKEN must be at least 16 characters' })
  TREFPUNT_ADMIN_TOKEN?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  /** Where the JSON logs go; stdout when unset. The file is appended to (and its folder made). */
  @IsOptional()
  @IsString({ message: 'TREFPUNT_LOG_FILE must be a file path' })
  TREFPUNT_LOG_FILE?: string;

  /**
   * At SIGTERM or SIGINT, how long the requests under way may take to finish before the database closes;
   * new requests are refused with 503 meanwhile.
   */
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'TREFPUNT_SHUTDOWN_GRACE_SECONDS must be a whole number (seconds)' })
  @Min(0, { message: 'TREFPUNT_SHUTDOWN_GRACE_SECONDS must be 0 or more' })
  @Max(600, { message: 'TREFPUNT_SHUTDOWN_GRACE_SECONDS must be at most 600' })
  TREFPUNT_SHUTDOWN_GRACE_SECONDS = 25;

  /** Requests per minute that one bearer token may make, counted on the SHA-256 of the token. */
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'TREFPUNT_RATE_LIMIT_PER_TOKEN must be a whole number (requests per minute)' })
  @Min(1, { message: 'TREFPUNT_RATE_LIMIT_PER_TOKEN must be at least 1 (requests per minute)' })
  TREFPUNT_RATE_LIMIT_PER_TOKEN = 600;

  /** Requests per minute from one client address, with or without a token. */
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'TREFPUNT_RATE_LIMIT_PER_ADDRESS must be a whole number (requests per minute)' })
  @Min(1, { message: 'TREFPUNT_RATE_LIMIT_PER_ADDRESS must be at least 1 (requests per minute)' })
  TREFPUNT_RATE_LIMIT_PER_ADDRESS = 1200;

  /**
   * How many reverse proxies stand in front of the service. Each adds the address it saw to X-Forwarded-For;
   * the client address (for the per-address limit) is taken that many hops from the right. 0: the address of
   * the connection itself, and X-Forwarded-For is ignored (a client could forge it).
   */
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'TREFPUNT_TRUSTED_PROXIES must be a whole number (reverse proxies in front)' })
  @Min(0, { message: 'TREFPUNT_TRUSTED_PROXIES must be 0 or more' })
  @Max(10, { message: 'TREFPUNT_TRUSTED_PROXIES must be at most 10' })
  TREFPUNT_TRUSTED_PROXIES = 0;

  /** Browser origins that may call the API (CORS). Empty: CORS stays off and browsers allow same-origin only. */
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'TREFPUNT_CORS_ORIGINS must be a comma-separated list of origins' })
  @Validate(IsOriginList)
  TREFPUNT_CORS_ORIGINS: string[] = [];

  /** Where participants and drivers reach the service: the start of the links in messages and feeds. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/@?#\s]+(\/[^?#\s]*)?$/, {
    message:
      'TREFPUNT_PUBLIC_URL must be an http(s) URL such as https://trefpunt.example.nl (no query, fragment or credentials)',
  })
  TREFPUNT_PUBLIC_URL?: string;

  /** The local time the evening-before reminders go out, HH:MM in the region's time zone. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'TREFPUNT_REMINDER_EVENING_AT must be a time as HH:MM' })
  TREFPUNT_REMINDER_EVENING_AT = '18:00';

  /** The local time the morning-of reminders go out, HH:MM. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'TREFPUNT_REMINDER_MORNING_AT must be a time as HH:MM' })
  TREFPUNT_REMINDER_MORNING_AT = '07:00';

  /** No message is sent between these local times (HH:MM-HH:MM, may span midnight); they wait until the end. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'TREFPUNT_QUIET_HOURS must be two times as HH:MM-HH:MM, e.g. 21:00-07:00',
  })
  TREFPUNT_QUIET_HOURS = '21:00-07:00';

  /**
   * Whether the reminder job runs on its timer: put on pg-boss's schedule by this instance when it has job workers,
   * taken off it when false. One run per period over all instances on the database.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'TREFPUNT_REMINDERS must be true or false' })
  TREFPUNT_REMINDERS = true;

  /** When the reminder job runs: five cron fields in Europe/Amsterdam, at most once a minute (pg-boss). */
  @IsOptional()
  @Validate(IsCronExpression, {
    message: 'TREFPUNT_REMINDERS_CRON must be a cron expression of five fields, e.g. */5 * * * *',
  })
  TREFPUNT_REMINDERS_CRON = '*/5 * * * *';
}

export class InvalidEnvironmentError extends Error {}

/** Validates `raw` (normally `process.env`) and returns the typed environment, or throws naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new InvalidEnvironmentError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return environment;
}
