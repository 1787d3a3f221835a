import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { timeZoneObservances } from './time-zone-observances';
import { timeZoneComponent } from './write-calendar';

describe('timeZoneObservances', () => {
  it('describes Europe/Amsterdam by the EU rule: the last Sunday of March and of October', () => {
    const observances = timeZoneObservances('Europe/Amsterdam', 2026, 2028);
    expect(observances).toEqual([
      {
        kind: 'daylight',
        start: { year: 2025, month: 3, day: 30, hour: 2, minute: 0 },
        offsetFrom: 60,
        offsetTo: 120,
        name: 'CEST',
        rule: { month: 3, byDay: '-1SU' },
      },
      {
        kind: 'standard',
        start: { year: 2025, month: 10, day: 26, hour: 3, minute: 0 },
        offsetFrom: 120,
        offsetTo: 60,
        name: 'CET',
        rule: { month: 10, byDay: '-1SU' },
      },
    ]);
  });

  it('finds the second Sunday of March in New York', () => {
    const daylight = timeZoneObservances('America/New_York', 2026, 2028).find((o) => o.kind === 'daylight');
    expect(daylight).toMatchObject({ offsetFrom: -300, offsetTo: -240, rule: { month: 3, byDay: '2SU' } });
  });

  it('answers one standard observance for a zone without clock changes', () => {
    expect(timeZoneObservances('Asia/Tokyo', 2026, 2028)).toEqual([
      expect.objectContaining({ kind: 'standard', offsetFrom: 540, offsetTo: 540 }),
    ]);
  });

  // Southern summer, an irregular zone (Ramadan), and the usual ones. Clients read DTSTART;TZID as a wall
  // clock and turn it into an instant with the VTIMEZONE: that is what must agree with the zone's rules.
  it.each(['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Africa/Casablanca', 'Asia/Tokyo'])(
    'makes ical.js read each wall clock time of 2025 to 2027 in %s as luxon does',
    (zone) => {
      // The feed promises the years of its events and of now, and one either side: 2025 to 2027 here.
      const timezone = new ICAL.Timezone(timeZoneComponent(zone, [], new Date('2026-06-01T00:00:00Z')));
      const mismatches: string[] = [];
      const hour = 3_600_000;
      for (let at = Date.UTC(2025, 0, 1, 0, 30); at < Date.UTC(2028, 0, 1); at += hour) {
        // Wall clock times near a change are skipped or ambiguous; any reading of them is as good.
        if (
          DateTime.fromMillis(at - 2 * hour, { zone }).offset !==
          DateTime.fromMillis(at + 2 * hour, { zone }).offset
        ) {
          continue;
        }
        const { year, month, day, hour: h, minute } = DateTime.fromMillis(at, { zone });
        const read = ICAL.Time.fromData(
          { year, month, day, hour: h, minute, second: 0, isDate: false },
          timezone,
        );
        if (read.toUnixTime() * 1000 !== at) mismatches.push(`${new Date(at).toISOString()}`);
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    },
  );
});
