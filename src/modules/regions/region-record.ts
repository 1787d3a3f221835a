import { Column, Index, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/database/columns';
import { Region } from './region.entity';

/**
 * A record that belongs to one region. `ref` is its scenario id, unique within its list in the region
 * (each entity declares that unique key, so that it can be named).
 */
export abstract class RegionRecord extends BaseRecord {
  @Index()
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region: Region;

  @Column({ type: 'text', nullable: true })
  ref: string | null;
}
