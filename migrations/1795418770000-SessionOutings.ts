import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

/**
 * Outings: a session held at one or more other places in order (each a location of the region), remembering its
 * usual location to go back to.
 */
export class SessionOutings1795418770000 implements MigrationInterface {
  name = 'SessionOutings1795418770000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_outings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "session_id" uuid NOT NULL, "usual_location_id" uuid NOT NULL, "places" jsonb NOT NULL, CONSTRAINT "uq_session_outings_session" UNIQUE ("session_id"), CONSTRAINT "chk_session_outings_places" CHECK (jsonb_array_length("places") BETWEEN 1 AND 10), CONSTRAINT "PK_session_outings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_session_outings_region" ON "session_outings" ("region_id")`);
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['session_id', 'sessions', 'CASCADE'],
      ['usual_location_id', 'locations', 'RESTRICT'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "session_outings" ADD CONSTRAINT "FK_session_outings_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    for (const statement of DataVersion1795418640000.triggersOn('session_outings'))
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "session_outings"`);
  }
}
