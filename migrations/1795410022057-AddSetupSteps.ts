import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSetupSteps1795410022057 implements MigrationInterface {
  name = 'AddSetupSteps1795410022057';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "setup_steps" ("name" text NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c17bd0e8c4cc590904dda77f66" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "setup_steps"`);
  }
}
