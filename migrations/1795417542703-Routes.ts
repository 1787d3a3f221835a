import { MigrationInterface, QueryRunner } from 'typeorm';

export class Routes1795417542703 implements MigrationInterface {
  name = 'Routes1795417542703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unrouted_pickups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "direction" text NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_512ee5ddac86fc2e9cb6a232a71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c51bc9ae49df376fe989fe5426" ON "unrouted_pickups" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_unrouted_pickups" ON "unrouted_pickups" ("session_id", "participant_id", "direction") `,
    );
    await queryRunner.query(
      `CREATE TABLE "route_stops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "route_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "position" integer NOT NULL, "time" TIMESTAMP WITH TIME ZONE NOT NULL, "children" integer NOT NULL DEFAULT '0', "status" text NOT NULL DEFAULT 'planned', "status_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_route_stops_children" CHECK ("children" >= 0), CONSTRAINT "chk_route_stops_status" CHECK ("status" IN ('planned', 'picked-up', 'no-show')), CONSTRAINT "PK_22c09afc24c0a7a13644c629073" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b16cab5c66870949cbb4ee748c" ON "route_stops" ("route_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_be23f7f9fb9ff2aafd06dd2051" ON "route_stops" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "routes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "session_id" uuid NOT NULL, "vehicle_id" uuid NOT NULL, "driver_id" uuid, "direction" text NOT NULL, "depart" TIMESTAMP WITH TIME ZONE NOT NULL, "arrive" TIMESTAMP WITH TIME ZONE NOT NULL, "drive_minutes" integer NOT NULL, CONSTRAINT "chk_routes_times" CHECK ("arrive" >= "depart"), CONSTRAINT "chk_routes_direction" CHECK ("direction" IN ('to', 'from')), CONSTRAINT "PK_76100511cdfa1d013c859f01d8b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_33359ae60f87f6a57d318e11c8" ON "routes" ("region_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b24793975c0b6d169abb714b2a" ON "routes" ("driver_id") `);
    await queryRunner.query(`CREATE INDEX "ix_routes_vehicle_depart" ON "routes" ("vehicle_id", "depart") `);
    await queryRunner.query(
      `CREATE INDEX "ix_routes_session_direction" ON "routes" ("session_id", "direction") `,
    );
    await queryRunner.query(
      `ALTER TABLE "unrouted_pickups" ADD CONSTRAINT "FK_b9122824a6b85d53633e2d990c6" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unrouted_pickups" ADD CONSTRAINT "FK_c51bc9ae49df376fe989fe54265" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_stops" ADD CONSTRAINT "FK_b16cab5c66870949cbb4ee748c0" FOREIGN KEY ("route_id") REFERENCES "routes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_stops" ADD CONSTRAINT "FK_be23f7f9fb9ff2aafd06dd2051e" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" ADD CONSTRAINT "FK_33359ae60f87f6a57d318e11c8c" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" ADD CONSTRAINT "FK_1ceac282f1b007dc479143f3bc0" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" ADD CONSTRAINT "FK_4799f838f95331185270ea981df" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" ADD CONSTRAINT "FK_b24793975c0b6d169abb714b2a6" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "routes" DROP CONSTRAINT "FK_b24793975c0b6d169abb714b2a6"`);
    await queryRunner.query(`ALTER TABLE "routes" DROP CONSTRAINT "FK_4799f838f95331185270ea981df"`);
    await queryRunner.query(`ALTER TABLE "routes" DROP CONSTRAINT "FK_1ceac282f1b007dc479143f3bc0"`);
    await queryRunner.query(`ALTER TABLE "routes" DROP CONSTRAINT "FK_33359ae60f87f6a57d318e11c8c"`);
    await queryRunner.query(`ALTER TABLE "route_stops" DROP CONSTRAINT "FK_be23f7f9fb9ff2aafd06dd2051e"`);
    await queryRunner.query(`ALTER TABLE "route_stops" DROP CONSTRAINT "FK_b16cab5c66870949cbb4ee748c0"`);
    await queryRunner.query(
      `ALTER TABLE "unrouted_pickups" DROP CONSTRAINT "FK_c51bc9ae49df376fe989fe54265"`,
    );
    await queryRunner.query(
      `ALTER TABLE "unrouted_pickups" DROP CONSTRAINT "FK_b9122824a6b85d53633e2d990c6"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_routes_session_direction"`);
    await queryRunner.query(`DROP INDEX "public"."ix_routes_vehicle_depart"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b24793975c0b6d169abb714b2a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33359ae60f87f6a57d318e11c8"`);
    await queryRunner.query(`DROP TABLE "routes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be23f7f9fb9ff2aafd06dd2051"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b16cab5c66870949cbb4ee748c"`);
    await queryRunner.query(`DROP TABLE "route_stops"`);
    await queryRunner.query(`DROP INDEX "public"."uq_unrouted_pickups"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c51bc9ae49df376fe989fe5426"`);
    await queryRunner.query(`DROP TABLE "unrouted_pickups"`);
  }
}
