import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000, UNVERSIONED_TABLES } from './1795418640000-DataVersion';

/**
 * The tables that do not alter any plan, as of this migration: those of DataVersion, and the jobs' own records
 * (their progress is written many times a second while a plan runs), the accounts and their sign-in links.
 */
export const UNVERSIONED_TABLES_NOW = [...UNVERSIONED_TABLES, 'jobs', 'accounts', 'sign_in_links'];

/**
 * The data version's triggers on the tables made after DataVersion (on a new database it runs first, before they
 * exist): every table that changes a plan and has none yet gets them.
 */
export class DataVersionOnLaterTables1795418740000 implements MigrationInterface {
  name = 'DataVersionOnLaterTables1795418740000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { table_name: string }[] = await queryRunner.query(
      `SELECT t.table_name FROM information_schema.tables t ` +
        `WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND NOT (t.table_name = ANY($1)) ` +
        `AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('%I', t.table_name)::regclass ` +
        `AND g.tgname = 'data_version_bump') ORDER BY t.table_name`,
      [UNVERSIONED_TABLES_NOW],
    );
    for (const { table_name: table } of rows)
      for (const sql of DataVersion1795418640000.triggersOn(table)) await queryRunner.query(sql);
  }

  public async down(_queryRunner: QueryRunner): Promise<void> {
    // The triggers stay: DataVersion's own down removes them from every table with the table of versions.
  }
}
