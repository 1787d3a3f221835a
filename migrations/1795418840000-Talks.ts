import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

const SESSION_ROLES = `'co-trainer', 'experience-expert', 'childcare-volunteer'`;
const ALL_ROLES = `${SESSION_ROLES}, 'jobcoach', 'coach', 'language-buddy', 'case-manager'`;

/**
 * Individual talks: a series of talks of one participant with her coach (or, for a closing talk, with everyone who
 * must be there) and its planned talks. Staff members can now also be jobcoach, coach, language buddy or case
 * manager, and have a calendar feed of their own.
 */
export class Talks1795418840000 implements MigrationInterface {
  name = 'Talks1795418840000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "talk_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "kind" text NOT NULL, "participant_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "role" text, "staff_member_ids" uuid array NOT NULL DEFAULT '{}', "trainer_id" uuid, "frequency" text NOT NULL, "first_date" date NOT NULL, "last_date" date NOT NULL, "count" integer, "duration_minutes" integer NOT NULL, "place" text NOT NULL, "location_id" uuid, "side" text, ` +
        `CONSTRAINT "uq_talk_series_region_ref" UNIQUE ("region_id", "ref"), ` +
        `CONSTRAINT "chk_talk_series_kind" CHECK ("kind" IN ('coaching', 'closing')), ` +
        `CONSTRAINT "chk_talk_series_frequency" CHECK ("frequency" IN ('weekly', 'fortnightly', 'once')), ` +
        `CONSTRAINT "chk_talk_series_place" CHECK ("place" IN ('home', 'office', 'online', 'location')), ` +
        `CONSTRAINT "chk_talk_series_place_location" CHECK (("place" IN ('office', 'location')) = ("location_id" IS NOT NULL)), ` +
        `CONSTRAINT "chk_talk_series_side" CHECK ("side" IS NULL OR ("place" = 'location' AND "side" IN ('before', 'after'))), ` +
        `CONSTRAINT "chk_talk_series_dates" CHECK ("last_date" >= "first_date"), ` +
        `CONSTRAINT "chk_talk_series_duration" CHECK ("duration_minutes" BETWEEN 10 AND 480), ` +
        `CONSTRAINT "chk_talk_series_count" CHECK ("count" IS NULL OR "count" >= 1), ` +
        `CONSTRAINT "chk_talk_series_people" CHECK (cardinality("staff_member_ids") + num_nonnulls("trainer_id") >= 1), ` +
        `CONSTRAINT "PK_talk_series" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_talk_series_region" ON "talk_series" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "ix_talk_series_participant" ON "talk_series" ("participant_id")`);
    await queryRunner.query(`CREATE INDEX "ix_talk_series_programme" ON "talk_series" ("programme_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_talk_series_staff" ON "talk_series" USING gin ("staff_member_ids")`,
    );
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['participant_id', 'participants', 'CASCADE'],
      ['programme_id', 'programmes', 'CASCADE'],
      ['trainer_id', 'trainers', 'CASCADE'],
      ['location_id', 'locations', 'RESTRICT'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "talk_series" ADD CONSTRAINT "FK_talk_series_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }

    await queryRunner.query(
      `CREATE TABLE "talk_occurrences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "series_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "number" integer NOT NULL, "window_from" date NOT NULL, "window_to" date NOT NULL, "status" text NOT NULL, "start" TIMESTAMP WITH TIME ZONE, "end" TIMESTAMP WITH TIME ZONE, "location_id" uuid, "session_id" uuid, "reason" text, ` +
        `CONSTRAINT "uq_talk_occurrences_series_number" UNIQUE ("series_id", "number"), ` +
        `CONSTRAINT "chk_talk_occurrences_status" CHECK ("status" IN ('planned', 'unplaced')), ` +
        `CONSTRAINT "chk_talk_occurrences_times" CHECK (("status" = 'planned' AND "start" IS NOT NULL AND "end" > "start") OR ("status" = 'unplaced' AND "start" IS NULL AND "end" IS NULL AND "reason" IS NOT NULL)), ` +
        `CONSTRAINT "chk_talk_occurrences_window" CHECK ("window_to" >= "window_from"), ` +
        `CONSTRAINT "PK_talk_occurrences" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_talk_occurrences_region" ON "talk_occurrences" ("region_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_talk_occurrences_participant" ON "talk_occurrences" ("participant_id", "start")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_talk_occurrences_start" ON "talk_occurrences" ("start")`);
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['series_id', 'talk_series', 'CASCADE'],
      ['participant_id', 'participants', 'CASCADE'],
      ['location_id', 'locations', 'RESTRICT'],
      ['session_id', 'sessions', 'SET NULL'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "talk_occurrences" ADD CONSTRAINT "FK_talk_occurrences_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }

    await queryRunner.query(`ALTER TABLE "staff_members" DROP CONSTRAINT "chk_staff_members_roles"`);
    await queryRunner.query(
      `ALTER TABLE "staff_members" ADD CONSTRAINT "chk_staff_members_roles" CHECK ("roles" <@ ARRAY[${ALL_ROLES}]::text[])`,
    );

    await queryRunner.query(`ALTER TABLE "calendar_feeds" ADD "staff_member_id" uuid`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feeds_staff_member" ON "calendar_feeds" ("staff_member_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_staff_member" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "chk_calendar_feeds_owner"`);
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "chk_calendar_feeds_owner" CHECK (num_nonnulls("participant_id", "driver_id", "token_id", "staff_member_id") = 1)`,
    );

    for (const table of ['talk_series', 'talk_occurrences'])
      for (const sql of DataVersion1795418640000.triggersOn(table)) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "calendar_feeds" WHERE "staff_member_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "chk_calendar_feeds_owner"`);
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "chk_calendar_feeds_owner" CHECK (num_nonnulls("participant_id", "driver_id", "token_id") = 1)`,
    );
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP COLUMN "staff_member_id"`);
    await queryRunner.query(
      `UPDATE "staff_members" SET "roles" = ARRAY(SELECT unnest("roles") INTERSECT SELECT unnest(ARRAY[${SESSION_ROLES}]::text[]))`,
    );
    await queryRunner.query(`ALTER TABLE "staff_members" DROP CONSTRAINT "chk_staff_members_roles"`);
    await queryRunner.query(
      `ALTER TABLE "staff_members" ADD CONSTRAINT "chk_staff_members_roles" CHECK ("roles" <@ ARRAY[${SESSION_ROLES}]::text[])`,
    );
    await queryRunner.query(`DROP TABLE "talk_occurrences"`);
    await queryRunner.query(`DROP TABLE "talk_series"`);
  }
}
