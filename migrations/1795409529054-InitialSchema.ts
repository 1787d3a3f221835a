import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795409529054 implements MigrationInterface {
  name = 'InitialSchema1795409529054';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "region_closed_dates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "from" date NOT NULL, "to" date NOT NULL, "reason" text NOT NULL DEFAULT '', CONSTRAINT "chk_region_closed_dates_range" CHECK ("to" >= "from"), CONSTRAINT "PK_60b12b983caf2e24b426683c22e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "region_school_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "region_id" uuid NOT NULL, CONSTRAINT "chk_region_school_hours_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_22fc2418bf23e48979bb1bd714a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "regions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ref" text NOT NULL, "name" text NOT NULL, "timezone" text NOT NULL DEFAULT 'Europe/Amsterdam', "policy_arrive_minutes_before" integer NOT NULL, "policy_max_ride_minutes" integer NOT NULL, "policy_max_ride_factor" numeric(5,2) NOT NULL, "policy_travel_buffer_minutes" integer NOT NULL, "policy_slot_step_minutes" integer NOT NULL, "policy_earliest_start" TIME NOT NULL, "policy_latest_end" TIME NOT NULL, CONSTRAINT "UQ_50deab799cd80748c8101f3190c" UNIQUE ("ref"), CONSTRAINT "chk_regions_policy_minutes" CHECK ("policy_arrive_minutes_before" >= 0 AND "policy_max_ride_minutes" > 0 AND "policy_max_ride_factor" >= 1 AND "policy_travel_buffer_minutes" >= 0 AND "policy_slot_step_minutes" > 0), CONSTRAINT "chk_regions_policy_window" CHECK ("policy_latest_end" > "policy_earliest_start"), CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "vehicles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, "kind" text NOT NULL, "seats" integer NOT NULL, "child_seats" integer NOT NULL DEFAULT '0', "volunteer_driven" boolean NOT NULL DEFAULT false, "depot_lat" double precision NOT NULL, "depot_lon" double precision NOT NULL, CONSTRAINT "uq_vehicles_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_vehicles_seats" CHECK ("seats" >= 1 AND "child_seats" >= 0 AND "child_seats" <= "seats"), CONSTRAINT "chk_vehicles_kind" CHECK ("kind" IN ('taxibus', 'minibus', 'car')), CONSTRAINT "PK_18d8646b59304dce4af3a9e35b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cdd74eea72b66ea9c3a0e31c97" ON "vehicles" ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "vehicle_availability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "vehicle_id" uuid NOT NULL, CONSTRAINT "chk_vehicle_availability_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_bfc5cb36da4bcfe71c66f2c99de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5e0b1c158bdfd8423d5f95ea05" ON "vehicle_availability" ("vehicle_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "trainer_availability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "trainer_id" uuid NOT NULL, CONSTRAINT "chk_trainer_availability_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_c09265890e51e74d441e126f305" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_713a5319eeeca080d8e2930599" ON "trainer_availability" ("trainer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "trainers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, CONSTRAINT "uq_trainers_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "PK_198da56395c269936d351ab774b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b012c3eed5b94e9ca0880adf11" ON "trainers" ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "interpreter_availability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "interpreter_id" uuid NOT NULL, CONSTRAINT "chk_interpreter_availability_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_40c8054443bfc718beeb64ba61d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_88a408bfc6447fc40032659d3e" ON "interpreter_availability" ("interpreter_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "interpreters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, "languages" text array NOT NULL DEFAULT '{}', CONSTRAINT "uq_interpreters_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "PK_27445cdb01f4a88460598fb69a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5b83060f9f418192b05ad71018" ON "interpreters" ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "municipalities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, CONSTRAINT "uq_municipalities_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "PK_9c4573349577306f221dda4d924" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aa87731b7c481ef56100a358ff" ON "municipalities" ("region_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "location_opening_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "location_id" uuid NOT NULL, CONSTRAINT "chk_location_opening_hours_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_355c68a390119f806a215f225f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a00603ce5a61a3c48f2c7ac338" ON "location_opening_hours" ("location_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "municipality_id" uuid NOT NULL, "name" text NOT NULL, "address" text NOT NULL, "rooms" integer NOT NULL DEFAULT '1', "position_lat" double precision NOT NULL, "position_lon" double precision NOT NULL, CONSTRAINT "uq_locations_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_locations_rooms" CHECK ("rooms" >= 1), CONSTRAINT "PK_7cc1c9e3853b94816c094825e74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0a0b8e70186ad9f217aada283a" ON "locations" ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "municipality_id" uuid NOT NULL, "name" text NOT NULL, "phone" text NOT NULL, "email" text, "language" text NOT NULL, "interpreter_needed" boolean NOT NULL DEFAULT false, "reminder_channel" text NOT NULL, "transport" text NOT NULL, "address" text NOT NULL, "position_lat" double precision NOT NULL, "position_lon" double precision NOT NULL, CONSTRAINT "uq_participants_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_participants_transport" CHECK ("transport" IN ('pickup', 'public', 'bike', 'own')), CONSTRAINT "chk_participants_reminder_channel" CHECK ("reminder_channel" IN ('sms', 'whatsapp', 'email')), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7d8f267894ef59b1049239b31d" ON "participants" ("region_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_72c1991400073c0266df54652b" ON "participants" ("municipality_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, "start_date" date NOT NULL, "sessions_per_group" integer NOT NULL, "sessions_per_week" integer NOT NULL DEFAULT '1', "interval_weeks" integer NOT NULL DEFAULT '1', "duration_minutes" integer NOT NULL, CONSTRAINT "uq_programmes_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_programmes_counts" CHECK ("sessions_per_group" >= 1 AND "sessions_per_week" BETWEEN 1 AND 7 AND "interval_weeks" >= 1 AND "duration_minutes" BETWEEN 1 AND 1440), CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e6485f30349a6ef2eed6022f39" ON "programmes" ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "programme_id" uuid NOT NULL, "name" text NOT NULL, "location_id" uuid NOT NULL, "interpreter_languages" text array NOT NULL DEFAULT '{}', CONSTRAINT "uq_groups_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e7da812e3a7ff3e9138bd8e6b0" ON "groups" ("region_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_af43465fc100b154da1dd6c73e" ON "groups" ("programme_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7ca3f03b1f85bb0736d4ee0b6d" ON "groups" ("location_id") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "group_id" uuid NOT NULL, "location_id" uuid NOT NULL, "start" TIMESTAMP WITH TIME ZONE NOT NULL, "end" TIMESTAMP WITH TIME ZONE NOT NULL, "trainer_id" uuid, "status" text NOT NULL DEFAULT 'planned', CONSTRAINT "uq_sessions_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_sessions_status" CHECK ("status" IN ('planned', 'cancelled')), CONSTRAINT "chk_sessions_times" CHECK ("end" > "start"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1ca6381cc0804782fbd7ea638a" ON "sessions" ("region_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_29cb65ff2ae5b234efbe9b6c09" ON "sessions" ("group_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e49e15d3a54d8eb81bfb7eefaa" ON "sessions" ("start") `);
    await queryRunner.query(
      `CREATE TABLE "children" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "participant_id" uuid NOT NULL, "birth_date" date NOT NULL, "care_by_partner" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_children_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "PK_8c5a7cbebf2c702830ef38d22b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ccd55c10937ecad11cc0f4fd7e" ON "children" ("region_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f27833e7e4cccaa63c8d9923ea" ON "children" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "appointments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "participant_id" uuid NOT NULL, "date" date NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "what" text NOT NULL DEFAULT '', CONSTRAINT "chk_appointments_times" CHECK ("to" > "from"), CONSTRAINT "PK_4a437a9a27e948726b8bb3e36ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_591dc1ac8a98e16a43a279051e" ON "appointments" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "language_providers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, "email" text, CONSTRAINT "uq_language_providers_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "PK_8e048b3f3c9dd49998fd845f23a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d5030fa6b36e01c54366b53d7c" ON "language_providers" ("region_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lessons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "participant_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "position_lat" double precision NOT NULL, "position_lon" double precision NOT NULL, CONSTRAINT "chk_lessons_validity" CHECK ("valid_to" >= "valid_from"), CONSTRAINT "chk_lessons_times" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8acbae085d6527b8c28826db85" ON "lessons" ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd2c2c0e61ea17da9e04e991c6" ON "lessons" ("provider_id") `);
    await queryRunner.query(
      `CREATE TABLE "childcare_opening_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "weekday" smallint NOT NULL, "from" TIME NOT NULL, "to" TIME NOT NULL, "provider_id" uuid NOT NULL, CONSTRAINT "chk_childcare_opening_hours_window" CHECK ("to" > "from" AND weekday BETWEEN 1 AND 7), CONSTRAINT "PK_76419eed886b707419d819968e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3e00d9fa83143c8db6db7c3b9e" ON "childcare_opening_hours" ("provider_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "childcare_places" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "min_age_months" integer NOT NULL, "max_age_months" integer NOT NULL, "capacity" integer NOT NULL, CONSTRAINT "chk_childcare_places_band" CHECK ("min_age_months" >= 0 AND "max_age_months" >= "min_age_months" AND "capacity" >= 0), CONSTRAINT "PK_7ea49601c291a5602bdb223a9d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5c3c2b1e7bd331e77068a4934d" ON "childcare_places" ("provider_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "childcare_providers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "ref" text, "name" text NOT NULL, "kind" text NOT NULL, "location_id" uuid, "price_per_hour" numeric(8,2) NOT NULL DEFAULT '0', "position_lat" double precision NOT NULL, "position_lon" double precision NOT NULL, CONSTRAINT "uq_childcare_providers_region_ref" UNIQUE ("region_id", "ref"), CONSTRAINT "chk_childcare_providers_price" CHECK ("price_per_hour" >= 0), CONSTRAINT "chk_childcare_providers_volunteer_location" CHECK ("kind" <> 'volunteer' OR "location_id" IS NOT NULL), CONSTRAINT "chk_childcare_providers_kind" CHECK ("kind" IN ('formal', 'volunteer')), CONSTRAINT "PK_82d4ce2d9ee21c92abde2cbbc0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_705de583dc6e1489e79f290aff" ON "childcare_providers" ("region_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "group_members" ("group_id" uuid NOT NULL, "participant_id" uuid NOT NULL, CONSTRAINT "PK_c6d5156d489ea2623573fac0c55" PRIMARY KEY ("group_id", "participant_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2c840df5db52dc6b4a1b0b69c6" ON "group_members" ("group_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_877db163899675675cb038e38f" ON "group_members" ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "group_trainers" ("group_id" uuid NOT NULL, "trainer_id" uuid NOT NULL, CONSTRAINT "PK_11079a1ef17e06baf11a4723851" PRIMARY KEY ("group_id", "trainer_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_83cc883f84442a86689a398923" ON "group_trainers" ("group_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d1a5a1907907eb00fa83f2d509" ON "group_trainers" ("trainer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_interpreters" ("session_id" uuid NOT NULL, "interpreter_id" uuid NOT NULL, CONSTRAINT "PK_f5006ce0a2fb35093ffec23799d" PRIMARY KEY ("session_id", "interpreter_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3ad2fc8c31332dbb54188b03e3" ON "session_interpreters" ("session_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a7714a230ffeceae3caac1e668" ON "session_interpreters" ("interpreter_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "region_closed_dates" ADD CONSTRAINT "FK_86849e0de1250c9ff049696fd9e" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_school_hours" ADD CONSTRAINT "FK_6bec18524714727eddab75a0f4d" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vehicles" ADD CONSTRAINT "FK_cdd74eea72b66ea9c3a0e31c975" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vehicle_availability" ADD CONSTRAINT "FK_5e0b1c158bdfd8423d5f95ea057" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainer_availability" ADD CONSTRAINT "FK_713a5319eeeca080d8e2930599e" FOREIGN KEY ("trainer_id") REFERENCES "trainers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainers" ADD CONSTRAINT "FK_b012c3eed5b94e9ca0880adf11a" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interpreter_availability" ADD CONSTRAINT "FK_88a408bfc6447fc40032659d3ea" FOREIGN KEY ("interpreter_id") REFERENCES "interpreters"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interpreters" ADD CONSTRAINT "FK_5b83060f9f418192b05ad710187" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "municipalities" ADD CONSTRAINT "FK_aa87731b7c481ef56100a358ffa" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "location_opening_hours" ADD CONSTRAINT "FK_a00603ce5a61a3c48f2c7ac338b" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "FK_0a0b8e70186ad9f217aada283ad" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "FK_76aa308e8cbde864df028314e05" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_7d8f267894ef59b1049239b31d3" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_72c1991400073c0266df54652bf" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "FK_e6485f30349a6ef2eed6022f395" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_e7da812e3a7ff3e9138bd8e6b0c" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_af43465fc100b154da1dd6c73ea" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_7ca3f03b1f85bb0736d4ee0b6d3" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_1ca6381cc0804782fbd7ea638ab" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_29cb65ff2ae5b234efbe9b6c09b" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_10e6ecd2faa99037883ae97a965" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_e6cd60cc4b1a541eedc02d77c63" FOREIGN KEY ("trainer_id") REFERENCES "trainers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "children" ADD CONSTRAINT "FK_ccd55c10937ecad11cc0f4fd7e0" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "children" ADD CONSTRAINT "FK_f27833e7e4cccaa63c8d9923ea8" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointments" ADD CONSTRAINT "FK_591dc1ac8a98e16a43a279051e2" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "language_providers" ADD CONSTRAINT "FK_d5030fa6b36e01c54366b53d7c3" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "FK_8acbae085d6527b8c28826db855" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "FK_bd2c2c0e61ea17da9e04e991c63" FOREIGN KEY ("provider_id") REFERENCES "language_providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_opening_hours" ADD CONSTRAINT "FK_3e00d9fa83143c8db6db7c3b9e2" FOREIGN KEY ("provider_id") REFERENCES "childcare_providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_places" ADD CONSTRAINT "FK_5c3c2b1e7bd331e77068a4934d8" FOREIGN KEY ("provider_id") REFERENCES "childcare_providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_providers" ADD CONSTRAINT "FK_705de583dc6e1489e79f290affb" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_providers" ADD CONSTRAINT "FK_0ee9aa4e01f3c640414936aa479" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_members" ADD CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_members" ADD CONSTRAINT "FK_877db163899675675cb038e38f9" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_trainers" ADD CONSTRAINT "FK_83cc883f84442a86689a398923f" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_trainers" ADD CONSTRAINT "FK_d1a5a1907907eb00fa83f2d509c" FOREIGN KEY ("trainer_id") REFERENCES "trainers"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_interpreters" ADD CONSTRAINT "FK_3ad2fc8c31332dbb54188b03e3a" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_interpreters" ADD CONSTRAINT "FK_a7714a230ffeceae3caac1e668d" FOREIGN KEY ("interpreter_id") REFERENCES "interpreters"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_interpreters" DROP CONSTRAINT "FK_a7714a230ffeceae3caac1e668d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_interpreters" DROP CONSTRAINT "FK_3ad2fc8c31332dbb54188b03e3a"`,
    );
    await queryRunner.query(`ALTER TABLE "group_trainers" DROP CONSTRAINT "FK_d1a5a1907907eb00fa83f2d509c"`);
    await queryRunner.query(`ALTER TABLE "group_trainers" DROP CONSTRAINT "FK_83cc883f84442a86689a398923f"`);
    await queryRunner.query(`ALTER TABLE "group_members" DROP CONSTRAINT "FK_877db163899675675cb038e38f9"`);
    await queryRunner.query(`ALTER TABLE "group_members" DROP CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e"`);
    await queryRunner.query(
      `ALTER TABLE "childcare_providers" DROP CONSTRAINT "FK_0ee9aa4e01f3c640414936aa479"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_providers" DROP CONSTRAINT "FK_705de583dc6e1489e79f290affb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_places" DROP CONSTRAINT "FK_5c3c2b1e7bd331e77068a4934d8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "childcare_opening_hours" DROP CONSTRAINT "FK_3e00d9fa83143c8db6db7c3b9e2"`,
    );
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_bd2c2c0e61ea17da9e04e991c63"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_8acbae085d6527b8c28826db855"`);
    await queryRunner.query(
      `ALTER TABLE "language_providers" DROP CONSTRAINT "FK_d5030fa6b36e01c54366b53d7c3"`,
    );
    await queryRunner.query(`ALTER TABLE "appointments" DROP CONSTRAINT "FK_591dc1ac8a98e16a43a279051e2"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_f27833e7e4cccaa63c8d9923ea8"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_ccd55c10937ecad11cc0f4fd7e0"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_e6cd60cc4b1a541eedc02d77c63"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_10e6ecd2faa99037883ae97a965"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_29cb65ff2ae5b234efbe9b6c09b"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_1ca6381cc0804782fbd7ea638ab"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "FK_7ca3f03b1f85bb0736d4ee0b6d3"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "FK_af43465fc100b154da1dd6c73ea"`);
    await queryRunner.query(`ALTER TABLE "groups" DROP CONSTRAINT "FK_e7da812e3a7ff3e9138bd8e6b0c"`);
    await queryRunner.query(`ALTER TABLE "programmes" DROP CONSTRAINT "FK_e6485f30349a6ef2eed6022f395"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_72c1991400073c0266df54652bf"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_7d8f267894ef59b1049239b31d3"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP CONSTRAINT "FK_76aa308e8cbde864df028314e05"`);
    await queryRunner.query(`ALTER TABLE "locations" DROP CONSTRAINT "FK_0a0b8e70186ad9f217aada283ad"`);
    await queryRunner.query(
      `ALTER TABLE "location_opening_hours" DROP CONSTRAINT "FK_a00603ce5a61a3c48f2c7ac338b"`,
    );
    await queryRunner.query(`ALTER TABLE "municipalities" DROP CONSTRAINT "FK_aa87731b7c481ef56100a358ffa"`);
    await queryRunner.query(`ALTER TABLE "interpreters" DROP CONSTRAINT "FK_5b83060f9f418192b05ad710187"`);
    await queryRunner.query(
      `ALTER TABLE "interpreter_availability" DROP CONSTRAINT "FK_88a408bfc6447fc40032659d3ea"`,
    );
    await queryRunner.query(`ALTER TABLE "trainers" DROP CONSTRAINT "FK_b012c3eed5b94e9ca0880adf11a"`);
    await queryRunner.query(
      `ALTER TABLE "trainer_availability" DROP CONSTRAINT "FK_713a5319eeeca080d8e2930599e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vehicle_availability" DROP CONSTRAINT "FK_5e0b1c158bdfd8423d5f95ea057"`,
    );
    await queryRunner.query(`ALTER TABLE "vehicles" DROP CONSTRAINT "FK_cdd74eea72b66ea9c3a0e31c975"`);
    await queryRunner.query(
      `ALTER TABLE "region_school_hours" DROP CONSTRAINT "FK_6bec18524714727eddab75a0f4d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_closed_dates" DROP CONSTRAINT "FK_86849e0de1250c9ff049696fd9e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_a7714a230ffeceae3caac1e668"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ad2fc8c31332dbb54188b03e3"`);
    await queryRunner.query(`DROP TABLE "session_interpreters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1a5a1907907eb00fa83f2d509"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_83cc883f84442a86689a398923"`);
    await queryRunner.query(`DROP TABLE "group_trainers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_877db163899675675cb038e38f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c840df5db52dc6b4a1b0b69c6"`);
    await queryRunner.query(`DROP TABLE "group_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_705de583dc6e1489e79f290aff"`);
    await queryRunner.query(`DROP TABLE "childcare_providers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5c3c2b1e7bd331e77068a4934d"`);
    await queryRunner.query(`DROP TABLE "childcare_places"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e00d9fa83143c8db6db7c3b9e"`);
    await queryRunner.query(`DROP TABLE "childcare_opening_hours"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd2c2c0e61ea17da9e04e991c6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8acbae085d6527b8c28826db85"`);
    await queryRunner.query(`DROP TABLE "lessons"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5030fa6b36e01c54366b53d7c"`);
    await queryRunner.query(`DROP TABLE "language_providers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_591dc1ac8a98e16a43a279051e"`);
    await queryRunner.query(`DROP TABLE "appointments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f27833e7e4cccaa63c8d9923ea"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccd55c10937ecad11cc0f4fd7e"`);
    await queryRunner.query(`DROP TABLE "children"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e49e15d3a54d8eb81bfb7eefaa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29cb65ff2ae5b234efbe9b6c09"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1ca6381cc0804782fbd7ea638a"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ca3f03b1f85bb0736d4ee0b6d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_af43465fc100b154da1dd6c73e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7da812e3a7ff3e9138bd8e6b0"`);
    await queryRunner.query(`DROP TABLE "groups"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e6485f30349a6ef2eed6022f39"`);
    await queryRunner.query(`DROP TABLE "programmes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72c1991400073c0266df54652b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7d8f267894ef59b1049239b31d"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a0b8e70186ad9f217aada283a"`);
    await queryRunner.query(`DROP TABLE "locations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a00603ce5a61a3c48f2c7ac338"`);
    await queryRunner.query(`DROP TABLE "location_opening_hours"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aa87731b7c481ef56100a358ff"`);
    await queryRunner.query(`DROP TABLE "municipalities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b83060f9f418192b05ad71018"`);
    await queryRunner.query(`DROP TABLE "interpreters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88a408bfc6447fc40032659d3e"`);
    await queryRunner.query(`DROP TABLE "interpreter_availability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b012c3eed5b94e9ca0880adf11"`);
    await queryRunner.query(`DROP TABLE "trainers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_713a5319eeeca080d8e2930599"`);
    await queryRunner.query(`DROP TABLE "trainer_availability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e0b1c158bdfd8423d5f95ea05"`);
    await queryRunner.query(`DROP TABLE "vehicle_availability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cdd74eea72b66ea9c3a0e31c97"`);
    await queryRunner.query(`DROP TABLE "vehicles"`);
    await queryRunner.query(`DROP TABLE "regions"`);
    await queryRunner.query(`DROP TABLE "region_school_hours"`);
    await queryRunner.query(`DROP TABLE "region_closed_dates"`);
  }
}
