import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Travel times cached per mode: the same pair at the same hour is a different trip by car and by public
 * transport. Times stored before are car times.
 */
export class TravelTimeCacheByMode1795418820000 implements MigrationInterface {
  name = 'TravelTimeCacheByMode1795418820000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "travel_time_cache" ADD "mode" character varying(16) NOT NULL DEFAULT 'driving', ` +
        `ADD CONSTRAINT "chk_travel_time_cache_mode" CHECK ("mode" IN ('driving', 'transit'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "travel_time_cache" DROP CONSTRAINT "pk_travel_time_cache", ` +
        `ADD CONSTRAINT "pk_travel_time_cache" PRIMARY KEY ("origin_lat", "origin_lon", "destination_lat", "destination_lon", "hour_of_week", "mode")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A cache: the transit times can be asked again.
    await queryRunner.query(`DELETE FROM "travel_time_cache" WHERE "mode" <> 'driving'`);
    await queryRunner.query(
      `ALTER TABLE "travel_time_cache" DROP CONSTRAINT "pk_travel_time_cache", ` +
        `ADD CONSTRAINT "pk_travel_time_cache" PRIMARY KEY ("origin_lat", "origin_lon", "destination_lat", "destination_lon", "hour_of_week")`,
    );
    await queryRunner.query(
      `ALTER TABLE "travel_time_cache" DROP CONSTRAINT "chk_travel_time_cache_mode", DROP COLUMN "mode"`,
    );
  }
}
