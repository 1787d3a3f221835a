import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Region } from '../regions/region.entity';

/** A region's cost policy (see CostRates): amounts in euro cents, a null cap is no cap. */
@Entity('region_cost_rates')
@Check(
  'chk_region_cost_rates_amounts',
  '"own_contribution_percent" BETWEEN 0 AND 100 AND "own_contribution_cents_per_hour" >= 0 AND ' +
    '"public_cents_per_trip" >= 0 AND "public_cents_per_km" >= 0 AND "bike_cents_per_trip" >= 0 AND ' +
    '"bike_cents_per_km" >= 0 AND "driver_cents_per_km" >= 0 AND "taxi_cents_per_km" >= 0 AND ' +
    '"taxi_cents_per_hour" >= 0 AND "interpreter_cents_per_hour" >= 0 AND ' +
    'COALESCE("driver_monthly_cap_cents", 0) >= 0 AND COALESCE("driver_yearly_cap_cents", 0) >= 0',
)
export class RegionCostRates {
  @PrimaryColumn({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_region_cost_rates_region_id' })
  region?: Region;

  @Column({ type: 'integer', default: 0 })
  ownContributionPercent: number;

  @Column({ type: 'integer', default: 0 })
  ownContributionCentsPerHour: number;

  @Column({ type: 'integer', default: 0 })
  publicCentsPerTrip: number;

  @Column({ type: 'integer', default: 0 })
  publicCentsPerKm: number;

  @Column({ type: 'integer', default: 0 })
  bikeCentsPerTrip: number;

  @Column({ type: 'integer', default: 0 })
  bikeCentsPerKm: number;

  @Column({ type: 'integer', default: 0 })
  driverCentsPerKm: number;

  @Column({ type: 'integer', nullable: true })
  driverMonthlyCapCents: number | null;

  @Column({ type: 'integer', nullable: true })
  driverYearlyCapCents: number | null;

  @Column({ type: 'integer', default: 0 })
  taxiCentsPerKm: number;

  @Column({ type: 'integer', default: 0 })
  taxiCentsPerHour: number;

  @Column({ type: 'integer', default: 0 })
  interpreterCentsPerHour: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
