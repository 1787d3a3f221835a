import { MigrationInterface, QueryRunner } from 'typeorm';

/** How early she may arrive at the location: the time a vehicle has for several trips before a session. */
export class PolicyMaxEarly1795418400000 implements MigrationInterface {
  name = 'PolicyMaxEarly1795418400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "regions" ADD "policy_max_early_minutes" integer NOT NULL DEFAULT 45 CONSTRAINT "chk_regions_policy_max_early" CHECK ("policy_max_early_minutes" >= 0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "regions" DROP COLUMN "policy_max_early_minutes"`);
  }
}
