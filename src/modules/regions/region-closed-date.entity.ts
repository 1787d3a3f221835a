import { Check, Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Region } from './region.entity';

/** School holidays and other closures, both ends inclusive; public holidays come from the planner itself. */
@Entity('region_closed_dates')
@Check('chk_region_closed_dates_range', '"to" >= "from"')
export class RegionClosedDate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, (region) => region.closedDates, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  region: Region;

  @Column({ type: 'date' })
  from: string;

  @Column({ type: 'date' })
  to: string;

  @Column({ type: 'text', default: '' })
  reason: string;
}
