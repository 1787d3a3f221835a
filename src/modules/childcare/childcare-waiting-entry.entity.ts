import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Child } from '../participants/child.entity';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';

/**
 * A child waiting for a care place for one session of her mother: planning found no place left in her age band
 * (or none for a sister or brother, and a mother's children are booked together or not at all). `createdAt` is
 * when she started waiting: a later plan that finds her still without a place keeps it.
 */
@Entity('childcare_waiting_list')
@Index('uq_childcare_waiting_list_child_session', ['childId', 'sessionId'], { unique: true })
@Index('ix_childcare_waiting_list_region_date', ['regionId', 'careDate'])
export class ChildcareWaitingEntry extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_childcare_waiting_list_region_id' })
  region: Region;

  @Index('ix_childcare_waiting_list_session')
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_childcare_waiting_list_session_id' })
  session: Session;

  @Column({ type: 'uuid' })
  childId: string;

  @ManyToOne(() => Child, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'FK_childcare_waiting_list_child_id' })
  child: Child;

  @Index('ix_childcare_waiting_list_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'participant_id',
    foreignKeyConstraintName: 'FK_childcare_waiting_list_participant_id',
  })
  participant: Participant;

  /** The session's local date: a place that frees at a provider that day may be hers. */
  @Column({ type: 'date' })
  careDate: string;

  /** Why planning left her without a place, as it said it. */
  @Column({ type: 'text' })
  reason: string;
}
