import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables whose changes do not alter any plan: the log, tokens, messages and feeds, which reads and sends
 * themselves write. Every other table bumps the data version; a table added later gets the same two triggers
 * (DataVersion.triggersOn), which test/e2e/data-version.e2e-spec.ts checks.
 */
export const UNVERSIONED_TABLES = [
  'migrations',
  'data_version',
  'audit_log',
  'access_tokens',
  'outbox_messages',
  'calendar_feeds',
  'calendar_event_versions',
  'absence_links',
];

/**
 * A counter of committed changes, so that every instance of the service can tell whether an answer it built
 * (the plan export) still stands: one row, bumped once per transaction that changes any planning table. The bump
 * is a deferred trigger, so the row is locked only while the transaction commits, not while it works.
 */
export class DataVersion1795418640000 implements MigrationInterface {
  name = 'DataVersion1795418640000';

  static triggersOn(table: string): string[] {
    return [
      `CREATE CONSTRAINT TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE ON "${table}" ` +
        `DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"()`,
      `CREATE TRIGGER "data_version_truncate" AFTER TRUNCATE ON "${table}" ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"()`,
    ];
  }

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_version" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), ` +
        `"version" bigint NOT NULL DEFAULT 0)`,
    );
    await queryRunner.query(`INSERT INTO "data_version" DEFAULT VALUES`);
    // Once per transaction: the transaction-local setting remembers that this one has bumped already.
    await queryRunner.query(
      `CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN ` +
        `IF current_setting('trefpunt.data_version_bumped', true) IS DISTINCT FROM 'yes' THEN ` +
        `UPDATE "data_version" SET "version" = "version" + 1; ` +
        `PERFORM set_config('trefpunt.data_version_bumped', 'yes', true); ` +
        `END IF; ` +
        `RETURN NULL; ` +
        `END $$`,
    );
    for (const table of await this.versionedTables(queryRunner)) {
      for (const sql of DataVersion1795418640000.triggersOn(table)) await queryRunner.query(sql);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await this.versionedTables(queryRunner)) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "data_version_bump" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS "data_version_truncate" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "bump_data_version"()`);
    await queryRunner.query(`DROP TABLE "data_version"`);
  }

  private async versionedTables(queryRunner: QueryRunner): Promise<string[]> {
    const rows: { table_name: string }[] = await queryRunner.query(
      `SELECT table_name FROM information_schema.tables ` +
        `WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ` +
        `ORDER BY table_name`,
      [UNVERSIONED_TABLES],
    );
    return rows.map((row) => row.table_name);
  }
}
