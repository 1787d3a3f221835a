import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job's result in our own `jobs` table rather than in pg-boss's output: results name participants, and what
 * is ours erasure can clear. `scenario_imports` holds a checked scenario document until its import job is done
 * (a document of megabytes does not belong in pg-boss's job data, which it keeps for a week).
 */
export class JobResultsAndScenarioImports1795418730000 implements MigrationInterface {
  name = 'JobResultsAndScenarioImports1795418730000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "jobs" ADD "result" jsonb`);
    await queryRunner.query(`
      CREATE TABLE "scenario_imports" (
        "id" uuid NOT NULL,
        "region_ref" text NOT NULL,
        "document" jsonb NOT NULL,
        "warnings" jsonb NOT NULL DEFAULT '[]',
        "checked_ms" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_scenario_imports" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_scenario_imports_created_at" ON "scenario_imports" ("created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scenario_imports"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "result"`);
  }
}
