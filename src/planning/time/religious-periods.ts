import { addDays } from './calendar';

export type ReligiousPeriodKind = 'ramadan' | 'eid-al-fitr' | 'eid-al-adha';

export interface ReligiousPeriod {
  kind: ReligiousPeriodKind;
  /** First and last day, both inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

// Umm al-Qura is a computed calendar, the same on every machine, rather than a sighting that differs per
// community; a mosque in the Netherlands may start or end a day apart, which a warning or an avoided day absorbs.
const islamic = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

/** The Islamic (Umm al-Qura) month and day of a Gregorian date. */
export function islamicDate(date: string): { month: number; day: number } {
  const parts = islamic.formatToParts(new Date(`${date}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { month: part('month'), day: part('day') };
}

/** Ramadan is month 9; the Eids last three days (1–3 Shawwal) and four (10–13 Dhu al-Hijjah), as celebrated. */
const kindOf = ({ month, day }: { month: number; day: number }): ReligiousPeriodKind | undefined => {
  if (month === 9) return 'ramadan';
  if (month === 10 && day <= 3) return 'eid-al-fitr';
  if (month === 12 && day >= 10 && day <= 13) return 'eid-al-adha';
  return undefined;
};

const cache = new Map<number, ReligiousPeriod[]>();

/** Ramadan and the two Eids that begin in a Gregorian year (a period from December runs into January). */
export function religiousPeriods(year: number): ReligiousPeriod[] {
  let periods = cache.get(year);
  if (periods) return periods;
  // From December before, so that a period running into January is not taken for one that begins then.
  const found: ReligiousPeriod[] = [];
  let open: ReligiousPeriod | undefined;
  for (let date = `${year - 1}-12-01`; date <= `${year + 1}-01-31`; date = addDays(date, 1)) {
    const kind = kindOf(islamicDate(date));
    if (open && kind === open.kind) {
      open.to = date;
      continue;
    }
    if (open) found.push(open);
    open = kind ? { kind, from: date, to: date } : undefined;
  }
  if (open) found.push(open);
  periods = found.filter((period) => period.from.startsWith(String(year)));
  cache.set(year, periods);
  return periods;
}

/** The religious period a date falls in, if any. */
export function religiousPeriodOn(date: string): ReligiousPeriod | undefined {
  const year = Number(date.slice(0, 4));
  return [...religiousPeriods(year - 1), ...religiousPeriods(year)].find(
    (period) => period.from <= date && date <= period.to,
  );
}
