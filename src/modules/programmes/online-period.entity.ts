import { Check, Column, Entity, Index, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { RegionOwnedRecord } from '../regions/region-record';
import { Group } from './group.entity';
import { Programme } from './programme.entity';

/**
 * A date range in which a programme's sessions (or one group's, or some of its members') are held online: a
 * video link and a length of their own. The women concerned take part from home: no ride, no care, no room.
 */
@Entity('online_periods')
@Check('chk_online_periods_dates', '"to" >= "from"')
@Check('chk_online_periods_duration', '"duration_minutes" BETWEEN 1 AND 1440')
export class OnlinePeriod extends RegionOwnedRecord {
  @Index()
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  programme: Programme;

  /** One group of the programme; null: all its groups. */
  @Column({ type: 'uuid', nullable: true })
  groupId: string | null;

  @ManyToOne(() => Group, { onDelete: 'CASCADE', nullable: true })
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
  @JoinTable({
    name: 'online_period_participants',
    joinColumn: { name: 'online_period_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'participant_id', referencedColumnName: 'id' },
  })
  participants: Participant[];
}
