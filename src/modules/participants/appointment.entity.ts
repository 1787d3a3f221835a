import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseRecord, TimeOfDayColumn } from '../../common/database/columns';
import { Participant } from './participant.entity';

/** A one-off commitment of a participant: the doctor, her client manager. */
@Entity('appointments')
@Check('chk_appointments_times', '"to" > "from"')
export class Appointment extends BaseRecord {
  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column({ type: 'date' })
  date: string;

  @TimeOfDayColumn()
  from: string;

  @TimeOfDayColumn()
  to: string;

  @Column({ type: 'text', default: '' })
  what: string;
}
