import { MigrationInterface, QueryRunner } from 'typeorm';

/** A participant's Dutch level (CEFR, A0 before A1), optional, so that groups can be proposed with levels close. */
export class ParticipantLevels1795418850000 implements MigrationInterface {
  name = 'ParticipantLevels1795418850000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "level" text`);
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "chk_participants_level" CHECK ("level" IN ('A0', 'A1', 'A2', 'B1', 'B2'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "chk_participants_level"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "level"`);
  }
}
