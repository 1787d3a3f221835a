import { MigrationInterface, QueryRunner } from 'typeorm';

export class AbsenceLinks1795418200000 implements MigrationInterface {
  name = 'AbsenceLinks1795418200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "absence_links" ("code" text NOT NULL, "participant_id" uuid NOT NULL, "session_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_absence_links" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_absence_links_participant_session" ON "absence_links" ("participant_id", "session_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "absence_links" ADD CONSTRAINT "FK_62dc4f1a13a0a24d3e6e1279a4d" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence_links" ADD CONSTRAINT "FK_c0b5291a6b4750effb21b8bc607" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "absence_links" DROP CONSTRAINT "FK_c0b5291a6b4750effb21b8bc607"`);
    await queryRunner.query(`ALTER TABLE "absence_links" DROP CONSTRAINT "FK_62dc4f1a13a0a24d3e6e1279a4d"`);
    await queryRunner.query(`DROP INDEX "public"."uq_absence_links_participant_session"`);
    await queryRunner.query(`DROP TABLE "absence_links"`);
  }
}
