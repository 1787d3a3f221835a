import ical, { VEvent } from 'node-ical';
import { PublishedEvent } from './calendar-event';
import { contentHash } from './content-hash';
import { writeCalendar } from './write-calendar';

const now = new Date('2027-01-10T10:00:00Z');
const event = (overrides: Partial<PublishedEvent> = {}): PublishedEvent => ({
  uid: 'session-1@trefpunt',
  start: new Date('2027-01-12T08:30:00Z'),
  end: new Date('2027-01-12T11:00:00Z'),
  summary: 'Groep Oost – opgehaald om 08:35',
  description: 'Training in Buurthuis De Ster, Dorpsstraat 1.\nJe wordt om 08:35 thuis opgehaald; tot dan!',
  location: 'Buurthuis De Ster, Dorpsstraat 1',
  status: 'CONFIRMED',
  sequence: 0,
  changedAt: now,
  createdAt: now,
  ...overrides,
});

const parse = (text: string): VEvent[] =>
  Object.values(ical.sync.parseICS(text)).filter((item): item is VEvent => item?.type === 'VEVENT');

describe('writeCalendar', () => {
  it('writes events that an independent parser reads back: times with TZID, text, status, sequence', () => {
    const summer = event({
      uid: 'session-2@trefpunt',
      start: new Date('2027-07-12T08:30:00Z'),
      end: new Date('2027-07-12T11:00:00Z'),
      summary: 'Afgelast: Groep Oost',
      status: 'CANCELLED',
      sequence: 3,
    });
    const text = writeCalendar(
      { name: 'Trefpunt', zone: 'Europe/Amsterdam', events: [summer, event()] },
      now,
    );
    const [winter, cancelled] = parse(text);
    expect(winter).toMatchObject({
      uid: 'session-1@trefpunt',
      summary: 'Groep Oost – opgehaald om 08:35',
      description: event().description,
      location: 'Buurthuis De Ster, Dorpsstraat 1',
      status: 'CONFIRMED',
      sequence: 0,
    });
    expect(winter.start.toISOString()).toBe('2027-01-12T08:30:00.000Z');
    expect(winter.start.tz).toBe('Europe/Amsterdam');
    expect(cancelled).toMatchObject({ uid: 'session-2@trefpunt', status: 'CANCELLED', sequence: 3 });
    expect(cancelled.end?.toISOString()).toBe('2027-07-12T11:00:00.000Z');
    // The wall clock is written, with the zone: 09:30 in winter, 10:30 in summer.
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270112T093000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270712T103000\r\n');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam\r\n/);
  });

  it('ends every line in CRLF and folds within 75 octets, also with accented text', () => {
    const long = event({
      description: 'Één heel lange regel met accenten: café, ruïne, één, twee. '.repeat(8),
    });
    const text = writeCalendar({ name: 'Trefpunt', zone: 'Europe/Amsterdam', events: [long] }, now);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => !line.includes('\n') && Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(parse(text)[0].description).toBe(long.description);
  });

  it('keeps DTSTAMP at the last change, so that polling does not make every event look new', () => {
    const changedAt = new Date('2027-01-02T07:00:00Z');
    const text = writeCalendar(
      { name: 'Trefpunt', zone: 'Europe/Amsterdam', events: [event({ changedAt })] },
      now,
    );
    expect(text).toContain('DTSTAMP:20270102T070000Z\r\n');
    expect(text).toContain('LAST-MODIFIED:20270102T070000Z\r\n');
  });
});

describe('contentHash', () => {
  it.each<[string, Partial<PublishedEvent>]>([
    ['a moved start', { start: new Date('2027-01-12T09:00:00Z') }],
    ['a moved end', { end: new Date('2027-01-12T11:30:00Z') }],
    ['a new pickup time', { summary: 'Groep Oost – opgehaald om 08:40' }],
    ['another description', { description: 'anders' }],
    ['another location', { location: 'elders' }],
    ['a cancellation', { status: 'CANCELLED' }],
  ])('changes with %s', (_, change) => {
    expect(contentHash(event(change))).not.toBe(contentHash(event()));
  });

  it('stays the same for the same content, whatever its version', () => {
    expect(contentHash(event({ sequence: 4, changedAt: new Date(0) }))).toBe(contentHash(event()));
  });
});
