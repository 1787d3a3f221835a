import { Check, Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { Position } from '../../common/database/columns';
import { Municipality } from '../regions/municipality.entity';
import { RegionRecord } from '../regions/region-record';

export const REMINDER_CHANNELS = ['sms', 'whatsapp', 'email'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const TRANSPORT_MODES = ['pickup', 'public', 'bike', 'own'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** A woman in inburgering who takes part in the training. Her personal data is never logged. */
@Entity('participants')
@Unique('uq_participants_region_ref', ['regionId', 'ref'])
@Check('chk_participants_reminder_channel', `"reminder_channel" IN ('sms', 'whatsapp', 'email')`)
@Check('chk_participants_transport', `"transport" IN ('pickup', 'public', 'bike', 'own')`)
export class Participant extends RegionRecord {
  @Index()
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  municipality: Municipality;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  phone: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** ISO 639 code of the language her messages go out in. */
  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'boolean', default: false })
  interpreterNeeded: boolean;

  @Column({ type: 'text' })
  reminderChannel: ReminderChannel;

  @Column({ type: 'text' })
  transport: TransportMode;

  @Column({ type: 'text' })
  address: string;

  @Column(() => Position)
  position: Position;
}
