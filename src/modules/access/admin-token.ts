import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Environment } from '../../../config/environment';

/** The admin token in force, or undefined when there is none. */
export class AdminToken {
  constructor(readonly value: string | undefined) {}
}

/**
 * TREFPUNT_ADMIN_TOKEN when set. Otherwise, for the embedded database of a local trial, a random token kept in
 * `admin-token` beside the data folder, so that `npm start` gives a usable API without a secret in any log.
 * With DATABASE_URL and no TREFPUNT_ADMIN_TOKEN there is no admin token at all.
 */
export function resolveAdminToken(environment: Environment): AdminToken {
  if (environment.TREFPUNT_ADMIN_TOKEN) return new AdminToken(environment.TREFPUNT_ADMIN_TOKEN);
  const logger = new Logger('Access');
  if (environment.DATABASE_URL) {
    logger.warn('TREFPUNT_ADMIN_TOKEN is not set: the API refuses every request but /health and /docs');
    return new AdminToken(undefined);
  }
  const file = join(dirname(resolve(environment.TREFPUNT_DATA_DIR)), 'admin-token');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  logger.log(`TREFPUNT_ADMIN_TOKEN is not set: the admin token for this trial is in ${file}`);
  return new AdminToken(readFileSync(file, 'utf8').trim());
}
