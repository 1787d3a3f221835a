import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Participant, type ReminderChannel } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { Region } from '../regions/region.entity';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held', 'backfilled'] as const;
/**
 * pending: waits for its turn (or its next attempt); sending: claimed by a worker until claimed_until; sent and
 * failed: done (a failed one may be sent again by hand); held: its channel is not configured, so it is only kept
 * and shown (the offline default); backfilled: written by a run of the reminder job as of an instant in the
 * past, kept as a record of what was due then and never sent.
 */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A message to a participant, written in the same transaction as the change that causes it and sent later by
 * the delivery worker. At most one per (participant, session, kind, version): the unique index over them is an
 * expression index (COALESCE(session_id, …), so that a message without a session is unique too, also before
 * PostgreSQL 15), written by hand in the migration MessageOutbox and left alone by TypeORM (`synchronize: false`).
 */
@Entity('outbox_messages')
@Check(
  'chk_outbox_messages_status',
  `"status" IN ('pending', 'sending', 'sent', 'failed', 'held', 'backfilled')`,
)
@Check('chk_outbox_messages_channel', `"channel" IN ('sms', 'whatsapp', 'email')`)
@Check('chk_outbox_messages_attempts', '"attempts" >= 0')
@Check('chk_outbox_messages_sent', `"status" <> 'sent' OR "sent_at" IS NOT NULL`)
@Check(
  'chk_outbox_messages_claim',
  `"status" <> 'sending' OR ("claimed_by" IS NOT NULL AND "claimed_until" IS NOT NULL)`,
)
@Index('ix_outbox_messages_region_created', ['regionId', 'createdAt'])
@Index('ix_outbox_messages_due', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('ix_outbox_messages_lease', ['claimedUntil'], { where: `"status" = 'sending'` })
@Index('uq_outbox_messages_key', { synchronize: false })
export class OutboxMessage {
  /** Also the idempotency key of every attempt to send it. */
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_outbox_messages' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_outbox_messages_region' })
  region: Region;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_outbox_messages_participant' })
  participant: Participant;

  @Index('ix_outbox_messages_session')
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => Session, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ foreignKeyConstraintName: 'fk_outbox_messages_session' })
  session: Session | null;

  /** What caused it: `reminder-evening`, `reminder-morning`, `change`, … */
  @Column({ type: 'text' })
  kind: string;

  /** Tells two messages of one kind apart, e.g. the session's start or a change counter. */
  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  channel: ReminderChannel;

  /** The language the body is in, e.g. `ar`, or `nl+en` for the fallback. */
  @Column({ type: 'text' })
  language: string;

  /** A phone number or an e-mail address: personal data, never logged nor answered by the API. */
  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  /** Attempts begun: counted when a worker claims the message. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Not sent before this instant: quiet hours, or the backoff after a failed attempt. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** The worker that is sending it, until `claimedUntil`; after that another worker may take it over. */
  @Column({ type: 'text', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  /** Why the last attempt did not succeed: a status or an error code, never what the provider said. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;
}
