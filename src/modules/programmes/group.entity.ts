import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, Unique } from 'typeorm';
import { Location } from '../locations/location.entity';
import { Participant } from '../participants/participant.entity';
import { RegionRecord } from '../regions/region-record';
import { Trainer } from '../staff/trainer.entity';
import { Programme } from './programme.entity';

/** A group of participants that meets at one location, led by one of its trainers. */
@Entity('groups')
@Unique('uq_groups_region_ref', ['regionId', 'ref'])
@Check('chk_groups_rolling_start_min_ready', `"rolling_start_min_ready" >= 1`)
@Check('chk_groups_after_other', '"after_group_id" <> "id"')
export class Group extends RegionRecord {
  @Index()
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, (programme) => programme.groups, { onDelete: 'RESTRICT' })
  programme: Programme;

  @Column({ type: 'text' })
  name: string;

  @Index()
  @Column({ type: 'uuid' })
  locationId: string;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT' })
  location: Location;

  /** Its own first day, when it does not start with the programme. */
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  /** The group of the same programme it follows: it starts the day after that group's last session. */
  @Index('ix_groups_after_group_id')
  @Column({ type: 'uuid', nullable: true })
  afterGroupId: string | null;

  @ManyToOne(() => Group, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'after_group_id', foreignKeyConstraintName: 'FK_groups_after_group_id' })
  afterGroup?: Group | null;

  /** A rolling start: it starts when at least this many of its members are ready; null: on its own dates. */
  @Column({ type: 'integer', nullable: true })
  rollingStartMinReady: number | null;

  /** The languages (ISO 639) for which the group needs an interpreter. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  interpreterLanguages: string[];

  @ManyToMany(() => Participant)
  @JoinTable({
    name: 'group_members',
    joinColumn: { name: 'group_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'participant_id', referencedColumnName: 'id' },
  })
  members: Participant[];

  /** The trainers who may lead it (one per session). */
  @ManyToMany(() => Trainer)
  @JoinTable({
    name: 'group_trainers',
    joinColumn: { name: 'group_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'trainer_id', referencedColumnName: 'id' },
  })
  trainers: Trainer[];
}
