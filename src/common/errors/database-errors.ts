import { ConflictException, BadRequestException, HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

interface PostgresError {
  code?: string;
  message?: string;
  constraint?: string;
  detail?: string;
  table?: string;
  column?: string;
}

/** Human messages for the CHECK and EXCLUDE constraints of the schema, by name; the schema stays the guard. */
const CHECK_MESSAGES: Record<string, string> = {};

/** Lets a module explain its own CHECK constraints to the API's users. */
export function describeCheckConstraints(messages: Record<string, string>): void {
  Object.assign(CHECK_MESSAGES, messages);
}

const columnsOf = (detail?: string): string[] => {
  const match = /^Key \(([^)]*)\)/.exec(detail ?? '');
  return match
    ? match[1]
        .split(',')
        .map((column) => column.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()))
    : [];
};

/**
 * Turns a violated database constraint into the 4xx the API user should see. The values in the server's
 * detail are not repeated: they may be personal data. Returns undefined for errors that are not the user's.
 */
export function httpErrorForDatabase(error: unknown): HttpException | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const pg = error.driverError as PostgresError;
  switch (pg.code) {
    case '23505': {
      const columns = columnsOf(pg.detail).filter((column) => column !== 'regionId');
      return new ConflictException(`${columns.join(', ') || pg.constraint}: already in use (must be unique)`);
    }
    case '23503': {
      if (/is still referenced/.test(pg.detail ?? '')) {
        return new ConflictException(
          `still in use by ${pg.table ?? 'other records'}: remove or move those first`,
        );
      }
      const [column] = columnsOf(pg.detail);
      return new BadRequestException(`${column ?? pg.constraint}: refers to a record that does not exist`);
    }
    case '23514':
      return new BadRequestException(
        CHECK_MESSAGES[pg.constraint ?? ''] ?? `violates the rule ${pg.constraint}`,
      );
    // Exclusion constraints, as the childcare age bands that must not overlap: explained like the checks.
    case '23P01':
      return new ConflictException(
        CHECK_MESSAGES[pg.constraint ?? ''] ?? `conflicts with another record (rule ${pg.constraint})`,
      );
    case '23502':
      return new BadRequestException(`${pg.column ?? 'a field'}: is required`);
    // Raised by the schema's own rules (e.g. childcare places), with a message written for the API's users.
    case 'TPC01':
      return new ConflictException(pg.message);
    case '40P01':
    case '40001':
      return new ConflictException('changed by someone else at the same moment: try again');
    case '22P02':
    case '22007':
    case '22008':
      return new BadRequestException('a value has the wrong form');
    default:
      return undefined;
  }
}
