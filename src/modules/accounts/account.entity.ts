import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ACCOUNT_ROLES = ['admin', 'coordinator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * A person who signs in to the web app by a link sent to her e-mail address: a coordinator, with the same scope
 * a coordinator's token carries (regions, and optionally only some of their municipalities), or an admin.
 */
@Entity('accounts')
@Check('chk_accounts_role', `"role" IN ('admin', 'coordinator')`)
@Index('uq_accounts_email', { synchronize: false })
@Check('chk_accounts_scope', `"role" <> 'coordinator' OR cardinality("region_ids") > 0`)
export class Account {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_accounts' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Kept in lower case; unique (index uq_accounts_email). Where her sign-in links go. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  /** E.164; her contact, beside her e-mail address, in the letters she sends. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  role: AccountRole;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  regionIds: string[];

  /** When not empty, she sees only the participants and locations of these municipalities. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  municipalityIds: string[];

  /** Set: she can no longer sign in, and her sessions were ended. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
