import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the last whole plan of a programme found: who could come, the bound beside it, and the advice on what
 * would let more women come; so that the plan export shows them without planning again.
 */
export class ProgrammePlanOutcomes1795418700000 implements MigrationInterface {
  name = 'ProgrammePlanOutcomes1795418700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "programme_plan_outcomes" ("programme_id" uuid NOT NULL, "region_id" uuid NOT NULL, "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "member_sessions" integer NOT NULL, "can_come" integer NOT NULL, "upper_bound" integer NOT NULL, "advice" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_programme_plan_outcomes" PRIMARY KEY ("programme_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_programme_plan_outcomes_region" ON "programme_plan_outcomes" ("region_id")`,
    );
    for (const [column, table] of [
      ['programme_id', 'programmes'],
      ['region_id', 'regions'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "programme_plan_outcomes" ADD CONSTRAINT "FK_programme_plan_outcomes_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "programme_plan_outcomes"`);
  }
}
