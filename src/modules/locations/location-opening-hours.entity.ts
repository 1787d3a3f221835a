import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { Location } from './location.entity';

@Entity('location_opening_hours')
@Check('chk_location_opening_hours_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class LocationOpeningHours extends WeeklyWindowColumns {
  @Index()
  @Column({ type: 'uuid' })
  locationId: string;

  @ManyToOne(() => Location, (location) => location.openingHours, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  location: Location;
}
