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
import { AccessToken } from '../access/access-token.entity';
import { Participant } from '../participants/participant.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { Driver } from '../transport/driver.entity';

/**
 * The private iCalendar feed of one participant, driver or coordinator (her access token). Calendar apps cannot
 * send a bearer token, so the feed's URL carries a secret of its own; only its SHA-256 is kept. A new secret
 * replaces the old one in the same row, so that the versions of its events (SEQUENCE) carry on.
 */
@Entity('calendar_feeds')
@Check(
  'chk_calendar_feeds_owner',
  'num_nonnulls("participant_id", "driver_id", "token_id", "staff_member_id") = 1',
)
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_calendar_feeds' })
  id: string;

  @Index('uq_calendar_feeds_secret_hash', { unique: true })
  @Column({ type: 'text' })
  secretHash: string;

  @Index('uq_calendar_feeds_participant', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ foreignKeyConstraintName: 'fk_calendar_feeds_participant' })
  participant: Participant | null;

  @Index('uq_calendar_feeds_driver', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  driverId: string | null;

  @ManyToOne(() => Driver, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ foreignKeyConstraintName: 'fk_calendar_feeds_driver' })
  driver: Driver | null;

  /** A staff member's feed: the talks she must be at. */
  @Index('uq_calendar_feeds_staff_member', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  staffMemberId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ foreignKeyConstraintName: 'fk_calendar_feeds_staff_member' })
  staffMember: StaffMember | null;

  /** A coordinator's feed belongs to her token: it answers while the token is valid, with the token's reach. */
  @Index('uq_calendar_feeds_token', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  tokenId: string | null;

  @ManyToOne(() => AccessToken, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ foreignKeyConstraintName: 'fk_calendar_feeds_token' })
  token: AccessToken | null;

  /**
   * For a driver's feed: the municipalities whose passengers it names, the limit of the coordinator who issued
   * the current secret; empty: all of them. Whoever holds the URL sees no more than its issuer could.
   */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  municipalityIds: string[];

  /** The token that made the current secret (null for the admin token of the environment). */
  @Column({ type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
