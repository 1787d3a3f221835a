import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nightly clean-up deletes Google's travel times by when they were fetched, in batches: without an index each
 * batch would read the whole table, which at national scale holds millions of pairs.
 */
export class IndexTravelTimesFetchedAt1795418920000 implements MigrationInterface {
  name = 'IndexTravelTimesFetchedAt1795418920000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_travel_time_cache_fetched_at" ON "travel_time_cache" ("fetched_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_travel_time_cache_fetched_at"`);
  }
}
