import { MigrationInterface, QueryRunner } from 'typeorm';

/** The care needs a joint plan could not meet, with why, so that the plan shows them as it decided them. */
export class ChildcareUnmetNeeds1795418300000 implements MigrationInterface {
  name = 'ChildcareUnmetNeeds1795418300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "childcare_unmet_needs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "session_id" uuid NOT NULL, "child_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_childcare_unmet_needs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_childcare_unmet_needs_child_session" ON "childcare_unmet_needs" ("child_id", "session_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_childcare_unmet_needs_session" ON "childcare_unmet_needs" ("session_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_childcare_unmet_needs_participant" ON "childcare_unmet_needs" ("participant_id")`,
    );
    for (const [column, table] of [
      ['region_id', 'regions'],
      ['session_id', 'sessions'],
      ['child_id', 'children'],
      ['participant_id', 'participants'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "childcare_unmet_needs" ADD CONSTRAINT "FK_childcare_unmet_needs_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "childcare_unmet_needs"`);
  }
}
