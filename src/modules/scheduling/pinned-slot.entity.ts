import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimeOfDayColumn } from '../../common/database/columns';
import { Group } from '../programmes/group.entity';

/** A weekly time a coordinator chose by hand for a group: re-planning keeps it. */
@Entity('group_pinned_slots')
@Unique('uq_group_pinned_slots_weekday', ['groupId', 'weekday'])
@Check('chk_group_pinned_slots_weekday', 'weekday BETWEEN 1 AND 7')
export class PinnedSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  group: Group;

  @Column({ type: 'smallint' })
  weekday: number;

  @TimeOfDayColumn()
  start: string;
}
