import { MigrationInterface, QueryRunner } from 'typeorm';

/** A vehicle may collect in some municipalities only (the Naoberbus drives only in Berkelland). */
export class VehicleMunicipalities1795418500000 implements MigrationInterface {
  name = 'VehicleMunicipalities1795418500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicles" ADD "municipality_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicles" DROP COLUMN "municipality_ids"`);
  }
}
