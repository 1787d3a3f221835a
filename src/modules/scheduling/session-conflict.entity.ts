import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Appointment } from '../participants/appointment.entity';
import { Participant } from '../participants/participant.entity';
import { Lesson } from '../language-providers/lesson.entity';
import { Session } from '../programmes/session.entity';

export const CONFLICT_KINDS = ['overlap', 'travel', 'appointment'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * A member of a session's group who cannot attend it: a lesson overlaps it (`overlap`), a lesson elsewhere leaves
 * no time to travel (`travel`), or a one-off appointment is in the way (`appointment`). Found when the programme
 * is planned, and again when a lesson, an appointment or a membership changes; those found after planning are
 * flagged `isNew` until the next planning.
 */
@Entity('session_conflicts')
@Index(['participantId', 'sessionId'])
@Check('chk_session_conflicts_kind', `"kind" IN ('overlap', 'travel', 'appointment')`)
@Check(
  'chk_session_conflicts_cause',
  `("kind" = 'appointment') = ("appointment_id" IS NOT NULL AND "lesson_id" IS NULL)`,
)
export class SessionConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  lessonId: string | null;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE', nullable: true })
  lesson: Lesson | null;

  /** The taalaanbieder of the lesson, to list conflicts per provider. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  providerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  appointmentId: string | null;

  @ManyToOne(() => Appointment, { onDelete: 'CASCADE', nullable: true })
  appointment: Appointment | null;

  @Column({ type: 'text' })
  kind: ConflictKind;

  /** Minutes the lesson and the session overlap (0 for a travel conflict). */
  @Column({ type: 'integer', default: 0 })
  overlapMinutes: number;

  @Column({ type: 'timestamptz' })
  causeStart: Date;

  @Column({ type: 'timestamptz' })
  causeEnd: Date;

  /** Found after the programme was planned (a lesson, appointment or membership changed since). */
  @Column({ type: 'boolean', default: false })
  isNew: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  detectedAt: Date;
}
