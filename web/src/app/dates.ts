/** Calendar dates as `YYYY-MM-DD`, computed on UTC noon so that no time zone or clock change shifts them. */
const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
};

/** The Monday of the week of `iso`. */
export const mondayOf = (iso: string): string => addDays(iso, -((toDate(iso).getUTCDay() + 6) % 7));

/** Today on this computer's calendar. */
export const today = (): string => {
  const now = new Date();
  return toIso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), 12)));
};

/** The date and the wall-clock time of a local ISO time of the API ("2027-01-12T09:30:00+01:00"). */
export const dateOf = (localIso: string): string => localIso.slice(0, 10);
export const clockOf = (localIso: string): string => localIso.slice(11, 16);

/** Whole years between a birth date and a date. */
export const ageOn = (birthDate: string, on: string): number => {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

/** An age in months as the pages say it: months under two, whole years from then (and the months over, if asked). */
export const ageInWords = (
  months: number,
  words: { months: string; years: string },
  withMonthsOver = false,
): string =>
  months < 24
    ? `${months} ${words.months}`
    : `${Math.floor(months / 12)} ${words.years}${withMonthsOver && months % 12 ? ` ${months % 12} ${words.months}` : ''}`;

export const weekdayName = (iso: string, language: string): string =>
  toDate(iso).toLocaleDateString(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

/** The offset of `zone` at an instant, in minutes east of UTC. */
function offsetMinutes(zone: string, instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** A wall-clock time `YYYY-MM-DDTHH:mm` in `zone` as the API's instant, with the offset in force then. */
export function zonedIso(local: string, zone: string): string {
  const naive = Date.parse(`${local}:00Z`);
  const offset = offsetMinutes(zone, naive - offsetMinutes(zone, naive) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The name of an ISO weekday (1 = Monday), from a week that began on a Monday. */
export const isoWeekdayName = (weekday: number, language: string): string =>
  toDate(addDays('2024-01-01', weekday - 1)).toLocaleDateString(language, {
    weekday: 'long',
    timeZone: 'UTC',
  });

/** The ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export const isoWeekdayOf = (iso: string): number => ((toDate(iso).getUTCDay() + 6) % 7) + 1;
