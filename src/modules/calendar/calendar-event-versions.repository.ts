import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { CalendarEvent, PublishedEvent } from './ical/calendar-event';
import { contentHash } from './ical/content-hash';

interface VersionRow {
  uid: string;
  sequence: number;
  changed_at: Date;
  created_at: Date;
}

/** The versions of a feed's events: SEQUENCE, and when each last changed, kept per feed and UID. */
@Injectable()
export class CalendarEventVersionsRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * Records what the feed says now: a new event starts at SEQUENCE 0, an event whose content changed goes one up
   * (once, however many renders race: the row is locked and the second finds the hash already new). Versions of
   * events that left the feed and ended before `pruneBefore` go. Answers the events with their versions.
   */
  async publish(
    feedId: string,
    events: CalendarEvent[],
    now: Date,
    pruneBefore: Date,
  ): Promise<PublishedEvent[]> {
    const tx = this.txHost.tx;
    const uids = events.map((event) => event.uid);
    if (events.length > 0) {
      await tx.query(
        `INSERT INTO calendar_event_versions (feed_id, uid, content_hash, sequence, ends_at, changed_at, created_at)
         SELECT $1, uid, hash, 0, ends_at, $5, $5
           FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS e(uid, hash, ends_at)
         ON CONFLICT (feed_id, uid) DO UPDATE
            SET sequence = calendar_event_versions.sequence + 1,
                content_hash = EXCLUDED.content_hash,
                ends_at = EXCLUDED.ends_at,
                changed_at = EXCLUDED.changed_at
          WHERE calendar_event_versions.content_hash <> EXCLUDED.content_hash`,
        [feedId, uids, events.map(contentHash), events.map((event) => event.end), now],
      );
    }
    await tx.query(
      `DELETE FROM calendar_event_versions WHERE feed_id = $1 AND ends_at < $2 AND NOT (uid = ANY($3::text[]))`,
      [feedId, pruneBefore, uids],
    );
    const rows: VersionRow[] =
      events.length === 0
        ? []
        : await tx.query(
            `SELECT uid, sequence, changed_at, created_at FROM calendar_event_versions
              WHERE feed_id = $1 AND uid = ANY($2::text[])`,
            [feedId, uids],
          );
    const versions = new Map(rows.map((row) => [row.uid, row]));
    return events.map((event) => {
      const version = versions.get(event.uid)!;
      return {
        ...event,
        sequence: version.sequence,
        changedAt: version.changed_at,
        createdAt: version.created_at,
      };
    });
  }
}
