import { Column, Entity, Unique } from 'typeorm';
import { RegionRecord } from './region-record';

@Entity('municipalities')
@Unique('uq_municipalities_region_ref', ['regionId', 'ref'])
export class Municipality extends RegionRecord {
  @Column({ type: 'text' })
  name: string;
}
