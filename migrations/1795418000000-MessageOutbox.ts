import { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageOutbox1795418000000 implements MigrationInterface {
  name = 'MessageOutbox1795418000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "session_id" uuid, "kind" text NOT NULL, "version" text NOT NULL, "channel" text NOT NULL, "language" text NOT NULL, "recipient" text NOT NULL, "subject" text, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_by" text, "claimed_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "provider_message_id" text, CONSTRAINT "chk_outbox_messages_claim" CHECK ("status" <> 'sending' OR ("claimed_by" IS NOT NULL AND "claimed_until" IS NOT NULL)), CONSTRAINT "chk_outbox_messages_sent" CHECK ("status" <> 'sent' OR "sent_at" IS NOT NULL), CONSTRAINT "chk_outbox_messages_attempts" CHECK ("attempts" >= 0), CONSTRAINT "chk_outbox_messages_channel" CHECK ("channel" IN ('sms', 'whatsapp', 'email')), CONSTRAINT "chk_outbox_messages_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'held')), CONSTRAINT "pk_outbox_messages" PRIMARY KEY ("id"))`,
    );
    // One message per participant, session, kind and version, also without a session: COALESCE makes a null
    // session a value (NULLS NOT DISTINCT would need PostgreSQL 15, and DATABASE_URL may point at 13). The
    // outbox never holds the nil uuid as a session.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_outbox_messages_key" ON "outbox_messages" ("participant_id", (COALESCE("session_id", '00000000-0000-0000-0000-000000000000'::uuid)), "kind", "version")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outbox_messages_session" ON "outbox_messages" ("session_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_messages_region_created" ON "outbox_messages" ("region_id", "created_at") `,
    );
    // What the delivery worker looks for: due messages, and claims that ran out.
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_messages_due" ON "outbox_messages" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_messages_lease" ON "outbox_messages" ("claimed_until") WHERE "status" = 'sending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_session"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_participant"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_region"`);
    await queryRunner.query(`DROP INDEX "ix_outbox_messages_lease"`);
    await queryRunner.query(`DROP INDEX "ix_outbox_messages_due"`);
    await queryRunner.query(`DROP INDEX "ix_outbox_messages_region_created"`);
    await queryRunner.query(`DROP INDEX "ix_outbox_messages_session"`);
    await queryRunner.query(`DROP INDEX "uq_outbox_messages_key"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
  }
}
