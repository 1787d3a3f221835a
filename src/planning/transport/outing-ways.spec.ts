import { limitsFrom, rideWays } from './outing-ways';

const centre = { lat: 52.0, lon: 6.5 };
const museum = { lat: 52.1, lon: 6.6 };
const park = { lat: 52.2, lon: 6.7 };

describe('where a session’s rides go', () => {
  it('goes to and from the session’s location at its times without an outing', () => {
    const usual = { location: centre, start: 600, end: 780 };
    expect(rideWays(usual)).toEqual({ to: usual, from: usual });
  });

  it('goes to an outing’s first place by its arrival and home from its last place when it leaves', () => {
    const ways = rideWays(
      { location: centre, start: 600, end: 780 },
      { first: { location: museum, start: 570 }, last: { location: park, end: 840 } },
    );
    expect(ways.to).toEqual({ location: museum, start: 570, end: 780 });
    expect(ways.from).toEqual({ location: park, start: 600, end: 840 });
  });

  it('keeps each way’s start before its end when the outing reaches past the session', () => {
    const ways = rideWays(
      { location: centre, start: 600, end: 780 },
      { first: { location: museum, start: 800 }, last: { location: park, end: 590 } },
    );
    expect(ways.to.end).toBe(801);
    expect(ways.from.start).toBe(589);
  });

  it('counts her ride limit from the place of the way', () => {
    const policy = { maxRideMinutes: 45, maxRideFactor: 1.5 };
    const far = (from: { lat: number }, to: { lat: number }) => Math.round(Math.abs(to.lat - from.lat) * 400);
    const [request] = limitsFrom([{ id: 'p1', home: centre, maxRideMinutes: 45 }], park, policy, far);
    expect(request).toEqual({ id: 'p1', home: centre, maxRideMinutes: 120 });
  });
});
