import Holidays from 'date-holidays';

const cache = new Map<number, Map<string, string>>();

/** The Dutch national public holidays of a year (date → name), from the maintained date-holidays tables. */
export function dutchPublicHolidays(year: number): Map<string, string> {
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = new Map(
      new Holidays('NL')
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    cache.set(year, holidays);
  }
  return holidays;
}

export const isDutchPublicHoliday = (date: string): boolean =>
  dutchPublicHolidays(Number(date.slice(0, 4))).has(date);

/** A region's closed dates (holidays, closures, inclusive ranges) and the Dutch public holidays, as one test. */
export const closedOn =
  (closedDates: { from: string; to: string }[]) =>
  (date: string): boolean =>
    closedDates.some((closed) => closed.from <= date && date <= closed.to) || isDutchPublicHoliday(date);
