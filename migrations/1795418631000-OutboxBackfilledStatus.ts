import { MigrationInterface, QueryRunner } from 'typeorm';

/** A message written by a back-fill run of the reminder job is kept as `backfilled` and never sent. */
export class OutboxBackfilledStatus1795418631000 implements MigrationInterface {
  name = 'OutboxBackfilledStatus1795418631000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "chk_outbox_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "chk_outbox_messages_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'held', 'backfilled'))`,
    );
  }

  /** Back-filled messages become held: kept and shown, never sent, as before. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "outbox_messages" SET "status" = 'held' WHERE "status" = 'backfilled'`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "chk_outbox_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "chk_outbox_messages_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'held'))`,
    );
  }
}
