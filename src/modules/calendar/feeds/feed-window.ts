import { DateTime } from 'luxon';
import { Page } from '../../../common/api/page';
import { AuditedRecord } from '../../audit/audit.service';
import { CalendarEvent } from '../ical/calendar-event';

/** How far back a feed reaches: past sessions of the last eight weeks stay, for looking back. */
export const PAST_WEEKS = 8;

/** The first instant a feed shows, and the same as a local date of `zone` (for the session lists). */
export function windowStart(now: Date, zone: string): { instant: Date; date: string } {
  const start = DateTime.fromJSDate(now, { zone }).minus({ weeks: PAST_WEEKS }).startOf('day');
  return { instant: start.toJSDate(), date: start.toISODate()! };
}

/** What an owner's feed holds, before versioning: its events, and the participants whose data it shows. */
export interface FeedContent {
  name: string;
  zone: string;
  events: CalendarEvent[];
  /** Each participant whose personal data the feed shows: the audit log records the read. */
  read: AuditedRecord[];
}

/** Every item of a paged list, a page of at most 1000 at a time. */
export async function allPages<T>(load: (page: { limit: number; offset: number }) => Promise<Page<T>>) {
  const items: T[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await load({ limit: 1000, offset });
    items.push(...page.items);
    if (page.items.length < 1000 || items.length >= page.total) return items;
  }
}

/** A reminder in each description: calendar apps refresh a subscription only every few hours. */
export const SLOW_REFRESH_NOTE =
  'Deze agenda wordt een paar keer per dag bijgewerkt: wijzigingen krijg je ook altijd als bericht.';
