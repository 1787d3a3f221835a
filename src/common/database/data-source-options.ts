import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** The project's root: the checkout when run from TypeScript, `dist/` when run from the build. */
const ROOT = join(__dirname, '..', '..', '..');

export const MIGRATIONS_DIR = join(ROOT, 'migrations');

/** The options shared by the service, the migration commands and the tests. Never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13 and later: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: [join(MIGRATIONS_DIR, '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    extra: { max: 10 },
  };
}

/** Every entity file, for generating migrations (the service itself registers entities per module). */
export const ENTITY_GLOB = join(ROOT, 'src', 'modules', '**', '*.entity.{ts,js}');
