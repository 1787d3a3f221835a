import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's ready date (the first day she can take part, after her intake or arrival) and a group's rolling
 * start (it starts when at least this many of its members are ready). Both optional.
 */
export class AddReadyFromAndRollingStart1795418890000 implements MigrationInterface {
  name = 'AddReadyFromAndRollingStart1795418890000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "ready_from" date`);
    await queryRunner.query(`ALTER TABLE "groups" ADD "rolling_start_min_ready" integer`);
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "chk_groups_rolling_start_min_ready" CHECK ("rolling_start_min_ready" >= 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "chk_groups_rolling_start_min_ready"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "rolling_start_min_ready"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "ready_from"`);
  }
}
