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
import { Account } from './account.entity';

/** A link sent to an account's e-mail address: used once, within its short life. Only its SHA-256 is kept. */
@Entity('sign_in_links')
@Check('chk_sign_in_links_life', '"expires_at" > "created_at"')
@Index('ix_sign_in_links_account_created', ['accountId', 'createdAt'])
export class SignInLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sign_in_links' })
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_sign_in_links_account' })
  account: Account;

  @Index('uq_sign_in_links_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
