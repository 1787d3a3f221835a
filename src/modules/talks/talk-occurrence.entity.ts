import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Location } from '../locations/location.entity';
import { Participant } from '../participants/participant.entity';
import { Session } from '../programmes/session.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
import { TalkSeries } from './talk-series.entity';

export type TalkStatus = 'planned' | 'unplaced';

/**
 * One talk of a series: the week (or, closing, the days) it belongs in, and its time and place once planned; or
 * `unplaced` with the reason no time was free for everyone.
 */
@Entity('talk_occurrences')
@Unique('uq_talk_occurrences_series_number', ['seriesId', 'number'])
@Check('chk_talk_occurrences_status', `"status" IN ('planned', 'unplaced')`)
@Check(
  'chk_talk_occurrences_times',
  `("status" = 'planned' AND "start" IS NOT NULL AND "end" > "start") OR ` +
    `("status" = 'unplaced' AND "start" IS NULL AND "end" IS NULL AND "reason" IS NOT NULL)`,
)
@Check('chk_talk_occurrences_window', '"window_to" >= "window_from"')
@Index('ix_talk_occurrences_region', ['regionId'])
@Index('ix_talk_occurrences_participant', ['participantId', 'start'])
export class TalkOccurrence extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_talk_occurrences_region_id' })
  region: Region;

  @Column({ type: 'uuid' })
  seriesId: string;

  @ManyToOne(() => TalkSeries, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'FK_talk_occurrences_series_id' })
  series: TalkSeries;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_talk_occurrences_participant_id' })
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
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'FK_talk_occurrences_location_id' })
  location: Location | null;

  /** The session it sits right before or after. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_talk_occurrences_session_id' })
  session: Session | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
