import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a job's work ran, while it held its region's lock: pg-boss's own times are those of fetching and
 * completing it, which a job that waited for a busy region, or one completed just after its lock was released,
 * do not tell.
 */
export class JobRunTimes1795418780000 implements MigrationInterface {
  name = 'JobRunTimes1795418780000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD "ran_from" TIMESTAMP WITH TIME ZONE, ADD "ran_until" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "ran_until", DROP COLUMN "ran_from"`);
  }
}
