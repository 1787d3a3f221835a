import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Absence links keep only the SHA-256 of their code: the codes already sent become their hashes, so those links
 * keep working. A code is made per message from now on, so (participant, session) is no longer unique. The codes
 * in the bodies of messages already sent are blanked, as the delivery worker blanks them from now on.
 */
export class HashAbsenceCodes1795418630000 implements MigrationInterface {
  name = 'HashAbsenceCodes1795418630000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "absence_links" ADD "code_hash" text`);
    await queryRunner.query(
      `UPDATE "absence_links" SET "code_hash" = encode(sha256(convert_to("code", 'UTF8')), 'hex')`,
    );
    await queryRunner.query(`ALTER TABLE "absence_links" ALTER COLUMN "code_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "absence_links" DROP CONSTRAINT "PK_absence_links"`);
    await queryRunner.query(`ALTER TABLE "absence_links" DROP COLUMN "code"`);
    await queryRunner.query(
      `ALTER TABLE "absence_links" ADD CONSTRAINT "pk_absence_links" PRIMARY KEY ("code_hash")`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_absence_links_participant_session"`);
    await queryRunner.query(
      `CREATE INDEX "ix_absence_links_participant_session" ON "absence_links" ("participant_id", "session_id")`,
    );
    await queryRunner.query(
      `UPDATE "outbox_messages" SET "body" = regexp_replace("body", '/r/[A-Za-z0-9]{12}', '/r/…', 'g')
        WHERE "status" = 'sent' AND "body" ~ '/r/[A-Za-z0-9]{12}'`,
    );
  }

  /**
   * Plain codes cannot be had back from their hashes: after this the links already sent no longer work, and the
   * codes blanked in sent messages stay blanked. One link per participant and session is kept (the newest).
   */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_absence_links_participant_session"`);
    await queryRunner.query(
      `DELETE FROM "absence_links" older USING "absence_links" newer
        WHERE older."participant_id" = newer."participant_id" AND older."session_id" = newer."session_id"
          AND (older."created_at", older."code_hash") < (newer."created_at", newer."code_hash")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_absence_links_participant_session" ON "absence_links" ("participant_id", "session_id") `,
    );
    await queryRunner.query(`ALTER TABLE "absence_links" DROP CONSTRAINT "pk_absence_links"`);
    await queryRunner.query(`ALTER TABLE "absence_links" RENAME COLUMN "code_hash" TO "code"`);
    await queryRunner.query(
      `ALTER TABLE "absence_links" ADD CONSTRAINT "PK_absence_links" PRIMARY KEY ("code")`,
    );
  }
}
