import { DataSource } from 'typeorm';

/** Any fixed number: instances of the service that start together take turns on this lock. */
const MIGRATION_LOCK = 7_201_771;

/**
 * Applies pending migrations while holding a session advisory lock, so that several instances started at
 * once on one database do not race each other; the later ones find nothing left to do.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
