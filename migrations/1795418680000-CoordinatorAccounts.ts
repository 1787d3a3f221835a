import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts of the web app, their e-mailed sign-in links, and web sessions as access tokens of an account. */
export class CoordinatorAccounts1795418680000 implements MigrationInterface {
  name = 'CoordinatorAccounts1795418680000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "name" text NOT NULL, ` +
        `"role" text NOT NULL, "region_ids" uuid array NOT NULL DEFAULT '{}', ` +
        `"municipality_ids" uuid array NOT NULL DEFAULT '{}', "disabled_at" TIMESTAMP WITH TIME ZONE, ` +
        `CONSTRAINT "chk_accounts_role" CHECK ("role" IN ('admin', 'coordinator')), ` +
        `CONSTRAINT "chk_accounts_scope" CHECK ("role" <> 'coordinator' OR cardinality("region_ids") > 0), ` +
        `CONSTRAINT "pk_accounts" PRIMARY KEY ("id"))`,
    );
    // Addresses are kept in lower case by the service; the index holds whatever reaches the table to that too.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_accounts_email" ON "accounts" (lower("email"))`);
    await queryRunner.query(
      `CREATE TABLE "sign_in_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, ` +
        `"token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, ` +
        `CONSTRAINT "chk_sign_in_links_life" CHECK ("expires_at" > "created_at"), ` +
        `CONSTRAINT "pk_sign_in_links" PRIMARY KEY ("id"), ` +
        `CONSTRAINT "fk_sign_in_links_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_sign_in_links_token_hash" ON "sign_in_links" ("token_hash")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_sign_in_links_account_created" ON "sign_in_links" ("account_id", "created_at")`,
    );
    await queryRunner.query(`ALTER TABLE "access_tokens" ADD "account_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_access_tokens_account" ON "access_tokens" ("account_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_access_tokens_account"`);
    await queryRunner.query(`ALTER TABLE "access_tokens" DROP COLUMN "account_id"`);
    await queryRunner.query(`DROP TABLE "sign_in_links"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
