import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { TalkPlaceKind, TalkRole } from '../../planning/talks/model';
import { Location } from '../locations/location.entity';
import { Programme } from '../programmes/programme.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';

/**
 * That a programme ends with closing talks (a scenario's `programme.closingTalks`): the roles that come besides
 * her and her trainer, how long, and where. Every plan of the programme plans them after its sessions.
 */
@Entity('programme_closing_talks')
@Unique('uq_programme_closing_talks_programme', ['programmeId'])
@Check(
  'chk_programme_closing_talks_roles',
  `cardinality("roles") >= 1 AND "roles" <@ ARRAY['jobcoach', 'coach', 'language-buddy', 'case-manager']::text[]`,
)
@Check('chk_programme_closing_talks_duration', '"duration_minutes" BETWEEN 10 AND 480')
@Check('chk_programme_closing_talks_place', `"place" IN ('home', 'office', 'online', 'location')`)
@Check('chk_programme_closing_talks_office', `"place" <> 'office' OR "location_id" IS NOT NULL`)
@Index('ix_programme_closing_talks_region', ['regionId'])
export class ProgrammeClosingTalks extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_programme_closing_talks_region_id' })
  region: Region;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_programme_closing_talks_programme_id' })
  programme: Programme;

  @Column({ type: 'text', array: true })
  roles: TalkRole[];

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text' })
  place: TalkPlaceKind;

  /** The office (`office`), or another location than her group's (`location`). */
  @Column({ type: 'uuid', nullable: true })
  locationId: string | null;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'FK_programme_closing_talks_location_id' })
  location: Location | null;
}
