import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { Child } from '../participants/child.entity';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { RegionOwnedRecord } from '../regions/region-record';
import { ChildcareProvider } from './childcare-provider.entity';

export const BOOKING_STATUSES = ['requested', 'confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * A place for one child at one provider during one session of her mother, with the time to bring and fetch her.
 * The database keeps each provider's places per age band (a trigger, see the migration ChildcareBookings):
 * code never decides alone that a place is free.
 */
@Entity('childcare_bookings')
@Check('chk_childcare_bookings_times', '"to" > "from"')
@Check('chk_childcare_bookings_status', `"status" IN ('requested', 'confirmed', 'cancelled')`)
@Index('uq_childcare_bookings_child_session', ['childId', 'sessionId'], {
  unique: true,
  where: `"status" <> 'cancelled'`,
})
@Index('ix_childcare_bookings_provider_date', ['providerId', 'careDate'])
export class ChildcareBooking extends RegionOwnedRecord {
  @Column({ type: 'uuid' })
  childId: string;

  @ManyToOne(() => Child, { onDelete: 'CASCADE' })
  child: Child;

  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;

  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ChildcareProvider, { onDelete: 'RESTRICT' })
  provider: ChildcareProvider;

  /** Her age on the session's date: it decides the age band whose place she takes. */
  @Column({ type: 'integer' })
  ageMonths: number;

  /** The session's local date, the day the places are counted for. */
  @Column({ type: 'date' })
  careDate: string;

  @Column({ type: 'timestamptz' })
  from: Date;

  @Column({ type: 'timestamptz' })
  to: Date;

  @Column({ type: 'text', default: 'requested' })
  status: BookingStatus;

  /** Why a booking was cancelled (or, for one that stays, why it last moved). */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;
}
