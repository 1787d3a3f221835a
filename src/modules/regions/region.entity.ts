import { Check, Column, Entity, OneToMany } from 'typeorm';
import { BaseRecord, TimeOfDayColumn } from '../../common/database/columns';
import { numericTransformer } from '../../common/database/columns';
import { RegionClosedDate } from './region-closed-date.entity';
import { RegionSchoolHours } from './region-school-hours.entity';

/** How sessions and rides are planned in a region (the scenario's `policy`). */
export class Policy {
  @Column({ type: 'integer' })
  arriveMinutesBefore: number;

  @Column({ type: 'integer' })
  maxRideMinutes: number;

  /** How early she may arrive at the location: the time a vehicle has for several trips before a session. */
  @Column({ type: 'integer', default: 45 })
  maxEarlyMinutes: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  maxRideFactor: number;

  @Column({ type: 'integer' })
  travelBufferMinutes: number;

  @Column({ type: 'integer' })
  slotStepMinutes: number;

  @TimeOfDayColumn()
  earliestStart: string;

  @TimeOfDayColumn()
  latestEnd: string;
}

/** The municipalities that plan their trainings together, sharing locations and vehicles. */
@Entity('regions')
@Check('chk_regions_policy_window', '"policy_latest_end" > "policy_earliest_start"')
@Check(
  'chk_regions_policy_minutes',
  '"policy_arrive_minutes_before" >= 0 AND "policy_max_ride_minutes" > 0 AND "policy_max_ride_factor" >= 1 ' +
    'AND "policy_travel_buffer_minutes" >= 0 AND "policy_slot_step_minutes" > 0',
)
@Check('chk_regions_policy_max_early', '"policy_max_early_minutes" >= 0')
export class Region extends BaseRecord {
  /** The scenario's `region` id, e.g. `berkelland`: unique over all regions. */
  @Column({ type: 'text', unique: true })
  ref: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'Europe/Amsterdam' })
  timezone: string;

  @Column(() => Policy)
  policy: Policy;

  @OneToMany(() => RegionSchoolHours, (hours) => hours.region, { cascade: true })
  schoolHours: RegionSchoolHours[];

  @OneToMany(() => RegionClosedDate, (closed) => closed.region, { cascade: true })
  closedDates: RegionClosedDate[];
}
