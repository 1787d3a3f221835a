import { parseIcalTimetable } from './ical-timetable';
import { ParticipantDirectory, TimetableParse } from './timetable';

const participants = new ParticipantDirectory([
  { id: 'id-p1', ref: 'p1', email: 'selam@example.nl' },
  { id: 'id-p2', ref: 'p2', email: 'amina@example.nl' },
  { id: 'id-p3', ref: 'p3', email: null },
]);

/** A calendar of the given events; line 4 is the first event's BEGIN:VEVENT. */
const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Taalschool Oost//Rooster//NL',
    ...events.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

const parse = (text: string): TimetableParse =>
  parseIcalTimetable(text, { participants, timezone: 'Europe/Amsterdam' });
const messages = (result: TimetableParse) =>
  result.problems.map(({ line, message }) => `line ${line}: ${message}`);
const times = (result: TimetableParse) =>
  result.rows.map(({ weekday, from, to, validFrom, validTo }) => ({ weekday, from, to, validFrom, validTo }));

const weekly = (start: string, end: string, rule: string, ...more: string[]) =>
  event('UID:les-1', start, end, rule, 'GEO:52.1158;6.5215', 'SUMMARY:Nederlands A2 [p1]', ...more);

describe('parseIcalTimetable', () => {
  it('makes a lesson series per BYDAY day of a weekly event in Europe/Amsterdam, ending at UNTIL', () => {
    const result = parse(
      calendar(
        event(
          'UID:les-1',
          'DTSTART;TZID=Europe/Amsterdam:20270104T090000',
          'DTEND;TZID=Europe/Amsterdam:20270104T113000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270709T215959Z',
          'GEO:52.1158;6.5215',
          'ATTENDEE;CN="Selam";ROLE=REQ-PARTICIPANT:mailto:Selam@Example.nl',
          'ATTENDEE;CN="Docent":mailto:docent@taalschool.example',
        ),
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 4,
        participantId: 'id-p1',
        weekday: 1,
        from: '09:00',
        to: '11:30',
        position: { lat: 52.1158, lon: 6.5215 },
        validFrom: '2027-01-04',
        validTo: '2027-07-09',
        exceptDates: [],
      },
      expect.objectContaining({ participantId: 'id-p1', weekday: 3, from: '09:00', to: '11:30' }),
    ]);
  });

  it('gives the Amsterdam wall-clock time of events in summer time, whether written with TZID or in UTC', () => {
    const inZone = parse(
      calendar(
        weekly(
          'DTSTART;TZID=Europe/Amsterdam:20270405T090000',
          'DTEND;TZID=Europe/Amsterdam:20270405T113000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T220000Z',
        ),
      ),
    );
    const inUtcSummer = parse(
      calendar(
        weekly(
          'DTSTART:20270405T070000Z',
          'DTEND:20270405T093000Z',
          'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T220000Z',
        ),
      ),
    );
    const inUtcWinter = parse(
      calendar(
        weekly(
          'DTSTART:20270104T080000Z',
          'DTEND:20270104T103000Z',
          'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270329T000000Z',
        ),
      ),
    );
    const expected = {
      weekday: 1,
      from: '09:00',
      to: '11:30',
      validFrom: '2027-04-05',
      validTo: '2027-06-28',
    };
    expect(times(inZone)).toEqual([expected]);
    expect(times(inUtcSummer)).toEqual([expected]);
    expect(times(inUtcWinter)).toEqual([{ ...expected, validFrom: '2027-01-04', validTo: '2027-03-28' }]);
    const inLondon = parse(
      calendar(
        weekly(
          'DTSTART;TZID=Europe/London:20270405T080000',
          'DTEND;TZID=Europe/London:20270405T103000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T220000Z',
        ),
      ),
    );
    expect(times(inLondon)).toEqual([expected]);
  });

  it("uses the file's own VTIMEZONE for a time zone name that is not an IANA name (Outlook)", () => {
    const outlookZone = [
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ];
    const result = parse(
      calendar(
        outlookZone,
        weekly(
          'DTSTART;TZID=W. Europe Standard Time:20270406T133000',
          'DTEND;TZID=W. Europe Standard Time:20270406T153000',
          'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4',
        ),
      ),
    );
    expect(times(result)).toEqual([
      { weekday: 2, from: '13:30', to: '15:30', validFrom: '2027-04-06', validTo: '2027-04-27' },
    ]);
    expect(
      messages(
        parse(
          calendar(
            weekly('DTSTART;TZID=Mars/Olympus:20270406T133000', 'DURATION:PT2H', 'RRULE:FREQ=WEEKLY;COUNT=4'),
          ),
        ),
      ),
    ).toEqual(['line 6: DTSTART: unknown time zone "Mars/Olympus" (the file has no VTIMEZONE for it)']);
  });

  it('ends a COUNT series on the date of its last occurrence, counting every BYDAY day', () => {
    const result = parse(
      calendar(
        weekly(
          'DTSTART;TZID=Europe/Amsterdam:20270104T090000',
          'DURATION:PT2H30M',
          'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5',
        ),
      ),
    );
    expect(times(result)).toEqual([
      { weekday: 1, from: '09:00', to: '11:30', validFrom: '2027-01-04', validTo: '2027-01-18' },
      { weekday: 3, from: '09:00', to: '11:30', validFrom: '2027-01-04', validTo: '2027-01-18' },
    ]);
  });

  it('ends an UNTIL series the day before when UNTIL falls before the lesson starts that day', () => {
    const result = parse(
      calendar(
        weekly(
          'DTSTART;TZID=Europe/Amsterdam:20270104T090000',
          'DTEND;TZID=Europe/Amsterdam:20270104T113000',
          // 02:00 in Amsterdam on Monday 5 July: the 09:00 lesson of that day is not in the series.
          'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270705T000000Z',
        ),
      ),
    );
    expect(times(result)).toEqual([
      { weekday: 1, from: '09:00', to: '11:30', validFrom: '2027-01-04', validTo: '2027-07-04' },
    ]);
  });

  it('turns EXDATEs into the except dates of the lesson on that weekday, also when written in UTC or as dates', () => {
    const result = parse(
      calendar(
        weekly(
          'DTSTART;TZID=Europe/Amsterdam:20270104T090000',
          'DTEND;TZID=Europe/Amsterdam:20270104T113000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270709T215959Z',
          'EXDATE;TZID=Europe/Amsterdam:20270426T090000,20270428T090000',
          'EXDATE:20270517T070000Z',
          'EXDATE;VALUE=DATE:20270101',
        ),
      ),
    );
    expect(result.rows.map(({ weekday, exceptDates }) => ({ weekday, exceptDates }))).toEqual([
      { weekday: 1, exceptDates: ['2027-04-26', '2027-05-17'] },
      { weekday: 3, exceptDates: ['2027-04-28'] },
    ]);
  });

  it('moves the weekday along when a UTC time falls on the next day in Amsterdam', () => {
    const result = parse(
      calendar(
        weekly('DTSTART:20270104T233000Z', 'DTEND:20270105T003000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3'),
      ),
    );
    expect(times(result)).toEqual([
      { weekday: 2, from: '00:30', to: '01:30', validFrom: '2027-01-05', validTo: '2027-01-19' },
    ]);
  });

  it('skips and reports all-day, single, not weekly and endless events with the line of their BEGIN:VEVENT', () => {
    const result = parse(
      calendar(
        event(
          'UID:vrij',
          'DTSTART;VALUE=DATE:20270222',
          'DTEND;VALUE=DATE:20270227',
          'SUMMARY:Voorjaarsvakantie [p1]',
        ),
        event(
          'UID:toets',
          'DTSTART:20270301T090000Z',
          'DTEND:20270301T100000Z',
          'SUMMARY:Toets [p1]',
          'GEO:52.1;6.5',
        ),
        weekly('DTSTART:20270104T080000Z', 'DTEND:20270104T100000Z', 'RRULE:FREQ=DAILY;COUNT=5'),
        weekly('DTSTART:20270104T080000Z', 'DTEND:20270104T100000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=5'),
        weekly('DTSTART:20270104T080000Z', 'DTEND:20270104T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO'),
      ),
    );
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([
      { line: 4, reason: 'an all-day event, not a lesson at set times' },
      { line: 10, reason: 'a single event, not a weekly series (it has no RRULE)' },
      { line: 17, reason: 'repeats daily, not weekly' },
      { line: 25, reason: 'repeats every 2 weeks; a lesson series is weekly' },
      {
        line: 33,
        reason: 'repeats without end (no UNTIL or COUNT), and a lesson series needs its last date',
      },
    ]);
  });

  it('skips and reports an event matched to no participant, and goes on with the others', () => {
    const result = parse(
      calendar(
        event(
          'UID:onbekend',
          'DTSTART:20270104T080000Z',
          'DTEND:20270104T100000Z',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'GEO:52.1;6.5',
          'SUMMARY:Nederlands [p99]',
          'ATTENDEE:mailto:iemand@example.nl',
        ),
        weekly('DTSTART:20270104T080000Z', 'DTEND:20270104T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3'),
      ),
    );
    expect(result.skipped).toEqual([
      {
        line: 4,
        reason:
          'matched to no participant: no ATTENDEE has the e-mail address of a participant of the region, and ' +
          'SUMMARY and DESCRIPTION name no participant as [ref] ([p99] is no participant of the region)',
      },
    ]);
    expect(result.rows.map((row) => [row.line, row.participantId])).toEqual([[13, 'id-p1']]);
  });

  it('makes a series for every participant an event names, by address or by [ref] in the description', () => {
    const result = parse(
      calendar(
        event(
          'UID:groep',
          'DTSTART:20270104T080000Z',
          'DTEND:20270104T100000Z',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'GEO:52.1;6.5',
          'ATTENDEE:mailto:amina@example.nl',
          'DESCRIPTION:Groep 3: [p1]\\, [p3]',
        ),
      ),
    );
    expect(result.rows.map((row) => row.participantId).sort()).toEqual(['id-p1', 'id-p2', 'id-p3']);
  });

  it('leaves the date of a changed lesson (RECURRENCE-ID) out of its series and reports the change', () => {
    const result = parse(
      calendar(
        weekly(
          'DTSTART;TZID=Europe/Amsterdam:20270104T090000',
          'DTEND;TZID=Europe/Amsterdam:20270104T113000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10',
        ),
        event(
          'UID:les-1',
          'RECURRENCE-ID;TZID=Europe/Amsterdam:20270111T090000',
          'DTSTART;TZID=Europe/Amsterdam:20270112T090000',
          'DTEND;TZID=Europe/Amsterdam:20270112T113000',
        ),
        event('UID:les-1', 'RECURRENCE-ID;TZID=Europe/Amsterdam:20270118T090000', 'STATUS:CANCELLED'),
      ),
    );
    expect(result.rows.map((row) => row.exceptDates)).toEqual([['2027-01-11', '2027-01-18']]);
    expect(result.skipped).toEqual([
      {
        line: 12,
        reason:
          'a change to one lesson (RECURRENCE-ID) of the series of line 4: the series leaves out 2027-01-11, and ' +
          'the changed lesson itself is not imported',
      },
    ]);
  });

  it('refuses a weekly event for a participant without GEO, end or a usable place, naming the lines', () => {
    const result = parse(
      calendar(
        event('UID:a', 'DTSTART:20270104T080000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:[p1]'),
        event(
          'UID:b',
          'DTSTART:20270104T080000Z',
          'DTEND:20270104T070000Z',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'GEO:52,1;6,5',
          'SUMMARY:[p1]',
        ),
      ),
    );
    expect(result.rows).toEqual([]);
    expect(messages(result)).toEqual([
      'line 4: the event has no DTEND or DURATION, so the lesson has no end',
      'line 4: GEO is missing: give the place of the lesson as GEO:lat;lon, e.g. GEO:52.1158;6.5215',
      'line 13: the lesson must end after it starts (09:00)',
      'line 15: GEO: must be lat;lon in decimal degrees, e.g. GEO:52.1158;6.5215',
    ]);
  });

  it('reports syntax errors with the line they are on, counting folded lines', () => {
    const result = parse(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'DESCRIPTION:een lange beschrijving die over ',
        ' twee regels is gevouwen',
        'DTSTART:2027-01-04 09:00',
        'RRULE:FREQ=WEEKLY;BYDAY=XX',
        'zomaar tekst',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART:20271304T090000Z',
        'END:VEVENT',
        'END:VCALENDAR',
        'X-NA:afloop',
      ].join('\r\n'),
    );
    expect(result.rows).toEqual([]);
    expect(messages(result)).toEqual([
      expect.stringMatching(/^line 6: DTSTART: /),
      'line 7: RRULE: invalid BYDAY value "XX"',
      'line 8: not an iCalendar line: it must be NAME:value or NAME;PARAMETER=…:value',
      'line 11: DTSTART: 20271304T090000Z is not a date and time that exists',
      'line 14: a line outside BEGIN:VCALENDAR … END:VCALENDAR',
    ]);
    expect(messages(parse('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n'))).toEqual([
      'line 2: BEGIN:VEVENT is not closed before the END:VCALENDAR of line 3',
    ]);
    expect(messages(parse('participant,weekday\r\n'))).toEqual([
      'line 1: a line outside BEGIN:VCALENDAR … END:VCALENDAR',
    ]);
  });

  describe('a hostile file of 800 kB', () => {
    const DEPTH = 50_000;
    /** Parses and gives the result with the milliseconds it took. */
    const timed = (text: string) => {
      const started = performance.now();
      const result = parse(text);
      return { result, ms: performance.now() - started };
    };

    it('reads blocks nested 50 000 deep in linear time, and says that the calendar holds no events', () => {
      const text = [
        'BEGIN:VCALENDAR',
        ...Array<string>(DEPTH).fill('BEGIN:X-NEST'),
        ...Array<string>(DEPTH).fill('END:X-NEST'),
        'END:VCALENDAR',
      ].join('\r\n');
      expect(text.length).toBeGreaterThan(800_000);
      const { result, ms } = timed(text);
      expect(messages(result)).toEqual(['line 1: the calendar holds no events (VEVENT)']);
      // Quadratic parsing took 41 s on this file; a loaded machine may take a few hundred ms more than an idle one.
      expect(ms).toBeLessThan(3000);
    });

    it('reports END lines without their BEGIN under 50 000 open blocks in linear time', () => {
      const text = [
        'BEGIN:VCALENDAR',
        ...Array<string>(DEPTH).fill('BEGIN:X-NEST'),
        ...Array<string>(DEPTH).fill('END:X-STRAY'),
      ].join('\r\n');
      expect(text.length).toBeGreaterThan(800_000);
      const { result, ms } = timed(text);
      expect(result.problems).toContainEqual({
        line: 2,
        message: 'BEGIN:X-NEST is never closed (END:X-NEST is missing)',
      });
      expect(result.problems.filter(({ message }) => message.startsWith('END:X-STRAY without'))).toHaveLength(
        DEPTH,
      );
      // Quadratic parsing took 41 s on this file; a loaded machine may take a few hundred ms more than an idle one.
      expect(ms).toBeLessThan(3000);
    });
  });
});
