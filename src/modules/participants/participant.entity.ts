import { Check, Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { ErasablePosition } from '../../common/database/columns';
import type { Level } from '../../planning/groups/levels';
import { Municipality } from '../regions/municipality.entity';
import { RegionRecord } from '../regions/region-record';

export const REMINDER_CHANNELS = ['sms', 'whatsapp', 'email'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const TRANSPORT_MODES = ['pickup', 'public', 'bike', 'own'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * A woman in inburgering who takes part in the training. Her personal data is never logged.
 * When she is erased (right to erasure) the row stays, without anything that identifies her, so that the
 * municipality's counts of who attended stay right; the service never answers an erased participant, which is
 * why the personal fields are typed as always present.
 */
@Entity('participants')
@Unique('uq_participants_region_ref', ['regionId', 'ref'])
@Check(
  'chk_participants_personal_data',
  `"erased_at" IS NOT NULL OR ("name" IS NOT NULL AND "phone" IS NOT NULL AND "language" IS NOT NULL ` +
    `AND "reminder_channel" IS NOT NULL AND "transport" IS NOT NULL AND "address" IS NOT NULL ` +
    `AND "position_lat" IS NOT NULL AND "position_lon" IS NOT NULL)`,
)
@Check('chk_participants_reminder_channel', `"reminder_channel" IN ('sms', 'whatsapp', 'email')`)
@Check('chk_participants_car_seats_offered', `"car_seats_offered" BETWEEN 0 AND 8`)
@Check('chk_participants_transport', `"transport" IN ('pickup', 'public', 'bike', 'own')`)
@Check('chk_participants_level', `"level" IN ('A0', 'A1', 'A2', 'B1', 'B2')`)
export class Participant extends RegionRecord {
  @Index()
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  municipality: Municipality;

  @Column({ type: 'text', nullable: true })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** ISO 639 code of the language her messages go out in. */
  @Column({ type: 'text', nullable: true })
  language: string;

  @Column({ type: 'boolean', default: false })
  interpreterNeeded: boolean;

  /** Her Dutch level (CEFR; A0 before A1), when known: group proposals keep levels close. */
  @Column({ type: 'text', nullable: true })
  level: Level | null;

  /** The first day she can take part (after her intake or arrival); null: ready now. */
  @Column({ type: 'date', nullable: true })
  readyFrom: string | null;

  @Column({ type: 'text', nullable: true })
  reminderChannel: ReminderChannel;

  @Column({ type: 'text', nullable: true })
  transport: TransportMode;

  /** Seats she offers to other women in her car (car-pooling), besides her own and her children's. */
  @Column({ type: 'integer', default: 0 })
  carSeatsOffered: number;

  @Column({ type: 'text', nullable: true })
  address: string;

  @Column(() => ErasablePosition)
  position: ErasablePosition;

  /** Set when she was erased: then only her region, municipality and group memberships remain. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
