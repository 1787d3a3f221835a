import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { Vehicle } from './vehicle.entity';

@Entity('vehicle_availability')
@Check('chk_vehicle_availability_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class VehicleAvailability extends WeeklyWindowColumns {
  @Index()
  @Column({ type: 'uuid' })
  vehicleId: string;

  @ManyToOne(() => Vehicle, (owner) => owner.availability, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  vehicle: Vehicle;
}
