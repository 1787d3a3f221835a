import { CalendarConfig } from './calendar-config';

describe('CalendarConfig', () => {
  it('builds the feed and personal URLs with the secret in the query', () => {
    const config = new CalendarConfig('https://trefpunt.example.nl');
    expect(config.feedUrl('tp_cal_abc')).toBe('https://trefpunt.example.nl/calendar/feed.ics?key=tp_cal_abc');
    expect(config.personalUrl('tp_xyz')).toBe('https://trefpunt.example.nl/me?token=tp_xyz');
  });
});
