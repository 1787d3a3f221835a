import { Check, Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { RegionOwnedRecord } from '../regions/region-record';

export const ABSENCE_REASONS = ['ill', 'child-ill', 'other', 'no-show'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** A participant will not be (or was not) at a session: reported by her, her coordinator, or her driver. */
@Entity('absences')
@Unique('uq_absences_session_participant', ['sessionId', 'participantId'])
@Check('chk_absences_reason', `"reason" IN ('ill', 'child-ill', 'other', 'no-show')`)
export class Absence extends RegionOwnedRecord {
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;

  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column({ type: 'text' })
  reason: AbsenceReason;

  /** The role of who reported it: participant, coordinator, admin or driver. */
  @Column({ type: 'text' })
  reportedBy: string;
}
