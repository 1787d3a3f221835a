import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @Index('ix_childcare_unmet_needs_session')
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  childId: string;

  @Index('ix_childcare_unmet_needs_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'text' })
  reason: string;
}
