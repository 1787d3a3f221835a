import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataVersion1795418640000 } from './1795418640000-DataVersion';

/**
 * Car-pooling: the seats a woman who drives herself offers to others, and the offers to take a woman who needs a
 * ride along to the sessions she is named for. One pair of women has at most one standing offer (offered,
 * accepted or declined) per programme: a declined offer is not made again; a withdrawn one may be.
 */
export class CarPoolOffers1795418830000 implements MigrationInterface {
  name = 'CarPoolOffers1795418830000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "participants" ADD "car_seats_offered" integer NOT NULL DEFAULT 0, ADD CONSTRAINT "chk_participants_car_seats_offered" CHECK ("car_seats_offered" BETWEEN 0 AND 8)`,
    );
    await queryRunner.query(
      `CREATE TABLE "car_pool_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "region_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "driver_id" uuid NOT NULL, "passenger_id" uuid NOT NULL, "children" integer NOT NULL DEFAULT 0, "status" text NOT NULL DEFAULT 'offered', "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_car_pool_offers_status" CHECK ("status" IN ('offered', 'accepted', 'declined', 'withdrawn')), CONSTRAINT "chk_car_pool_offers_two_women" CHECK ("driver_id" <> "passenger_id"), CONSTRAINT "chk_car_pool_offers_children" CHECK ("children" >= 0), CONSTRAINT "PK_car_pool_offers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_car_pool_offers_standing" ON "car_pool_offers" ("programme_id", "driver_id", "passenger_id") WHERE "status" IN ('offered', 'accepted', 'declined')`,
    );
    for (const column of ['region_id', 'driver_id', 'passenger_id'])
      await queryRunner.query(
        `CREATE INDEX "ix_car_pool_offers_${column}" ON "car_pool_offers" ("${column}")`,
      );
    for (const [column, table, onDelete] of [
      ['region_id', 'regions', 'RESTRICT'],
      ['programme_id', 'programmes', 'CASCADE'],
      ['driver_id', 'participants', 'CASCADE'],
      ['passenger_id', 'participants', 'CASCADE'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "car_pool_offers" ADD CONSTRAINT "FK_car_pool_offers_${column}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(
      `CREATE TABLE "car_pool_offer_sessions" ("offer_id" uuid NOT NULL, "session_id" uuid NOT NULL, CONSTRAINT "PK_car_pool_offer_sessions" PRIMARY KEY ("offer_id", "session_id"), CONSTRAINT "FK_car_pool_offer_sessions_offer_id" FOREIGN KEY ("offer_id") REFERENCES "car_pool_offers"("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_car_pool_offer_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_car_pool_offer_sessions_session" ON "car_pool_offer_sessions" ("session_id")`,
    );
    for (const table of ['car_pool_offers', 'car_pool_offer_sessions'])
      for (const statement of DataVersion1795418640000.triggersOn(table)) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "car_pool_offer_sessions"`);
    await queryRunner.query(`DROP TABLE "car_pool_offers"`);
    await queryRunner.query(
      `ALTER TABLE "participants" DROP CONSTRAINT "chk_participants_car_seats_offered", DROP COLUMN "car_seats_offered"`,
    );
  }
}
