import { describeSkippedTime, skippedTimeOn, skippedWeeklyTime, wallClockExists } from './skipped-times';

const AMSTERDAM = 'Europe/Amsterdam';

describe('wallClockExists', () => {
  it.each([
    ['2027-03-28', '01:59', true],
    ['2027-03-28', '02:00', false], // the clocks go from 02:00 straight to 03:00
    ['2027-03-28', '02:30', false],
    ['2027-03-28', '02:59', false],
    ['2027-03-28', '03:00', true],
    ['2027-03-21', '02:30', true], // the Sunday before
    ['2027-10-31', '02:30', true], // the autumn change repeats the hour instead of skipping it
  ])('%s %s in Amsterdam: %s', (date, time, exists) => {
    expect(wallClockExists(date, time, AMSTERDAM)).toBe(exists);
  });

  it('knows other zones: New York skips 02:00-03:00 on 14 March 2027', () => {
    expect(wallClockExists('2027-03-14', '02:30', 'America/New_York')).toBe(false);
    expect(wallClockExists('2027-03-28', '02:30', 'America/New_York')).toBe(true);
  });
});

describe('skippedTimeOn', () => {
  it('names from before to', () => {
    expect(skippedTimeOn('2027-03-28', { from: '02:30', to: '02:45' }, AMSTERDAM)).toEqual({
      field: 'from',
      time: '02:30',
      date: '2027-03-28',
    });
  });

  it('names to when only the end is skipped', () => {
    expect(skippedTimeOn('2027-03-28', { from: '01:30', to: '02:15' }, AMSTERDAM)?.field).toBe('to');
  });

  it('passes an interval around the gap', () => {
    expect(skippedTimeOn('2027-03-28', { from: '01:30', to: '03:15' }, AMSTERDAM)).toBeUndefined();
  });
});

describe('skippedWeeklyTime', () => {
  const sunday = { weekday: 7, from: '02:30', to: '03:15' };

  it('finds the Sunday of the spring change within the validity', () => {
    expect(skippedWeeklyTime(sunday, { from: '2027-01-04', to: '2027-07-09' }, AMSTERDAM)).toEqual({
      field: 'from',
      time: '02:30',
      date: '2027-03-28',
    });
  });

  it('passes a validity that ends before the change', () => {
    expect(skippedWeeklyTime(sunday, { from: '2027-01-04', to: '2027-03-27' }, AMSTERDAM)).toBeUndefined();
  });

  it('passes when the date of the change is an exception', () => {
    expect(
      skippedWeeklyTime(sunday, { from: '2027-01-04', to: '2027-07-09' }, AMSTERDAM, ['2027-03-28']),
    ).toBeUndefined();
  });

  it('passes the same times on another weekday', () => {
    expect(
      skippedWeeklyTime({ ...sunday, weekday: 6 }, { from: '2027-01-04', to: '2027-07-09' }, AMSTERDAM),
    ).toBeUndefined();
  });

  it('describes it naming the field as the caller wrote it', () => {
    expect(
      describeSkippedTime({ field: 'to', time: '02:15', date: '2027-03-28' }, AMSTERDAM, 'lessons[2].to'),
    ).toBe(
      'lessons[2].to: 02:15 does not exist on 2027-03-28 in Europe/Amsterdam (the clocks go forward then); ' +
        'choose a time outside the hour that is skipped',
    );
  });
});
