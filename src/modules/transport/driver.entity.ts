import { Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { RegionRecord } from '../regions/region-record';
import { Vehicle } from './vehicle.entity';

/** Drives a vehicle: a taxi driver or a volunteer of the Naoberbus. Gets her route sheets with a driver token. */
@Entity('drivers')
@Unique('uq_drivers_region_ref', ['regionId', 'ref'])
export class Driver extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** The vehicle she usually drives. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  vehicleId: string | null;

  @ManyToOne(() => Vehicle, { onDelete: 'SET NULL', nullable: true })
  vehicle: Vehicle | null;
}
