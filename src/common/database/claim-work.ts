import { EntityManager } from 'typeorm';

/**
 * Claims a piece of timed work (a job for one key, e.g. the reminders of one region) for the transaction of the
 * manager: true when no other transaction, on this instance or another, holds it. The claim ends with the
 * transaction, so a crashed instance never leaves work claimed.
 */
export async function claimWork(manager: EntityManager, job: string, key: string): Promise<boolean> {
  const [row] = await manager.query(
    'SELECT pg_try_advisory_xact_lock(hashtext($1::text), hashtext($2::text)) AS claimed',
    [job, key],
  );
  return row.claimed === true;
}
