import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

/** Group proposals: groups proposed for a programme's women, kept for the coordinator, accepted at most once. */
export class GroupProposals1795418851000 implements MigrationInterface {
  name = 'GroupProposals1795418851000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "group_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "min_size" integer NOT NULL, "max_size" integer NOT NULL, "seed" integer NOT NULL, "location_ids" uuid array NOT NULL, "groups" jsonb NOT NULL, "score" jsonb NOT NULL, "explanation" jsonb NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_group_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "chk_group_proposals_sizes" CHECK ("min_size" >= 1 AND "max_size" >= "min_size"), CONSTRAINT "PK_group_proposals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_group_proposals_region" ON "group_proposals" ("region_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_group_proposals_programme" ON "group_proposals" ("programme_id")`,
    );
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['programme_id', 'programmes', 'CASCADE'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "group_proposals" ADD CONSTRAINT "FK_group_proposals_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    for (const statement of DataVersion1795418640000.triggersOn('group_proposals'))
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "group_proposals"`);
  }
}
