import { loggedPath } from './logged-path';

describe('loggedPath', () => {
  it.each([
    ['/r/abcDEF234567', '/r/[redacted]'],
    ['/r/abcDEF234567?x=1', '/r/[redacted]'],
    ['/R/abcDEF234567/', '/R/[redacted]/'],
    ['//r//abcDEF234567', '//r//[redacted]'],
    ['/calendar/feed.ics?key=tp_cal_secret', '/calendar/feed.ics'],
    ['/regions/berkelland', '/regions/berkelland'],
    ['/outbox/1b2c/resend', '/outbox/1b2c/resend'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggedPath(url)).toBe(logged);
  });
});
