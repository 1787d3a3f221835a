import { InvalidEnvironmentError } from '../../../config/environment';
import { readCalendarConfig } from './calendar-config';

describe('readCalendarConfig', () => {
  it.each([
    [{}, 'http://localhost:3000'],
    [{ TREFPUNT_PUBLIC_URL: '' }, 'http://localhost:3000'],
    [{ TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl/' }, 'https://trefpunt.example.nl'],
    [{ TREFPUNT_PUBLIC_URL: 'https://example.nl/trefpunt//' }, 'https://example.nl/trefpunt'],
  ])('reads %j as %s', (raw, publicUrl) => {
    expect(readCalendarConfig(raw, 3000).publicUrl).toBe(publicUrl);
  });

  it.each(['trefpunt.example.nl', 'ftp://example.nl', 'https://example.nl/?a=1', 'https://u:p@example.nl'])(
    'refuses %s, naming the variable',
    (value) => {
      const read = () => readCalendarConfig({ TREFPUNT_PUBLIC_URL: value }, 3000);
      expect(read).toThrow(InvalidEnvironmentError);
      expect(read).toThrow(/TREFPUNT_PUBLIC_URL/);
    },
  );

  it('builds the feed and personal URLs with the secret in the query', () => {
    const config = readCalendarConfig({ TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl' }, 3000);
    expect(config.feedUrl('tp_cal_abc')).toBe('https://trefpunt.example.nl/calendar/feed.ics?key=tp_cal_abc');
    expect(config.personalUrl('tp_xyz')).toBe('https://trefpunt.example.nl/me?token=tp_xyz');
  });
});
