import { Column, Index, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/database/columns';
import { Region } from './region.entity';

/**
 * The region's column without its index and foreign key, for a table whose migration named those by hand: the
 * entity declares them itself under those names (a subclass cannot rename what its base class declares).
 */
export abstract class RegionColumnRecord extends BaseRecord {
  @Column({ type: 'uuid' })
  regionId: string;
}

/** A record that belongs to one region, for region filters and access checks without a join. */
@Index(['regionId'])
export abstract class RegionOwnedRecord extends RegionColumnRecord {
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
