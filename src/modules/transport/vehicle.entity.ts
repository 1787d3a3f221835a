import { Check, Column, Entity, OneToMany, Unique } from 'typeorm';
import { Position } from '../../common/database/columns';
import { RegionRecord } from '../regions/region-record';
import { VehicleAvailability } from './vehicle-availability.entity';

export const VEHICLE_KINDS = ['taxibus', 'minibus', 'car'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** A taxibus, a volunteer-driven bus or a car that collects participants and brings them home. */
@Entity('vehicles')
@Unique('uq_vehicles_region_ref', ['regionId', 'ref'])
@Check('chk_vehicles_kind', `"kind" IN ('taxibus', 'minibus', 'car')`)
@Check('chk_vehicles_seats', '"seats" >= 1 AND "child_seats" >= 0 AND "child_seats" <= "seats"')
export class Vehicle extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: VehicleKind;

  /** Passenger seats, not counting the driver. */
  @Column({ type: 'integer' })
  seats: number;

  @Column({ type: 'integer', default: 0 })
  childSeats: number;

  @Column(() => Position)
  depot: Position;

  @Column({ type: 'boolean', default: false })
  volunteerDriven: boolean;

  /** The municipalities it collects in; empty: all of the region's. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  municipalityIds: string[];

  @OneToMany(() => VehicleAvailability, (window) => window.vehicle, { cascade: true })
  availability: VehicleAvailability[];
}
