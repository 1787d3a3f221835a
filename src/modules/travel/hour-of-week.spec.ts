import { DateTime } from 'luxon';
import { hourOfWeek, TRAVEL_ZONE, upcomingDeparture } from './hour-of-week';

const amsterdam = (iso: string) => DateTime.fromISO(iso, { zone: TRAVEL_ZONE });

describe('hourOfWeek', () => {
  it.each([
    ['2026-03-02T00:00', 0], // Monday
    ['2026-03-02T08:59', 8],
    ['2026-03-04T13:30', 2 * 24 + 13], // Wednesday
    ['2026-03-08T23:59', 167], // Sunday
  ])('%s in Amsterdam is hour %i', (iso, hour) => {
    expect(hourOfWeek(amsterdam(iso))).toBe(hour);
  });

  it('reads an instant on the Amsterdam clock, whatever its own zone', () => {
    // Monday 07:30 UTC is 08:30 in Amsterdam in winter and 09:30 in summer.
    expect(hourOfWeek(DateTime.fromISO('2026-01-05T07:30Z'))).toBe(8);
    expect(hourOfWeek(DateTime.fromISO('2026-07-06T07:30Z'))).toBe(9);
  });
});

describe('upcomingDeparture', () => {
  const now = amsterdam('2026-03-18T12:00'); // a Wednesday

  it('keeps a departure that is still to come', () => {
    expect(upcomingDeparture(amsterdam('2026-03-18T12:30'), now).toISO()).toBe(
      amsterdam('2026-03-18T12:30').toISO(),
    );
  });

  it('moves a past departure to the next week with the same weekday and wall-clock time', () => {
    expect(upcomingDeparture(amsterdam('2026-03-18T11:00'), now).toISO()).toBe(
      amsterdam('2026-03-25T11:00').toISO(),
    );
    expect(upcomingDeparture(amsterdam('2025-06-02T08:15'), now).toISO()).toBe(
      amsterdam('2026-03-23T08:15').toISO(),
    );
  });

  it('keeps the wall-clock time across the change to summer time', () => {
    // 2026-03-29 is the last Sunday of March: the clocks go from 02:00 to 03:00.
    const moved = upcomingDeparture(amsterdam('2026-03-23T08:00'), amsterdam('2026-03-27T12:00'));
    expect(moved.toISO()).toBe('2026-03-30T08:00:00.000+02:00');
    expect(hourOfWeek(moved)).toBe(8);
  });
});
