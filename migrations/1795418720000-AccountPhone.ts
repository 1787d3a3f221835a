import { MigrationInterface, QueryRunner } from 'typeorm';

/** A coordinator's phone number, which the letters she sends (a provider's conflicts) give as her contact. */
export class AccountPhone1795418720000 implements MigrationInterface {
  name = 'AccountPhone1795418720000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD "phone" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "phone"`);
  }
}
