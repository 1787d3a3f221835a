import { DateTime } from 'luxon';

/**
 * When a message written at `at` may go out: at once, or at the end of the quiet hours (`21:00-07:00`, local
 * time; they may span midnight) when it is written within them.
 */
export function notBefore(at: Date, zone: string, quietHours: string): Date | undefined {
  const [from, to] = quietHours.split('-');
  const local = DateTime.fromJSDate(at, { zone });
  const time = local.toFormat('HH:mm');
  const spansMidnight = from > to;
  const quiet = spansMidnight ? time >= from || time < to : time >= from && time < to;
  if (!quiet) return undefined;
  const [hour, minute] = to.split(':').map(Number);
  const end = local.set({ hour, minute, second: 0, millisecond: 0 });
  return (end > local ? end : end.plus({ days: 1 })).toJSDate();
}
