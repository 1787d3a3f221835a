import { MigrationInterface, QueryRunner } from 'typeorm';

/** Private iCalendar feeds (one per participant, driver or coordinator token) and the versions of their events. */
export class CalendarFeeds1795418100000 implements MigrationInterface {
  name = 'CalendarFeeds1795418100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "secret_hash" text NOT NULL, "participant_id" uuid, "driver_id" uuid, "token_id" uuid, "issued_by" uuid, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_calendar_feeds_owner" CHECK (num_nonnulls("participant_id", "driver_id", "token_id") = 1), CONSTRAINT "pk_calendar_feeds" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feeds_secret_hash" ON "calendar_feeds" ("secret_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feeds_participant" ON "calendar_feeds" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feeds_driver" ON "calendar_feeds" ("driver_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feeds_token" ON "calendar_feeds" ("token_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_event_versions" ("feed_id" uuid NOT NULL, "uid" text NOT NULL, "content_hash" text NOT NULL, "sequence" integer NOT NULL DEFAULT '0', "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_calendar_event_versions_sequence" CHECK ("sequence" >= 0), CONSTRAINT "pk_calendar_event_versions" PRIMARY KEY ("feed_id", "uid"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_driver" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "fk_calendar_feeds_token" FOREIGN KEY ("token_id") REFERENCES "access_tokens"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_event_versions" ADD CONSTRAINT "fk_calendar_event_versions_feed" FOREIGN KEY ("feed_id") REFERENCES "calendar_feeds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_event_versions" DROP CONSTRAINT "fk_calendar_event_versions_feed"`,
    );
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "fk_calendar_feeds_token"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "fk_calendar_feeds_driver"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "fk_calendar_feeds_participant"`);
    await queryRunner.query(`DROP TABLE "calendar_event_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feeds_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feeds_driver"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feeds_participant"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feeds_secret_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}
