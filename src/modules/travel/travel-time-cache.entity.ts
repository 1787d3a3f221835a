import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../common/database/columns';
import type { TravelMode } from '../../planning/travel/travel-mode';

const PRIMARY_KEY = 'pk_travel_time_cache';

const Coordinate = () =>
  PrimaryColumn({
    type: 'numeric',
    precision: 8,
    scale: 5,
    transformer: numericTransformer,
    primaryKeyConstraintName: PRIMARY_KEY,
  });

/**
 * A travel time that Google answered, kept so that the same pair at the same hour of the week by the same mode is not asked
 * (and paid for) again. Positions are rounded to 5 decimals (about 1 m). Offline times are never stored: they
 * cost nothing to compute.
 */
@Entity('travel_time_cache')
@Check('chk_travel_time_cache_hour_of_week', '"hour_of_week" BETWEEN -1 AND 167')
@Check('chk_travel_time_cache_mode', `"mode" IN ('driving', 'transit')`)
@Check('chk_travel_time_cache_values', '"minutes" >= 0 AND "km" >= 0')
export class TravelTimeCache {
  @Coordinate()
  originLat: number;

  @Coordinate()
  originLon: number;

  @Coordinate()
  destinationLat: number;

  @Coordinate()
  destinationLon: number;

  /** 0 (Monday 00:00) to 167 in Europe/Amsterdam; -1 for a time asked without a departure. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: PRIMARY_KEY })
  hourOfWeek: number;

  /** By car (`driving`) or by public transport (`transit`). */
  @PrimaryColumn({ type: 'varchar', length: 16, default: 'driving', primaryKeyConstraintName: PRIMARY_KEY })
  mode: TravelMode;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'numeric', precision: 8, scale: 3, transformer: numericTransformer })
  km: number;

  /** Indexed for the nightly clean-up (migration IndexTravelTimesFetchedAt). */
  @Index('idx_travel_time_cache_fetched_at')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  fetchedAt: Date;
}
