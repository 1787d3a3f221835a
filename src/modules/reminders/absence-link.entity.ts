import { CreateDateColumn, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';

/**
 * A short code in a message that lets her say, in one tap, that she cannot come to one session. Random, not
 * guessable in practice (and rate-limited), and gone with her when she is erased. Only the code's SHA-256 is
 * kept: whoever holds a code can cancel her care and her ride, so a copy of the database must not hand them out.
 * Each message gets a code of its own; every one of them stays valid.
 */
@Entity('absence_links')
@Index('ix_absence_links_participant_session', ['participantId', 'sessionId'])
export class AbsenceLink {
  /** Hex SHA-256 of the code. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_absence_links' })
  codeHash: string;

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
