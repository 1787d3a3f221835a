import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

const TALK_ROLES = `'jobcoach', 'coach', 'language-buddy', 'case-manager'`;

/**
 * That a programme ends with closing talks, and with whom, how long and where: what a scenario's
 * `programme.closingTalks` says, so that every plan of the programme plans them after its sessions.
 */
export class ProgrammeClosingTalks1795418900000 implements MigrationInterface {
  name = 'ProgrammeClosingTalks1795418900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "programme_closing_talks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "roles" text array NOT NULL, "duration_minutes" integer NOT NULL, "place" text NOT NULL, "location_id" uuid, ` +
        `CONSTRAINT "uq_programme_closing_talks_programme" UNIQUE ("programme_id"), ` +
        `CONSTRAINT "chk_programme_closing_talks_roles" CHECK (cardinality("roles") >= 1 AND "roles" <@ ARRAY[${TALK_ROLES}]::text[]), ` +
        `CONSTRAINT "chk_programme_closing_talks_duration" CHECK ("duration_minutes" BETWEEN 10 AND 480), ` +
        `CONSTRAINT "chk_programme_closing_talks_place" CHECK ("place" IN ('home', 'office', 'online', 'location')), ` +
        `CONSTRAINT "chk_programme_closing_talks_office" CHECK ("place" <> 'office' OR "location_id" IS NOT NULL), ` +
        `CONSTRAINT "PK_programme_closing_talks" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_programme_closing_talks_region" ON "programme_closing_talks" ("region_id")`,
    );
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['programme_id', 'programmes', 'CASCADE'],
      ['location_id', 'locations', 'RESTRICT'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "programme_closing_talks" ADD CONSTRAINT "FK_programme_closing_talks_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    for (const statement of DataVersion1795418640000.triggersOn('programme_closing_talks'))
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "programme_closing_talks"`);
  }
}
