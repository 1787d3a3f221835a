import { createHash } from 'node:crypto';
import { CalendarEvent } from './calendar-event';

/** A digest of what a reader sees of an event: when it changes, the event gets a higher SEQUENCE. */
export function contentHash(event: CalendarEvent): string {
  const seen = [
    event.start.toISOString(),
    event.end.toISOString(),
    event.summary,
    event.description,
    event.location,
    event.status,
  ];
  return createHash('sha256').update(JSON.stringify(seen)).digest('hex');
}
