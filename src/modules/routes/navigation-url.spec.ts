import { Route } from './route.entity';
import { navigationUrl } from './route-sheets.service';

const location = { lat: 52.1, lon: 6.5 };
const home = { lat: 52.2, lon: 6.6 };
const params = (url: string) => new URL(url).searchParams;

describe('navigationUrl', () => {
  it('leads a route to the location through the homes in order', () => {
    const url = params(navigationUrl({ direction: 'to' } as Route, location, [home]));
    expect(url.get('destination')).toBe('52.1,6.5');
    expect(url.get('waypoints')).toBe('52.2,6.6');
  });

  it('leads a route home from the location to the last home', () => {
    const url = params(navigationUrl({ direction: 'from' } as Route, location, [location, home]));
    expect(url.get('origin')).toBe('52.1,6.5');
    expect(url.get('destination')).toBe('52.2,6.6');
  });

  it('leads a route home whose stops the caller may not see back to the location', () => {
    const url = params(navigationUrl({ direction: 'from' } as Route, location, []));
    expect(url.get('destination')).toBe('52.1,6.5');
    expect(url.get('waypoints')).toBeNull();
  });
});
