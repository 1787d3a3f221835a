import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasing a woman now deletes the car-pool offers she made or was made (their sessions go with them), and the
 * planner no longer skips offers of erased drivers. This deletes those of women erased before, so that an erased
 * driver's passengers go back to the vehicles at the next plan as they did.
 */
export class DeleteCarPoolOffersOfErased1795418930000 implements MigrationInterface {
  name = 'DeleteCarPoolOffersOfErased1795418930000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "car_pool_offers" offer
        WHERE EXISTS (SELECT 1 FROM "participants" erased
                       WHERE erased."erased_at" IS NOT NULL
                         AND erased."id" IN (offer."driver_id", offer."passenger_id"))`,
    );
  }

  /** What erasure removed is not brought back. */
  async down(): Promise<void> {}
}
