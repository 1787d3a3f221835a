import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { ChildcareProvider } from './childcare-provider.entity';

@Entity('childcare_opening_hours')
@Check('chk_childcare_opening_hours_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class ChildcareOpeningHours extends WeeklyWindowColumns {
  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ChildcareProvider, (owner) => owner.openingHours, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  provider: ChildcareProvider;
}
