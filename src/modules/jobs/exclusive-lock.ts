import { DataSource, QueryRunner } from 'typeorm';

/** Any fixed number: the first half of the advisory lock key of jobs, apart from the migrations' lock. */
const JOB_LOCKS = 7_201_772;

/** A lock held for one job; released with its connection, also when the instance dies. */
export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the session advisory lock of `key` (e.g. `region:<id>`) on a connection of its own, or answers
 * undefined when another job holds it. PostgreSQL drops the lock with the connection, so a killed instance
 * leaves no lock behind.
 */
export async function tryExclusiveLock(dataSource: DataSource, key: string): Promise<HeldLock | undefined> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
      JOB_LOCKS,
      key,
    ])) as { locked: boolean }[];
    if (!locked) {
      await runner.release();
      return undefined;
    }
  } catch (error) {
    await runner.release();
    throw error;
  }
  return {
    release: async () => {
      try {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [JOB_LOCKS, key]);
      } finally {
        await runner.release();
      }
    },
  };
}
