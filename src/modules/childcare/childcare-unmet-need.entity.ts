import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Child } from '../participants/child.entity';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { Region } from '../regions/region.entity';

/**
 * A child who needs care while her mother is away for a session, and has no place, with why: as the joint plan
 * decided it (no place left, or her mother cannot come without a ride). Replaced whenever the session is planned.
 */
@Entity('childcare_unmet_needs')
@Index('uq_childcare_unmet_needs_child_session', ['childId', 'sessionId'], { unique: true })
export class ChildcareUnmetNeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_childcare_unmet_needs_region_id' })
  region?: Region;

  @Index('ix_childcare_unmet_needs_session')
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_childcare_unmet_needs_session_id' })
  session?: Session;

  @Column({ type: 'uuid' })
  childId: string;

  @ManyToOne(() => Child, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'FK_childcare_unmet_needs_child_id' })
  child?: Child;

  @Index('ix_childcare_unmet_needs_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_childcare_unmet_needs_participant_id' })
  participant?: Participant;

  @Column({ type: 'text' })
  reason: string;
}
