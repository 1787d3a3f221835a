import { Check, Column, Entity, Index, ManyToOne, OneToMany } from 'typeorm';
import { Session } from '../programmes/session.entity';
import { RegionOwnedRecord } from '../regions/region-record';
import { Driver } from '../transport/driver.entity';
import { Vehicle } from '../transport/vehicle.entity';
import { RouteStop } from './route-stop.entity';

export const DIRECTIONS = ['to', 'from'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * One trip of a vehicle for a session: from its depot past the participants' homes to the location (`to`), or
 * from the location past their homes (`from`). `depart`…`arrive` is the time the vehicle is taken.
 */
@Entity('routes')
@Check('chk_routes_direction', `"direction" IN ('to', 'from')`)
@Check('chk_routes_times', '"arrive" >= "depart"')
@Index('ix_routes_session_direction', ['sessionId', 'direction'])
@Index('ix_routes_vehicle_depart', ['vehicleId', 'depart'])
export class Route extends RegionOwnedRecord {
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;

  @Column({ type: 'uuid' })
  vehicleId: string;

  @ManyToOne(() => Vehicle, { onDelete: 'RESTRICT' })
  vehicle: Vehicle;

  /** The vehicle's usual driver when the route was planned. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  driverId: string | null;

  @ManyToOne(() => Driver, { onDelete: 'SET NULL', nullable: true })
  driver: Driver | null;

  @Column({ type: 'text' })
  direction: Direction;

  @Column({ type: 'timestamptz' })
  depart: Date;

  @Column({ type: 'timestamptz' })
  arrive: Date;

  @Column({ type: 'integer' })
  driveMinutes: number;

  @OneToMany(() => RouteStop, (stop) => stop.route, { cascade: true })
  stops: RouteStop[];
}
