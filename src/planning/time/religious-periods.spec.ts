import Holidays from 'date-holidays';
import { islamicDate, religiousPeriodOn, religiousPeriods } from './religious-periods';

describe('religious periods from the Umm al-Qura calendar', () => {
  // The Umm al-Qura tables: 1 Ramadan 1448 is 8 February 2027, 1 Ramadan 1449 is 28 January 2028.
  it.each([
    [
      2027,
      [
        { kind: 'ramadan', from: '2027-02-08', to: '2027-03-08' },
        { kind: 'eid-al-fitr', from: '2027-03-09', to: '2027-03-11' },
        { kind: 'eid-al-adha', from: '2027-05-16', to: '2027-05-19' },
      ],
    ],
    [
      2028,
      [
        { kind: 'ramadan', from: '2028-01-28', to: '2028-02-25' },
        { kind: 'eid-al-fitr', from: '2028-02-26', to: '2028-02-28' },
        { kind: 'eid-al-adha', from: '2028-05-05', to: '2028-05-08' },
      ],
    ],
  ])('finds Ramadan and the Eids of %i', (year, expected) => {
    expect(religiousPeriods(year)).toEqual(expected);
  });

  it.each([2027, 2028])(
    'agrees on the first day of each Eid of %i with the Turkish tables of date-holidays',
    (year) => {
      const turkish = new Holidays('TR').getHolidays(year);
      const first = (name: string) => turkish.find((holiday) => holiday.name === name)!.date.slice(0, 10);
      const periods = religiousPeriods(year);
      expect(periods.find((p) => p.kind === 'eid-al-fitr')!.from).toBe(first('Ramazan Bayramı'));
      expect(periods.find((p) => p.kind === 'eid-al-adha')!.from).toBe(first('Kurban Bayramı'));
    },
  );

  it('reads the Islamic month and day of a date', () => {
    expect(islamicDate('2027-02-08')).toEqual({ month: 9, day: 1 });
  });

  it('tells the period a date falls in, also one that began the year before', () => {
    expect(religiousPeriodOn('2027-03-01')?.kind).toBe('ramadan');
    expect(religiousPeriodOn('2027-03-12')).toBeUndefined();
    expect(religiousPeriodOn('2033-01-04')?.kind).toBe('eid-al-fitr');
    expect(religiousPeriods(2033).some((p) => p.kind === 'ramadan' && p.from < '2033-02-01')).toBe(false);
  });
});
