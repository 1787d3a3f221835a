import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes as the pilots ran them: a sequence of phases with their own rhythm and length, the choice to keep
 * sessions out of Ramadan and the Eids, and groups (series) that start on their own date or after another group.
 */
export class ProgrammePhasesAndSeries1795418670000 implements MigrationInterface {
  name = 'ProgrammePhasesAndSeries1795418670000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD "phases" jsonb NOT NULL DEFAULT '[]', ADD "avoid_religious_periods" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "chk_programmes_phases" CHECK (jsonb_typeof("phases") = 'array')`,
    );
    await queryRunner.query(`ALTER TABLE "groups" ADD "start_date" date, ADD "after_group_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_groups_after_group_id" FOREIGN KEY ("after_group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "chk_groups_after_other" CHECK ("after_group_id" <> "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_groups_after_group_id" ON "groups" ("after_group_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_groups_after_group_id"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "chk_groups_after_other"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "FK_groups_after_group_id"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP COLUMN "after_group_id", DROP COLUMN "start_date"`);
    await queryRunner.query(`ALTER TABLE "programmes" DROP CONSTRAINT "chk_programmes_phases"`);
    await queryRunner.query(
      `ALTER TABLE "programmes" DROP COLUMN "avoid_religious_periods", DROP COLUMN "phases"`,
    );
  }
}
