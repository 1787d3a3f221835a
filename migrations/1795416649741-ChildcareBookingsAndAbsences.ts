import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildcareBookingsAndAbsences1795416649741 implements MigrationInterface {
  name = 'ChildcareBookingsAndAbsences1795416649741';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "childcare_bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "child_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "session_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "age_months" integer NOT NULL, "care_date" date NOT NULL, "from" TIMESTAMP WITH TIME ZONE NOT NULL, "to" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'requested', "status_reason" text, CONSTRAINT "chk_childcare_bookings_status" CHECK ("status" IN ('requested', 'confirmed', 'cancelled')), CONSTRAINT "chk_childcare_bookings_times" CHECK ("to" > "from"), CONSTRAINT "PK_063524309ed6f2147d88637c6ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6a7333ec76faf2101bbeca009c" ON "childcare_bookings" ("region_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4ff50ad2924bc0e9a499c51ac2" ON "childcare_bookings" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fb4fc64fac6f6bf272596d62a9" ON "childcare_bookings" ("session_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_childcare_bookings_provider_date" ON "childcare_bookings" ("provider_id", "care_date") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_childcare_bookings_child_session" ON "childcare_bookings" ("child_id", "session_id") WHERE "status" <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "absences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "reason" text NOT NULL, "reported_by" text NOT NULL, CONSTRAINT "uq_absences_session_participant" UNIQUE ("session_id", "participant_id"), CONSTRAINT "chk_absences_reason" CHECK ("reason" IN ('ill', 'child-ill', 'other', 'no-show')), CONSTRAINT "PK_bd79346866fea8ac6f269252748" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0a2d6370df0c3937fb474de381" ON "absences" ("region_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f65869ec11d920dd19704d006c" ON "absences" ("participant_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" ADD CONSTRAINT "FK_6a7333ec76faf2101bbeca009cb" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" ADD CONSTRAINT "FK_c0052d51b86c95be4b04f75983c" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" ADD CONSTRAINT "FK_4ff50ad2924bc0e9a499c51ac22" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" ADD CONSTRAINT "FK_fb4fc64fac6f6bf272596d62a9b" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" ADD CONSTRAINT "FK_bf6eb65a92bc206edc8fecded19" FOREIGN KEY ("provider_id") REFERENCES "childcare_providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absences" ADD CONSTRAINT "FK_0a2d6370df0c3937fb474de381b" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absences" ADD CONSTRAINT "FK_ab3daeec234d71a4833f710de6e" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absences" ADD CONSTRAINT "FK_f65869ec11d920dd19704d006c5" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Places per age band are a hard limit, also for two coordinators booking at once: at commit, each new or
    // changed booking locks its band's row (so bookings of one band are counted one transaction at a time) and
    // counts, with itself, the children in that band at every moment it covers. Deferred, so that a re-plan may
    // move bookings in any order. SQLSTATE TPC01 is answered as 409 by the API.
    await queryRunner.query(`
      CREATE FUNCTION childcare_booking_within_places() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        booking childcare_bookings%ROWTYPE;
        band childcare_places%ROWTYPE;
        peak integer;
      BEGIN
        SELECT * INTO booking FROM childcare_bookings WHERE id = NEW.id;
        IF NOT FOUND OR booking.status = 'cancelled' THEN
          RETURN NULL;
        END IF;
        SELECT * INTO band FROM childcare_places
          WHERE provider_id = booking.provider_id
            AND booking.age_months BETWEEN min_age_months AND max_age_months
          ORDER BY min_age_months, max_age_months, id
          LIMIT 1
          FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'childcare provider % has no places for a child of % months', booking.provider_id,
            booking.age_months USING ERRCODE = 'TPC01';
        END IF;
        SELECT max(at_once) INTO peak FROM (
          SELECT (
            SELECT count(*) FROM childcare_bookings other
            WHERE other.provider_id = booking.provider_id AND other.care_date = booking.care_date
              AND other.status <> 'cancelled'
              AND other.age_months BETWEEN band.min_age_months AND band.max_age_months
              AND other."from" <= moment AND moment < other."to"
          ) AS at_once
          FROM (
            SELECT booking."from" AS moment
            UNION
            SELECT other."from" FROM childcare_bookings other
            WHERE other.provider_id = booking.provider_id AND other.care_date = booking.care_date
              AND other.status <> 'cancelled'
              AND other."from" > booking."from" AND other."from" < booking."to"
          ) moments
        ) counts;
        IF peak > band.capacity THEN
          RAISE EXCEPTION 'no place left: childcare provider % has % places for ages % to % months, and % children would be there at once on %',
            booking.provider_id, band.capacity, band.min_age_months, band.max_age_months, peak, booking.care_date
            USING ERRCODE = 'TPC01';
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER trg_childcare_bookings_within_places
      AFTER INSERT OR UPDATE ON childcare_bookings
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.status <> 'cancelled')
      EXECUTE FUNCTION childcare_booking_within_places()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_childcare_bookings_within_places ON childcare_bookings`);
    await queryRunner.query(`DROP FUNCTION childcare_booking_within_places()`);
    await queryRunner.query(`ALTER TABLE "absences" DROP CONSTRAINT "FK_f65869ec11d920dd19704d006c5"`);
    await queryRunner.query(`ALTER TABLE "absences" DROP CONSTRAINT "FK_ab3daeec234d71a4833f710de6e"`);
    await queryRunner.query(`ALTER TABLE "absences" DROP CONSTRAINT "FK_0a2d6370df0c3937fb474de381b"`);
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" DROP CONSTRAINT "FK_bf6eb65a92bc206edc8fecded19"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" DROP CONSTRAINT "FK_fb4fc64fac6f6bf272596d62a9b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" DROP CONSTRAINT "FK_4ff50ad2924bc0e9a499c51ac22"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" DROP CONSTRAINT "FK_c0052d51b86c95be4b04f75983c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_bookings" DROP CONSTRAINT "FK_6a7333ec76faf2101bbeca009cb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_f65869ec11d920dd19704d006c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a2d6370df0c3937fb474de381"`);
    await queryRunner.query(`DROP TABLE "absences"`);
    await queryRunner.query(`DROP INDEX "public"."uq_childcare_bookings_child_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_childcare_bookings_provider_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb4fc64fac6f6bf272596d62a9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ff50ad2924bc0e9a499c51ac2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a7333ec76faf2101bbeca009c"`);
    await queryRunner.query(`DROP TABLE "childcare_bookings"`);
  }
}
