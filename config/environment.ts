import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
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
