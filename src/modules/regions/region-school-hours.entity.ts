import { Check, Column, Entity, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { Region } from './region.entity';

/** Primary-school hours in the region: children aged 4 to 12 are at school then. */
@Entity('region_school_hours')
@Check('chk_region_school_hours_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class RegionSchoolHours extends WeeklyWindowColumns {
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, (region) => region.schoolHours, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  region: Region;
}
