import { Check, Column, Entity, ManyToOne, OneToMany, Unique } from 'typeorm';
import { Position } from '../../common/database/columns';
import { Municipality } from '../regions/municipality.entity';
import { RegionRecord } from '../regions/region-record';
import { LocationOpeningHours } from './location-opening-hours.entity';

/** A central training location: a community centre, a school. */
@Entity('locations')
@Unique('uq_locations_region_ref', ['regionId', 'ref'])
@Check('chk_locations_rooms', '"rooms" >= 1')
export class Location extends RegionRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  municipality: Municipality;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  address: string;

  @Column(() => Position)
  position: Position;

  /** How many groups can meet here at the same time. */
  @Column({ type: 'integer', default: 1 })
  rooms: number;

  @OneToMany(() => LocationOpeningHours, (hours) => hours.location, { cascade: true })
  openingHours: LocationOpeningHours[];
}
