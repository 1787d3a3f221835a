import { MigrationInterface, QueryRunner } from 'typeorm';

export class TravelTimeCache1795416900000 implements MigrationInterface {
  name = 'TravelTimeCache1795416900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "travel_time_cache" ("origin_lat" numeric(8,5) NOT NULL, "origin_lon" numeric(8,5) NOT NULL, "destination_lat" numeric(8,5) NOT NULL, "destination_lon" numeric(8,5) NOT NULL, "hour_of_week" smallint NOT NULL, "minutes" integer NOT NULL, "km" numeric(8,3) NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_travel_time_cache_values" CHECK ("minutes" >= 0 AND "km" >= 0), CONSTRAINT "chk_travel_time_cache_hour_of_week" CHECK ("hour_of_week" BETWEEN -1 AND 167), CONSTRAINT "pk_travel_time_cache" PRIMARY KEY ("origin_lat", "origin_lon", "destination_lat", "destination_lon", "hour_of_week"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "travel_time_cache"`);
  }
}
