import { MigrationInterface, QueryRunner } from 'typeorm';

/** Queues made by this migration, with the options pg-boss would give them. */
const QUEUES: [name: string, options: object][] = [
  // pg-boss's scheduler turns each due period into a job here first (it would make this queue itself at start,
  // but pg-boss runs with `migrate: false`).
  ['__pgboss__send-it', { policy: 'standard' }],
  // One queue per timed work, since pg-boss keeps one schedule per queue. A failed run is tried once more a minute
  // later; the next period runs anyway. Each run takes seconds: a lease of 15 minutes.
  ['trefpunt-reminders', { policy: 'standard', retryLimit: 1, retryDelay: 60, expireInSeconds: 900 }],
  [
    'trefpunt-travel-cache-cleanup',
    { policy: 'standard', retryLimit: 1, retryDelay: 60, expireInSeconds: 900 },
  ],
];

/**
 * Timed work (the reminders' timer, the daily clean-up of Google travel times) runs on pg-boss's scheduler: the
 * queues it needs. Their jobs are pg-boss's own partitions of `pgboss.job`, not tables of the service.
 */
export class TimedWorkQueues1795418910000 implements MigrationInterface {
  name = 'TimedWorkQueues1795418910000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, options] of QUEUES) {
      await queryRunner.query('SELECT pgboss.create_queue($1, $2::json)', [name, JSON.stringify(options)]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...QUEUES].reverse()) {
      // The schedule goes with its queue (foreign key ON DELETE CASCADE); the archive keeps no link to it.
      await queryRunner.query('SELECT pgboss.delete_queue($1)', [name]);
    }
  }
}
