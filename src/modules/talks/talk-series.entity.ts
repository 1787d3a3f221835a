import { Check, Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import type { TalkFrequency, TalkPlaceKind, TalkRole } from '../../planning/talks/model';
import { Location } from '../locations/location.entity';
import { Participant } from '../participants/participant.entity';
import { Programme } from '../programmes/programme.entity';
import { RegionRecord } from '../regions/region-record';
import { Trainer } from '../staff/trainer.entity';

export type TalkKind = 'coaching' | 'closing';

/**
 * Talks of one participant in a programme, one to one: with her jobcoach, coach or language buddy every week,
 * every other week or once (`coaching`), or her closing talk with everyone who must be there (`closing`).
 */
@Entity('talk_series')
@Unique('uq_talk_series_region_ref', ['regionId', 'ref'])
@Check('chk_talk_series_dates', '"last_date" >= "first_date"')
export class TalkSeries extends RegionRecord {
  @Column({ type: 'text' })
  kind: TalkKind;

  @Index('ix_talk_series_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Index('ix_talk_series_programme')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  programme: Programme;

  /** The coach's role for a coaching series. */
  @Column({ type: 'text', nullable: true })
  role: TalkRole | null;

  /** The staff members who must be there: her coach, or (closing) her jobcoach, case manager, … */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  staffMemberIds: string[];

  /** Her group's trainer, for a closing talk. */
  @Column({ type: 'uuid', nullable: true })
  trainerId: string | null;

  @ManyToOne(() => Trainer, { onDelete: 'CASCADE', nullable: true })
  trainer: Trainer | null;

  @Column({ type: 'text' })
  frequency: TalkFrequency;

  @Column({ type: 'date' })
  firstDate: string;

  @Column({ type: 'date' })
  lastDate: string;

  @Column({ type: 'integer', nullable: true })
  count: number | null;

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text' })
  place: TalkPlaceKind;

  /** The office, or the location of her group (`location`). */
  @Column({ type: 'uuid', nullable: true })
  locationId: string | null;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT', nullable: true })
  location: Location | null;

  /** At the location: before or after a session; null: either. */
  @Column({ type: 'text', nullable: true })
  side: 'before' | 'after' | null;
}
