import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity';

/**
 * The version of one event in one feed: SEQUENCE goes up when what the feed says about the event changes, so
 * that calendar apps take the new times. Updated when the feed is rendered; rows of events long past are pruned.
 */
@Entity('calendar_event_versions')
@Check('chk_calendar_event_versions_sequence', '"sequence" >= 0')
export class CalendarEventVersion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_calendar_event_versions' })
  feedId: string;

  @ManyToOne(() => CalendarFeed, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_calendar_event_versions_feed' })
  feed: CalendarFeed;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_calendar_event_versions' })
  uid: string;

  @Column({ type: 'text' })
  contentHash: string;

  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** When the event ends, to prune versions of events that left the feed's window. */
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
