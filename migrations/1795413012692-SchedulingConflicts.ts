import { MigrationInterface, QueryRunner } from 'typeorm';

export class SchedulingConflicts1795413012692 implements MigrationInterface {
  name = 'SchedulingConflicts1795413012692';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_conflicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "lesson_id" uuid, "provider_id" uuid, "appointment_id" uuid, "kind" text NOT NULL, "overlap_minutes" integer NOT NULL DEFAULT '0', "cause_start" TIMESTAMP WITH TIME ZONE NOT NULL, "cause_end" TIMESTAMP WITH TIME ZONE NOT NULL, "is_new" boolean NOT NULL DEFAULT false, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_session_conflicts_cause" CHECK (("kind" = 'appointment') = ("appointment_id" IS NOT NULL AND "lesson_id" IS NULL)), CONSTRAINT "chk_session_conflicts_kind" CHECK ("kind" IN ('overlap', 'travel', 'appointment')), CONSTRAINT "PK_b725bc8f65a2a2d09c487a71e36" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_47fa8054be3ac81da541285526" ON "session_conflicts" ("session_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0a5d169eb48164017276b9586f" ON "session_conflicts" ("lesson_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_35b6c585bd2c90e3424029bda4" ON "session_conflicts" ("provider_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a3d962ab651cb042ef0cf6ba6d" ON "session_conflicts" ("participant_id", "session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "group_pinned_slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "weekday" smallint NOT NULL, "start" TIME NOT NULL, CONSTRAINT "uq_group_pinned_slots_weekday" UNIQUE ("group_id", "weekday"), CONSTRAINT "chk_group_pinned_slots_weekday" CHECK (weekday BETWEEN 1 AND 7), CONSTRAINT "PK_721098cf9fd28743545a3118573" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b33fe60728cee9e7be5c9f03ce" ON "group_pinned_slots" ("group_id") `,
    );
    await queryRunner.query(`ALTER TABLE "lessons" ADD "except_dates" date array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" ADD CONSTRAINT "FK_47fa8054be3ac81da5412855262" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" ADD CONSTRAINT "FK_8b3f9a00e02663ad8250856e394" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" ADD CONSTRAINT "FK_0a5d169eb48164017276b9586f2" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" ADD CONSTRAINT "FK_16981bccf45ae12a287f08d2a81" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_pinned_slots" ADD CONSTRAINT "FK_b33fe60728cee9e7be5c9f03ce9" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "group_pinned_slots" DROP CONSTRAINT "FK_b33fe60728cee9e7be5c9f03ce9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" DROP CONSTRAINT "FK_16981bccf45ae12a287f08d2a81"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" DROP CONSTRAINT "FK_0a5d169eb48164017276b9586f2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" DROP CONSTRAINT "FK_8b3f9a00e02663ad8250856e394"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_conflicts" DROP CONSTRAINT "FK_47fa8054be3ac81da5412855262"`,
    );
    await queryRunner.query(`ALTER TABLE "lessons" DROP COLUMN "except_dates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b33fe60728cee9e7be5c9f03ce"`);
    await queryRunner.query(`DROP TABLE "group_pinned_slots"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a3d962ab651cb042ef0cf6ba6d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35b6c585bd2c90e3424029bda4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a5d169eb48164017276b9586f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_47fa8054be3ac81da541285526"`);
    await queryRunner.query(`DROP TABLE "session_conflicts"`);
  }
}
