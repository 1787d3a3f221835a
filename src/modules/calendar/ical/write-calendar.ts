import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { CalendarDocument, PublishedEvent } from './calendar-event';
import { Observance, timeZoneObservances, WallClock } from './time-zone-observances';

/** Calendar apps poll a subscription at their own pace; this asks for hourly where they listen (RFC 7986). */
const REFRESH = 'PT1H';

const wallTime = (clock: WallClock) => ICAL.Time.fromData({ ...clock, second: 0, isDate: false });

const utcTime = (instant: Date) => ICAL.Time.fromJSDate(instant, true);

/** The instant as the wall clock of `zone` shows it, with TZID: what RFC 5545 3.3.5 calls form #3. */
function zonedTime(component: ICAL.Component, name: string, instant: Date, zone: string): void {
  const { year, month, day, hour, minute, second } = DateTime.fromJSDate(instant, { zone });
  const property = component.addPropertyWithValue(
    name,
    ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false }),
  );
  property.setParameter('tzid', zone);
}

function observanceComponent(observance: Observance): ICAL.Component {
  const component = new ICAL.Component(observance.kind);
  component.addPropertyWithValue('dtstart', wallTime(observance.start));
  component.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(observance.offsetFrom * 60));
  component.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(observance.offsetTo * 60));
  if (observance.name) component.addPropertyWithValue('tzname', observance.name);
  if (observance.rule) {
    const { month, byDay } = observance.rule;
    component.addPropertyWithValue(
      'rrule',
      ICAL.Recur.fromString(`FREQ=YEARLY;BYMONTH=${month};BYDAY=${byDay}`),
    );
  }
  return component;
}

/** A VTIMEZONE that holds for every event of the feed (a year either side, for apps that look around). */
export function timeZoneComponent(zone: string, events: PublishedEvent[], now: Date): ICAL.Component {
  const years = [now, ...events.flatMap((event) => [event.start, event.end])].map(
    (instant) => DateTime.fromJSDate(instant, { zone }).year,
  );
  const component = new ICAL.Component('vtimezone');
  component.addPropertyWithValue('tzid', zone);
  for (const observance of timeZoneObservances(zone, Math.min(...years) - 1, Math.max(...years) + 1)) {
    component.addSubcomponent(observanceComponent(observance));
  }
  return component;
}

function eventComponent(event: PublishedEvent, zone: string): ICAL.Component {
  const component = new ICAL.Component('vevent');
  component.addPropertyWithValue('uid', event.uid);
  // No METHOD on the calendar, so DTSTAMP is when the information last changed (RFC 5545 3.8.7.2): it stays
  // the same from one poll to the next while the event does.
  component.addPropertyWithValue('dtstamp', utcTime(event.changedAt));
  component.addPropertyWithValue('created', utcTime(event.createdAt));
  component.addPropertyWithValue('last-modified', utcTime(event.changedAt));
  component.addPropertyWithValue('sequence', event.sequence);
  zonedTime(component, 'dtstart', event.start, zone);
  zonedTime(component, 'dtend', event.end, zone);
  component.addPropertyWithValue('summary', event.summary);
  if (event.description) component.addPropertyWithValue('description', event.description);
  if (event.location) component.addPropertyWithValue('location', event.location);
  component.addPropertyWithValue('status', event.status);
  // A cancelled session no longer takes up her time.
  component.addPropertyWithValue('transp', event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE');
  return component;
}

/**
 * The feed as RFC 5545 text: a VCALENDAR with the VTIMEZONE of `zone` and one VEVENT per event, times on the
 * wall clock of that zone with TZID. Written by ical.js; lines end in CRLF and fold within 75 octets.
 */
export function writeCalendar(document: CalendarDocument, now: Date): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//Trefpunt//Trefpunt//NL');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('name', document.name);
  calendar.addPropertyWithValue('x-wr-calname', document.name);
  calendar.addPropertyWithValue('x-wr-timezone', document.zone);
  // A duration value: ical.js writes VALUE=DURATION itself.
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString(REFRESH));
  calendar.addPropertyWithValue('x-published-ttl', REFRESH);
  calendar.addSubcomponent(timeZoneComponent(document.zone, document.events, now));
  const events = [...document.events].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid),
  );
  for (const event of events) calendar.addSubcomponent(eventComponent(event, document.zone));
  // ical.js folds after 75 octets and then writes a space before the rest: 74 keeps each line within 75.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
