import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Location } from '../locations/location.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
import { Session } from './session.entity';

/** One place of an outing, in the order the group visits them; times of day in the region's zone. */
export interface OutingPlace {
  locationId: string;
  /** When the group is expected there (the first place: when the rides arrive); absent: the session's start. */
  arrive?: string;
  /** When the group leaves (the last place: when the rides home leave); absent: the session's end. */
  leave?: string;
}

/**
 * A session held somewhere else: a company, the library, or a tour of several places in order. The session's
 * location is the first place while the outing stands; the usual one is kept here to go back to.
 */
@Entity('session_outings')
@Unique('uq_session_outings_session', ['sessionId'])
@Index('ix_session_outings_region', ['regionId'])
@Check('chk_session_outings_places', 'jsonb_array_length("places") BETWEEN 1 AND 10')
export class SessionOuting extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_session_outings_region_id' })
  region: Region;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_session_outings_session_id' })
  session: Session;

  @Column({ type: 'uuid' })
  usualLocationId: string;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'usual_location_id', foreignKeyConstraintName: 'FK_session_outings_usual_location_id' })
  usualLocation: Location;

  @Column({ type: 'jsonb' })
  places: OutingPlace[];

  /** Put here by the plan from the group's outing of that date: a re-plan moves it with the date, not the session. */
  @Column({ type: 'boolean', default: false })
  byDate: boolean;
}
