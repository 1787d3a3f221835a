import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'coordinator', 'driver', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A bearer token and what it may reach. Only the SHA-256 of the token is kept: the plain value is shown once,
 * when it is made. Tokens are long random strings, so a fast hash is enough.
 */
@Entity('access_tokens')
@Check('chk_access_tokens_role', `"role" IN ('admin', 'coordinator', 'driver', 'participant')`)
@Check(
  'chk_access_tokens_scope',
  `("role" <> 'coordinator' OR cardinality("region_ids") > 0) ` +
    `AND ("role" <> 'participant' OR "participant_id" IS NOT NULL) ` +
    `AND ("role" <> 'driver' OR "driver_id" IS NOT NULL)`,
)
export class AccessToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  role: Role;

  /** Who or what the token is for, e.g. "coördinator Berkelland"; never personal data of a participant. */
  @Column({ type: 'text', default: '' })
  label: string;

  /** The regions a coordinator, driver or participant works in. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  regionIds: string[];

  /** When not empty, a coordinator sees only the participants and locations of these municipalities. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  municipalityIds: string[];

  /** The participant of a personal link. Not a foreign key: her tokens are deleted when she is erased. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  driverId: string | null;

  /**
   * The account whose web session this token is (its value is her session cookie). Not a foreign key: the
   * accounts module owns accounts and ends her sessions when her account changes.
   */
  @Index('ix_access_tokens_account')
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  /** The token that made this one (undefined for tokens made from the command line or the admin token). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
