import { Column, Entity, ManyToOne, Unique } from 'typeorm';
import type { TalkPlaceKind, TalkRole } from '../../planning/talks/model';
import { Location } from '../locations/location.entity';
import { Programme } from '../programmes/programme.entity';
import { RegionOwnedRecord } from '../regions/region-record';

/**
 * That a programme ends with closing talks (a scenario's `programme.closingTalks`): the roles that come besides
 * her and her trainer, how long, and where. Every plan of the programme plans them after its sessions.
 */
@Entity('programme_closing_talks')
@Unique('uq_programme_closing_talks_programme', ['programmeId'])
export class ProgrammeClosingTalks extends RegionOwnedRecord {
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
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
  location: Location | null;
}
