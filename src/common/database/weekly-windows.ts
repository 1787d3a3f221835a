export interface WeeklyWindow {
  weekday: number;
  from: string;
  to: string;
}

/** Windows in a stable order, as the API answers them and as they are compared. */
export const sortWindows = <T extends WeeklyWindow>(windows: T[]): WeeklyWindow[] =>
  windows
    .map(({ weekday, from, to }) => ({ weekday, from, to }))
    .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));

export const sameWindows = (a: WeeklyWindow[], b: WeeklyWindow[]): boolean =>
  JSON.stringify(sortWindows(a)) === JSON.stringify(sortWindows(b));
