import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

/**
 * The childcare waiting list: a child whose need of a session found no place in her age band waits, from when
 * that was first recorded (created_at), until a place frees. One entry per child and session.
 */
export class ChildcareWaitingList1795418810000 implements MigrationInterface {
  name = 'ChildcareWaitingList1795418810000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "childcare_waiting_list" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "session_id" uuid NOT NULL, "child_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "care_date" date NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_childcare_waiting_list" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_childcare_waiting_list_child_session" ON "childcare_waiting_list" ("child_id", "session_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_childcare_waiting_list_region_date" ON "childcare_waiting_list" ("region_id", "care_date")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_childcare_waiting_list_session" ON "childcare_waiting_list" ("session_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_childcare_waiting_list_participant" ON "childcare_waiting_list" ("participant_id")`,
    );
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['session_id', 'sessions', 'CASCADE'],
      ['child_id', 'children', 'CASCADE'],
      ['participant_id', 'participants', 'CASCADE'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "childcare_waiting_list" ADD CONSTRAINT "FK_childcare_waiting_list_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    for (const statement of DataVersion1795418640000.triggersOn('childcare_waiting_list'))
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "childcare_waiting_list"`);
  }
}
