import { CreateDateColumn, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';

/**
 * A short code in a message that lets her say, in one tap, that she cannot come to one session. Random, not
 * guessable in practice (and rate-limited), and gone with her when she is erased.
 */
@Entity('absence_links')
@Index('uq_absence_links_participant_session', ['participantId', 'sessionId'], { unique: true })
export class AbsenceLink {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
