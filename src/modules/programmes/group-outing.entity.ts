import { Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { RegionOwnedRecord } from '../regions/region-record';
import { Group } from './group.entity';
import { Programme } from './programme.entity';
import { OutingPlace } from './session-outing.entity';

/**
 * An outing of a group on a date, as a scenario gives it (`programme.outings[]`): it waits for the plan, which
 * puts it on the group's session of that date, whichever session that is after a re-plan.
 */
@Entity('group_outings')
@Unique('uq_group_outings_group_date', ['groupId', 'date'])
export class GroupOuting extends RegionOwnedRecord {
  @Index()
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  programme: Programme;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  group: Group;

  /** The local date of the group's session it is held on. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'jsonb' })
  places: OutingPlace[];
}
