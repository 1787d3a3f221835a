import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

/**
 * Outings of a group on a date (the scenario's `programme.outings[]`): kept apart from the sessions, because an
 * import comes before the plan and a re-plan may give the date another session. Each plan puts the outing on the
 * group's session of that date; `session_outings.by_date` marks the outings put there so, which follow the date
 * on a re-plan, where an outing made by hand follows its session.
 */
export class GroupOutings1795418880000 implements MigrationInterface {
  name = 'GroupOutings1795418880000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "group_outings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "group_id" uuid NOT NULL, "date" date NOT NULL, "places" jsonb NOT NULL, CONSTRAINT "uq_group_outings_group_date" UNIQUE ("group_id", "date"), CONSTRAINT "chk_group_outings_places" CHECK (jsonb_array_length("places") BETWEEN 1 AND 10), CONSTRAINT "PK_group_outings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_group_outings_region" ON "group_outings" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "ix_group_outings_programme" ON "group_outings" ("programme_id")`);
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['programme_id', 'programmes', 'CASCADE'],
      ['group_id', 'groups', 'CASCADE'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "group_outings" ADD CONSTRAINT "FK_group_outings_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    for (const statement of DataVersion1795418640000.triggersOn('group_outings'))
      await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE "session_outings" ADD "by_date" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_outings" DROP COLUMN "by_date"`);
    await queryRunner.query(`DROP TABLE "group_outings"`);
  }
}
