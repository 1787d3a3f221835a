import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
import { Group } from './group.entity';
import { Programme } from './programme.entity';

/**
 * A date range in which a programme's sessions (or one group's, or some of its members') are held online: a
 * video link and a length of their own. The women concerned take part from home: no ride, no care, no room.
 */
@Entity('online_periods')
@Check('chk_online_periods_dates', '"to" >= "from"')
@Check('chk_online_periods_duration', '"duration_minutes" BETWEEN 1 AND 1440')
@Index('ix_online_periods_region', ['regionId'])
export class OnlinePeriod extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_online_periods_region_id' })
  region: Region;

  @Index('ix_online_periods_programme')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_online_periods_programme_id' })
  programme: Programme;

  /** One group of the programme; null: all its groups. */
  @Column({ type: 'uuid', nullable: true })
  groupId: string | null;

  @ManyToOne(() => Group, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_online_periods_group_id' })
  group: Group | null;

  /** The first and last local dates (inclusive) of the sessions it covers. */
  @Column({ type: 'date' })
  from: string;

  @Column({ type: 'date' })
  to: string;

  @Column({ type: 'text' })
  videoUrl: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** Some members only (a subgroup); none: every member of the groups it covers. */
  @ManyToMany(() => Participant)
  // TypeORM gives a join table's indexes names of its own: the migration OnlinePeriods keeps this one.
  @JoinTable({
    name: 'online_period_participants',
    joinColumn: {
      name: 'online_period_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'FK_online_period_participants_period',
    },
    inverseJoinColumn: {
      name: 'participant_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'FK_online_period_participants_participant',
    },
    synchronize: false,
  })
  participants: Participant[];
}
