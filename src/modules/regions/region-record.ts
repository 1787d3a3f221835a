import { Column, Index, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/database/columns';
import { Region } from './region.entity';

/** A record that belongs to one region, for region filters and access checks without a join. */
export abstract class RegionOwnedRecord extends BaseRecord {
  @Index()
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region: Region;
}

/**
 * A record of a region that a scenario names. `ref` is its scenario id, unique within its list in the region
 * (each entity declares that unique key, so that it can be named).
 */
export abstract class RegionRecord extends RegionOwnedRecord {
  @Column({ type: 'text', nullable: true })
  ref: string | null;
}
