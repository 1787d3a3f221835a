import { MigrationInterface, QueryRunner } from 'typeorm';

/** A region's cost rates (childcare own contribution, travel, drivers' allowance, taxis, interpreters) and each programme's budget. */
export class CostRatesAndBudgets1795418690000 implements MigrationInterface {
  name = 'CostRatesAndBudgets1795418690000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const amounts = [
      'own_contribution_cents_per_hour',
      'public_cents_per_trip',
      'public_cents_per_km',
      'bike_cents_per_trip',
      'bike_cents_per_km',
      'driver_cents_per_km',
      'taxi_cents_per_km',
      'taxi_cents_per_hour',
      'interpreter_cents_per_hour',
    ];
    await queryRunner.query(
      `CREATE TABLE "region_cost_rates" ("region_id" uuid NOT NULL, "own_contribution_percent" integer NOT NULL DEFAULT 0, ` +
        amounts.map((column) => `"${column}" integer NOT NULL DEFAULT 0, `).join('') +
        `"driver_monthly_cap_cents" integer, "driver_yearly_cap_cents" integer, ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "chk_region_cost_rates_amounts" CHECK ("own_contribution_percent" BETWEEN 0 AND 100 AND ` +
        amounts.map((column) => `"${column}" >= 0 AND `).join('') +
        `COALESCE("driver_monthly_cap_cents", 0) >= 0 AND COALESCE("driver_yearly_cap_cents", 0) >= 0), ` +
        `CONSTRAINT "PK_region_cost_rates" PRIMARY KEY ("region_id"), ` +
        `CONSTRAINT "FK_region_cost_rates_region_id" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_budgets" ("programme_id" uuid NOT NULL, "region_id" uuid NOT NULL, "amount_cents" integer NOT NULL, ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "chk_programme_budgets_amount" CHECK ("amount_cents" >= 0), ` +
        `CONSTRAINT "PK_programme_budgets" PRIMARY KEY ("programme_id"), ` +
        `CONSTRAINT "FK_programme_budgets_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION, ` +
        `CONSTRAINT "FK_programme_budgets_region_id" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_programme_budgets_region" ON "programme_budgets" ("region_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "programme_budgets"`);
    await queryRunner.query(`DROP TABLE "region_cost_rates"`);
  }
}
