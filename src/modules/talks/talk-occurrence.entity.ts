import { Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { Location } from '../locations/location.entity';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { RegionOwnedRecord } from '../regions/region-record';
import { TalkSeries } from './talk-series.entity';

export type TalkStatus = 'planned' | 'unplaced';

/**
 * One talk of a series: the week (or, closing, the days) it belongs in, and its time and place once planned; or
 * `unplaced` with the reason no time was free for everyone.
 */
@Entity('talk_occurrences')
@Unique('uq_talk_occurrences_series_number', ['seriesId', 'number'])
export class TalkOccurrence extends RegionOwnedRecord {
  @Column({ type: 'uuid' })
  seriesId: string;

  @ManyToOne(() => TalkSeries, { onDelete: 'CASCADE' })
  series: TalkSeries;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  /** 1, 2, … within the series. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'date' })
  windowFrom: string;

  @Column({ type: 'date' })
  windowTo: string;

  @Column({ type: 'text' })
  status: TalkStatus;

  @Index('ix_talk_occurrences_start')
  @Column({ type: 'timestamptz', nullable: true })
  start: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  end: Date | null;

  @Column({ type: 'uuid', nullable: true })
  locationId: string | null;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT', nullable: true })
  location: Location | null;

  /** The session it sits right before or after. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL', nullable: true })
  session: Session | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
