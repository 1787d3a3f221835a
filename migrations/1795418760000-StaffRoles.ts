import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

const ROLES = `'co-trainer', 'experience-expert', 'childcare-volunteer'`;

/**
 * Staff roles per session: the people who can be a session's co-trainer, experience expert or childcare
 * volunteer, with their weekly availability; who took which role at each session; and the roles a programme's
 * sessions need (a phase says its own in its jsonb).
 */
export class StaffRoles1795418760000 implements MigrationInterface {
  name = 'StaffRoles1795418760000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, "roles" text array NOT NULL DEFAULT '{}', CONSTRAINT "uq_staff_members_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_staff_members_roles" CHECK ("roles" <@ ARRAY[${ROLES}]::text[]), CONSTRAINT "PK_staff_members" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_staff_members_region" ON "staff_members" ("region_id")`);
    await queryRunner.query(
      `ALTER TABLE "staff_members" ADD CONSTRAINT "FK_staff_members_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_member_availability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "staff_member_id" uuid NOT NULL, CONSTRAINT "chk_staff_member_availability_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_staff_member_availability" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_member_availability_member" ON "staff_member_availability" ("staff_member_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_member_availability" ADD CONSTRAINT "FK_staff_member_availability_member" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_staff" ("session_id" uuid NOT NULL, "role" text NOT NULL, "staff_member_id" uuid NOT NULL, CONSTRAINT "chk_session_staff_role" CHECK ("role" IN (${ROLES})), CONSTRAINT "PK_session_staff" PRIMARY KEY ("session_id", "role", "staff_member_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_session_staff_member" ON "session_staff" ("staff_member_id")`);
    await queryRunner.query(
      `ALTER TABLE "session_staff" ADD CONSTRAINT "FK_session_staff_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_staff" ADD CONSTRAINT "FK_session_staff_member" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD "roles" text array NOT NULL DEFAULT '{}', ADD CONSTRAINT "chk_programmes_roles" CHECK ("roles" <@ ARRAY[${ROLES}]::text[])`,
    );
    for (const table of ['staff_members', 'staff_member_availability', 'session_staff'])
      for (const sql of DataVersion1795418640000.triggersOn(table)) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "programmes" DROP CONSTRAINT "chk_programmes_roles", DROP COLUMN "roles"`,
    );
    await queryRunner.query(`DROP TABLE "session_staff"`);
    await queryRunner.query(`DROP TABLE "staff_member_availability"`);
    await queryRunner.query(`DROP TABLE "staff_members"`);
  }
}
