import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { TalkFrequency, TalkPlaceKind, TalkRole } from '../../planning/talks/model';
import { Location } from '../locations/location.entity';
import { Participant } from '../participants/participant.entity';
import { Programme } from '../programmes/programme.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
import { Trainer } from '../staff/trainer.entity';

export type TalkKind = 'coaching' | 'closing';

/**
 * Talks of one participant in a programme, one to one: with her jobcoach, coach or language buddy every week,
 * every other week or once (`coaching`), or her closing talk with everyone who must be there (`closing`).
 */
@Entity('talk_series')
@Unique('uq_talk_series_region_ref', ['regionId', 'ref'])
@Check('chk_talk_series_dates', '"last_date" >= "first_date"')
@Check('chk_talk_series_kind', `"kind" IN ('coaching', 'closing')`)
@Check('chk_talk_series_frequency', `"frequency" IN ('weekly', 'fortnightly', 'once')`)
@Check('chk_talk_series_place', `"place" IN ('home', 'office', 'online', 'location')`)
@Check('chk_talk_series_place_location', `("place" IN ('office', 'location')) = ("location_id" IS NOT NULL)`)
@Check('chk_talk_series_side', `"side" IS NULL OR ("place" = 'location' AND "side" IN ('before', 'after'))`)
@Check('chk_talk_series_duration', '"duration_minutes" BETWEEN 10 AND 480')
@Check('chk_talk_series_count', '"count" IS NULL OR "count" >= 1')
@Check('chk_talk_series_people', 'cardinality("staff_member_ids") + num_nonnulls("trainer_id") >= 1')
@Index('ix_talk_series_region', ['regionId'])
// A GIN index over the array, which TypeORM cannot describe: the migration Talks keeps it.
@Index('ix_talk_series_staff', { synchronize: false })
export class TalkSeries extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_talk_series_region_id' })
  region: Region;

  /** Its scenario id, unique within the region. */
  @Column({ type: 'text', nullable: true })
  ref: string | null;

  @Column({ type: 'text' })
  kind: TalkKind;

  @Index('ix_talk_series_participant')
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_talk_series_participant_id' })
  participant: Participant;

  @Index('ix_talk_series_programme')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_talk_series_programme_id' })
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
  @JoinColumn({ name: 'trainer_id', foreignKeyConstraintName: 'FK_talk_series_trainer_id' })
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
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'FK_talk_series_location_id' })
  location: Location | null;

  /** At the location: before or after a session; null: either. */
  @Column({ type: 'text', nullable: true })
  side: 'before' | 'after' | null;
}
