import { DateTime } from 'luxon';

/** A wall-clock date and time, as DTSTART and RDATE of a VTIMEZONE observance write it. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** One STANDARD or DAYLIGHT part of a VTIMEZONE. */
export interface Observance {
  kind: 'standard' | 'daylight';
  /** The first onset, on the wall clock in force before it (RFC 5545 3.6.5). */
  start: WallClock;
  /** Offsets from UTC in minutes, before and after the onset. */
  offsetFrom: number;
  offsetTo: number;
  /** An abbreviation such as CEST, when the platform knows one. */
  name?: string;
  /** A yearly rule for the onsets after the first: BYMONTH and BYDAY (`-1SU`: the last Sunday). */
  rule?: { month: number; byDay: string };
}

interface Transition {
  at: number;
  before: number;
  after: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const offsetAt = (zone: string, at: number) => DateTime.fromMillis(at, { zone }).offset;

/** Every change of the zone's UTC offset within [from, to), to the minute. */
function transitions(zone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  // Offsets change at most a few times a year, never twice within a day: a daily step sees every change.
  for (let day = from; day < to; day += DAY) {
    const before = offsetAt(zone, day);
    const after = offsetAt(zone, day + DAY);
    if (before === after) continue;
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, middle) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, before, after });
  }
  return found;
}

function wallClock(at: number, offset: number): WallClock {
  const { year, month, day, hour, minute } = DateTime.fromMillis(at + offset * MINUTE, { zone: 'UTC' });
  return { year, month, day, hour, minute };
}

/** CET, EDT…; undefined where the platform only knows `GMT+1`, which TZNAME need not carry. */
function abbreviation(zone: string, at: number): string | undefined {
  for (const locale of ['en-GB', 'en-US']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return undefined;
}

/** `-1SU` when every onset is the last such weekday of its month, `2SU` when each is the second, else none. */
function yearlyRule(onsets: WallClock[]): Observance['rule'] {
  if (onsets.length < 2) return undefined;
  const [first] = onsets;
  const dates = onsets.map((onset) => DateTime.fromObject({ ...onset }, { zone: 'UTC' }));
  const sameClock = onsets.every(
    (onset, index) =>
      onset.year === first.year + index &&
      onset.month === first.month &&
      onset.hour === first.hour &&
      onset.minute === first.minute &&
      dates[index].weekday === dates[0].weekday,
  );
  if (!sameClock) return undefined;
  const weekday = WEEKDAYS[dates[0].weekday - 1];
  if (dates.every((date) => date.day + 7 > date.daysInMonth!)) {
    return { month: first.month, byDay: `-1${weekday}` };
  }
  const nth = Math.ceil(first.day / 7);
  if (onsets.every((onset) => Math.ceil(onset.day / 7) === nth)) {
    return { month: first.month, byDay: `${nth}${weekday}` };
  }
  return undefined;
}

/** Observances depend on the zone and the years only: every feed of the same span reuses them. */
const known = new Map<string, Observance[]>();

export function timeZoneObservances(zone: string, fromYear: number, toYear: number): Observance[] {
  const key = `${zone}|${fromYear}|${toYear}`;
  if (!known.has(key)) known.set(key, observancesOf(zone, fromYear, toYear));
  return known.get(key)!;
}

/**
 * The observances of a VTIMEZONE for `zone` that are right for every instant from the start of `fromYear` to
 * the end of `toYear`, taken from the platform's time zone data: a yearly rule where the onsets follow one
 * (Europe/Amsterdam: the last Sunday of March and of October), one observance per onset otherwise, and one
 * fixed observance for a zone without changes.
 */
function observancesOf(zone: string, fromYear: number, toYear: number): Observance[] {
  const from = Date.UTC(fromYear, 0, 1);
  // From a year earlier: the onsets of that year say which offset holds on the first of January.
  const found = transitions(zone, Date.UTC(fromYear - 1, 0, 1), Date.UTC(toYear + 1, 0, 1));
  const observances: Observance[] = [];
  if (found.length === 0 || found[0].at > from) {
    // No change before `from` to start from: the offset then holds since long before.
    const offset = offsetAt(zone, from);
    observances.push({
      kind: DateTime.fromMillis(from, { zone }).isInDST ? 'daylight' : 'standard',
      start: { year: 1970, month: 1, day: 1, hour: 0, minute: 0 },
      offsetFrom: offset,
      offsetTo: offset,
      name: abbreviation(zone, from),
    });
  }
  const groups = new Map<string, { observance: Omit<Observance, 'start'>; onsets: WallClock[] }>();
  for (const transition of found) {
    const kind = DateTime.fromMillis(transition.at, { zone }).isInDST ? 'daylight' : 'standard';
    const name = abbreviation(zone, transition.at);
    const key = [kind, transition.before, transition.after, name].join('|');
    const group = groups.get(key) ?? {
      observance: { kind, offsetFrom: transition.before, offsetTo: transition.after, name },
      onsets: [],
    };
    group.onsets.push(wallClock(transition.at, transition.before));
    groups.set(key, group);
  }
  for (const { observance, onsets } of groups.values()) {
    const rule = yearlyRule(onsets);
    // Without a rule, one observance per onset: clients (ical.js among them) read RDATE in a VTIMEZONE poorly.
    if (rule) observances.push({ ...observance, start: onsets[0], rule });
    else observances.push(...onsets.map((start) => ({ ...observance, start })));
  }
  return observances;
}
