import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'erase', 'export', 'import'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One read or change of a participant's personal data. Append-only: a trigger in the schema refuses updates and
 * deletes, and there are no foreign keys, so that the log outlives the records it speaks of. It holds ids, never
 * the data itself.
 */
@Entity('audit_log')
@Index(['participantId', 'at'])
@Index(['regionId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The token used; null for the admin token from the environment and for the command line. */
  @Column({ type: 'uuid', nullable: true })
  actorTokenId: string | null;

  @Column({ type: 'text' })
  actorRole: string;

  @Column({ type: 'text', default: '' })
  actorLabel: string;

  @Column({ type: 'text' })
  action: AuditAction;

  /** participant, child, lesson, appointment */
  @Column({ type: 'text' })
  recordType: string;

  @Column({ type: 'uuid' })
  recordId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'uuid' })
  regionId: string;
}
