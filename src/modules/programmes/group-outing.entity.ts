import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
import { Group } from './group.entity';
import { Programme } from './programme.entity';
import { OutingPlace } from './session-outing.entity';

/**
 * An outing of a group on a date, as a scenario gives it (`programme.outings[]`): it waits for the plan, which
 * puts it on the group's session of that date, whichever session that is after a re-plan.
 */
@Entity('group_outings')
@Unique('uq_group_outings_group_date', ['groupId', 'date'])
@Index('ix_group_outings_region', ['regionId'])
@Check('chk_group_outings_places', 'jsonb_array_length("places") BETWEEN 1 AND 10')
export class GroupOuting extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_group_outings_region_id' })
  region: Region;

  @Index('ix_group_outings_programme')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_group_outings_programme_id' })
  programme: Programme;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_group_outings_group_id' })
  group: Group;

  /** The local date of the group's session it is held on. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'jsonb' })
  places: OutingPlace[];
}
