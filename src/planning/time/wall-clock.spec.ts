import { instantToLocal, instantToLocalIso, localToInstant, weeklyOccurrences } from './wall-clock';
import { instantToLocalMinute, localMinuteToInstant } from './wall-clock';

const AMSTERDAM = 'Europe/Amsterdam';

describe('localToInstant', () => {
  it.each([
    ['2027-01-11', '09:30', '2027-01-11T08:30:00.000Z'], // winter, UTC+1
    ['2027-03-26', '09:30', '2027-03-26T08:30:00.000Z'], // the Friday before clocks go forward
    ['2027-03-29', '09:30', '2027-03-29T07:30:00.000Z'], // the Monday after: UTC+2
    ['2027-10-29', '09:30', '2027-10-29T07:30:00.000Z'], // the Friday before clocks go back
    ['2027-11-01', '09:30', '2027-11-01T08:30:00.000Z'], // the Monday after: UTC+1 again
  ])('%s %s in Amsterdam is %s', (date, time, expected) => {
    expect(localToInstant(date, time, AMSTERDAM).toISOString()).toBe(expected);
  });

  it('moves a time that the spring change skips forward by the gap', () => {
    expect(localToInstant('2027-03-28', '02:30', AMSTERDAM).toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses a date that does not exist', () => {
    expect(() => localToInstant('2027-02-30', '09:00', AMSTERDAM)).toThrow(RangeError);
  });
});

describe('instantToLocalIso and instantToLocal', () => {
  it('writes the offset in force on that date', () => {
    expect(instantToLocalIso(new Date('2027-01-12T08:30:00Z'), AMSTERDAM)).toBe('2027-01-12T09:30:00+01:00');
    expect(instantToLocalIso(new Date('2027-06-15T07:30:00Z'), AMSTERDAM)).toBe('2027-06-15T09:30:00+02:00');
  });

  it('gives the local date, time and weekday', () => {
    expect(instantToLocal(new Date('2027-03-29T07:30:00Z'), AMSTERDAM)).toEqual({
      date: '2027-03-29',
      time: '09:30',
      weekday: 1,
    });
  });
});

describe('weeklyOccurrences', () => {
  const mondayLesson = { weekday: 1, from: '09:00', to: '11:30' };

  it('keeps the wall-clock time across the change to summer time', () => {
    const occurrences = weeklyOccurrences(mondayLesson, { from: '2027-03-15', to: '2027-04-05' }, AMSTERDAM);
    expect(occurrences.map((o) => [o.date, o.start.toISOString(), o.end.toISOString()])).toEqual([
      ['2027-03-15', '2027-03-15T08:00:00.000Z', '2027-03-15T10:30:00.000Z'],
      ['2027-03-22', '2027-03-22T08:00:00.000Z', '2027-03-22T10:30:00.000Z'],
      ['2027-03-29', '2027-03-29T07:00:00.000Z', '2027-03-29T09:30:00.000Z'],
      ['2027-04-05', '2027-04-05T07:00:00.000Z', '2027-04-05T09:30:00.000Z'],
    ]);
  });

  it('keeps the wall-clock time across the change back to winter time', () => {
    const occurrences = weeklyOccurrences(mondayLesson, { from: '2027-10-25', to: '2027-11-01' }, AMSTERDAM);
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2027-10-25T07:00:00.000Z',
      '2027-11-01T08:00:00.000Z',
    ]);
  });

  it('stays within the validity of the series, both ends inclusive', () => {
    const occurrences = weeklyOccurrences(
      { weekday: 3, from: '13:00', to: '16:00' },
      { from: '2027-01-01', to: '2027-12-31' },
      AMSTERDAM,
      { from: '2027-01-13', to: '2027-01-27' },
    );
    expect(occurrences.map((o) => o.date)).toEqual(['2027-01-13', '2027-01-20', '2027-01-27']);
  });

  it('finds nothing when the range and the validity do not meet', () => {
    expect(
      weeklyOccurrences(mondayLesson, { from: '2027-01-01', to: '2027-01-31' }, AMSTERDAM, {
        from: '2027-02-01',
        to: '2027-03-01',
      }),
    ).toEqual([]);
  });
});

describe('local minutes and instants, also on the days the clocks change', () => {
  it.each([
    ['2028-03-26', 10 * 60, '2028-03-26T08:00:00.000Z'],
    ['2027-10-31', 10 * 60, '2027-10-31T09:00:00.000Z'],
    ['2027-01-11', 24 * 60 + 30, '2027-01-11T23:30:00.000Z'],
    ['2027-01-11', -30, '2027-01-10T22:30:00.000Z'],
  ])('%s minute %i is %s, and back', (date, minute, iso) => {
    const instant = localMinuteToInstant(date, minute, 'Europe/Amsterdam');
    expect(instant.toISOString()).toBe(iso);
    expect(instantToLocalMinute(instant, date, 'Europe/Amsterdam')).toBe(minute);
  });
});
