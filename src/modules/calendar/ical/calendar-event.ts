/** What a feed says about one event, before it is versioned: the part whose change bumps SEQUENCE. */
export interface CalendarEvent {
  /** Stable across renders and re-planning, e.g. `session-<id>@trefpunt`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  status: 'CONFIRMED' | 'CANCELLED';
}

/** An event as published: with the version the feed keeps for its UID. */
export interface PublishedEvent extends CalendarEvent {
  sequence: number;
  /** When its content last changed (DTSTAMP, LAST-MODIFIED). */
  changedAt: Date;
  /** When the feed first showed it (CREATED). */
  createdAt: Date;
}

/** A whole feed: its name, the time zone its times are written in, and its events. */
export interface CalendarDocument {
  name: string;
  zone: string;
  events: PublishedEvent[];
}
