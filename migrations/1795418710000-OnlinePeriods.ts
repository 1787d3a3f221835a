import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online weeks: a date range in which a programme's sessions, one group's, or some members' are held online, with
 * a video link and a length of their own; the women concerned need no ride and no care then.
 */
export class OnlinePeriods1795418710000 implements MigrationInterface {
  name = 'OnlinePeriods1795418710000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "online_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "group_id" uuid, "from" date NOT NULL, "to" date NOT NULL, "video_url" text NOT NULL, "duration_minutes" integer NOT NULL, CONSTRAINT "chk_online_periods_dates" CHECK ("to" >= "from"), CONSTRAINT "chk_online_periods_duration" CHECK ("duration_minutes" BETWEEN 1 AND 1440), CONSTRAINT "PK_online_periods" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_online_periods_region" ON "online_periods" ("region_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_online_periods_programme" ON "online_periods" ("programme_id")`,
    );
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['programme_id', 'programmes', 'CASCADE'],
      ['group_id', 'groups', 'CASCADE'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "online_periods" ADD CONSTRAINT "FK_online_periods_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(
      `CREATE TABLE "online_period_participants" ("online_period_id" uuid NOT NULL, "participant_id" uuid NOT NULL, CONSTRAINT "PK_online_period_participants" PRIMARY KEY ("online_period_id", "participant_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_online_period_participants_participant" ON "online_period_participants" ("participant_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "online_period_participants" ADD CONSTRAINT "FK_online_period_participants_period" FOREIGN KEY ("online_period_id") REFERENCES "online_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "online_period_participants" ADD CONSTRAINT "FK_online_period_participants_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "online_period_participants"`);
    await queryRunner.query(`DROP TABLE "online_periods"`);
  }
}
