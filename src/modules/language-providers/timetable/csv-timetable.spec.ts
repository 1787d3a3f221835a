import { parseCsvTimetable } from './csv-timetable';
import { ParticipantDirectory } from './timetable';

const participants = new ParticipantDirectory([
  { id: 'id-p1', ref: 'p1', email: 'selam@example.nl' },
  { id: 'id-p2', ref: 'p2', email: null },
  { id: 'id-p3', ref: 'p3', email: 'gezin@example.nl' },
  { id: 'id-p4', ref: 'p4', email: 'gezin@example.nl' },
]);

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const messages = (text: string) =>
  parseCsvTimetable(text, participants).problems.map(({ line, message }) => `line ${line}: ${message}`);

describe('parseCsvTimetable', () => {
  it('reads a comma-separated timetable with the place as "lat,lon" in one quoted field', () => {
    const result = parseCsvTimetable(
      csv(
        'participant,weekday,from,to,place,validFrom,validTo',
        'p1,1,09:00,11:30,"52.1158,6.5215",2027-01-04,2027-07-09',
        'p2,wednesday,13:00,15:00,"52.12, 6.5",2027-01-06,2027-07-07',
      ),
      participants,
    );
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        participantId: 'id-p1',
        weekday: 1,
        from: '09:00',
        to: '11:30',
        position: { lat: 52.1158, lon: 6.5215 },
        validFrom: '2027-01-04',
        validTo: '2027-07-09',
        exceptDates: [],
      },
      {
        line: 3,
        participantId: 'id-p2',
        weekday: 3,
        from: '13:00',
        to: '15:00',
        position: { lat: 52.12, lon: 6.5 },
        validFrom: '2027-01-06',
        validTo: '2027-07-07',
        exceptDates: [],
      },
    ]);
  });

  it('reads a Dutch Excel file: BOM, CRLF, semicolons, decimal commas, Dutch day names and DD-MM-YYYY dates', () => {
    const text =
      '\uFEFFDeelnemer naam;Participant;Weekday;From;To;Lat;Lon;Valid from;Valid_to\r\n' +
      'Selam;p1;ma;9.00;11:30;52,1158;6,5215;04-01-2027;9-7-2027\r\n' +
      ';;;;;;;;\r\n' +
      'Selam;SELAM@example.nl;Donderdag;13:00;15:00;52,1;6,5;2027-01-07;2027-07-08\r\n';
    const result = parseCsvTimetable(text, participants);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({
        line: 2,
        participantId: 'id-p1',
        weekday: 1,
        from: '09:00',
        to: '11:30',
        position: { lat: 52.1158, lon: 6.5215 },
        validFrom: '2027-01-04',
        validTo: '2027-07-09',
      }),
      expect.objectContaining({
        line: 4,
        participantId: 'id-p1',
        weekday: 4,
        position: { lat: 52.1, lon: 6.5 },
      }),
    ]);
  });

  it('reports every problem of every line with its line number, and yields no rows then', () => {
    const result = parseCsvTimetable(
      csv(
        'participant,weekday,from,to,place,validFrom,validTo',
        'p1,1,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09',
        '',
        'p2,8,09:00,08:00,"52.1,6.5",2027-02-30,2027-01-01',
        'p99,di,9:00,11:00,somewhere,2027/01/04,2027-07-09',
        'nobody@example.nl,wo,25:00,,"95,6.5",2027-01-04,2027-01-03',
      ),
      participants,
    );
    expect(result.rows).toEqual([]);
    expect(result.problems.map(({ line, message }) => `line ${line}: ${message}`)).toEqual([
      'line 4: weekday: must be 1 (Monday) to 7 (Sunday) or a Dutch/English day name',
      'line 4: to: must be after from (09:00)',
      'line 4: validFrom: 2027-02-30 is not a date that exists',
      'line 5: participant: no participant "p99" in the region',
      'line 5: place: must be "lat,lon" in decimal degrees, e.g. "52.1158,6.5215"',
      'line 5: validFrom: must be a date as YYYY-MM-DD or DD-MM-YYYY',
      'line 6: participant: no participant with this e-mail address in the region',
      'line 6: from: must be a time of day as HH:MM',
      'line 6: to: is required',
      'line 6: place: the latitude must be from -90 to 90',
      'line 6: validTo: must be on or after validFrom (2027-01-04)',
    ]);
  });

  it('counts lines through quoted fields that hold a line break', () => {
    const result = parseCsvTimetable(
      csv(
        'participant,weekday,from,to,place,validFrom,validTo,note',
        'p1,1,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09,"two',
        'lines"',
        'p1,x,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09,',
      ),
      participants,
    );
    expect(result.problems).toEqual([
      { line: 4, message: 'weekday: must be 1 (Monday) to 7 (Sunday) or a Dutch/English day name' },
    ]);
  });

  it('finds columns by name in any order and case, and leaves other columns alone', () => {
    const result = parseCsvTimetable(
      csv(
        'VALIDTO,To,opmerking,FROM,lon,Weekday,lat,Participant,ValidFrom',
        '2027-07-09,11:30,x,09:00,6.5,Zo,52.1,p2,2027-01-03',
      ),
      participants,
    );
    expect(result.rows).toEqual([
      expect.objectContaining({
        participantId: 'id-p2',
        weekday: 7,
        from: '09:00',
        to: '11:30',
        position: { lat: 52.1, lon: 6.5 },
      }),
    ]);
  });

  it('refuses a header that misses columns, naming them', () => {
    expect(messages(csv('participant;weekday;from', 'p1;1;09:00'))).toEqual([
      'line 1: the header misses the columns to, validFrom, validTo, place (it needs participant, weekday, from, to, ' +
        'place (or lat and lon), validFrom and validTo, in any order)',
    ]);
    expect(messages(csv('participant,weekday,from,to,place,lat,validFrom,validTo'))).toEqual([
      'line 1: give the place either as place or as lat and lon, not both',
    ]);
  });

  it('matches a participant by e-mail address, but not an address two participants share', () => {
    const header = 'participant,weekday,from,to,place,validFrom,validTo';
    const ok = parseCsvTimetable(
      csv(header, 'Selam@Example.nl,1,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09'),
      participants,
    );
    expect(ok.rows.map((row) => row.participantId)).toEqual(['id-p1']);
    expect(messages(csv(header, 'gezin@example.nl,1,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09'))).toEqual([
      'line 2: participant: more than one participant has this e-mail address; name her by her ref',
    ]);
  });

  it('reports each broken quote with its line and goes on reading after it', () => {
    expect(
      messages(
        csv(
          'participant,weekday,from,to,place,validFrom,validTo',
          'p1,1,09:00,11:30,"52.1,6.5"x,2027-01-04,2027-07-09',
          'p1,9,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09',
          'p1,1,09:00,11:30,"52.1,6.5,2027-01-04,2027-07-09',
        ),
      ),
    ).toEqual([
      'line 2: a quoted field must end right after its closing "; write a " inside it as ""',
      'line 3: weekday: must be 1 (Monday) to 7 (Sunday) or a Dutch/English day name',
      'line 4: a quoted field starts here and is never closed (a " is missing)',
    ]);
  });

  it('judges no row when the header row itself has a broken quote', () => {
    expect(
      messages(
        csv(
          'participant,"weekday"x,from,to,place,validFrom,validTo',
          'p1,1,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09',
        ),
      ),
    ).toEqual(['line 1: a quoted field must end right after its closing "; write a " inside it as ""']);
  });

  it('imports the same lesson twice once, and reports the second', () => {
    const row = 'p1,1,09:00,11:30,"52.1,6.5",2027-01-04,2027-07-09';
    const result = parseCsvTimetable(
      csv('participant,weekday,from,to,place,validFrom,validTo', row, row),
      participants,
    );
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 3, reason: 'the same lesson as line 2' }]);
  });

  it('refuses an empty file and a file with a header only', () => {
    expect(messages('')).toEqual(['line 1: the file is empty: it needs a header row and lessons']);
    expect(messages(csv('participant,weekday,from,to,place,validFrom,validTo'))).toEqual([
      'line 1: the file holds a header but no lessons',
    ]);
  });
});
