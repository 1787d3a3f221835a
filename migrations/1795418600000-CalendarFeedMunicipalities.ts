import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A driver's feed made by a coordinator limited to some municipalities names only the passengers of those: the
 * feed keeps the limit of whoever issued its current secret.
 */
export class CalendarFeedMunicipalities1795418600000 implements MigrationInterface {
  name = 'CalendarFeedMunicipalities1795418600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD "municipality_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    // Driver feeds issued before: they take the limit of the token that issued their current secret.
    await queryRunner.query(
      `UPDATE "calendar_feeds" AS "feed" SET "municipality_ids" = "token"."municipality_ids" FROM "access_tokens" AS "token" WHERE "feed"."driver_id" IS NOT NULL AND "feed"."issued_by" = "token"."id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP COLUMN "municipality_ids"`);
  }
}
