import { DEFAULT_TRAVEL_MODEL, offlineTravel, Position } from './offline-travel';
import { DEFAULT_TRANSIT_MODEL, TransitTravelModel, transitTravel } from './transit-travel';

const HOME: Position = { lat: 52.1, lon: 5.18 };
/** A place `km` straight-line km due north of HOME. */
const north = (km: number): Position => ({ lat: HOME.lat + km / 111.195, lon: HOME.lon });

describe('transitTravel', () => {
  it('takes no time to the same place', () => {
    expect(transitTravel(HOME, HOME)).toEqual({ km: 0, minutes: 0 });
  });

  it('never takes less time for a longer trip, across speed, headway and transfer limits', () => {
    let previous = 0;
    for (let km = 0.1; km <= 60; km += 0.1) {
      const { minutes } = transitTravel(HOME, north(km));
      expect(minutes).toBeGreaterThanOrEqual(previous);
      previous = minutes;
    }
  });

  it.each([
    ['a few hundred metres', 0.3],
    ['a kilometre', 1],
  ])('walks %s: quicker than walking to a stop and waiting', (_, km) => {
    const trip = transitTravel(HOME, north(km));
    const walking = (km * DEFAULT_TRANSIT_MODEL.walkDetourFactor * 60) / DEFAULT_TRANSIT_MODEL.walkKmPerHour;
    expect(trip.minutes).toBe(Math.ceil(walking));
    expect(trip.km).toBeCloseTo(km * DEFAULT_TRANSIT_MODEL.walkDetourFactor, 3);
  });

  it.each([2, 4, 8, 15, 30, 60])('takes longer than the car for %d km', (km) => {
    const bus = transitTravel(HOME, north(km));
    const car = offlineTravel(HOME, north(km), DEFAULT_TRAVEL_MODEL);
    expect(bus.minutes).toBeGreaterThan(car.minutes);
  });

  it('adds walking to and from the stops, half a headway, the ride and, on a long trip, a change', () => {
    // 10 straight km: 14 line km, 10 of them at 20 km/h and 4 at 35 km/h, a 30-minute headway, no change yet.
    const atTen = (0.8 / 4.5) * 60 + 15 + 30 + (4 / 35) * 60;
    expect(transitTravel(HOME, north(10))).toEqual({ km: expect.closeTo(14, 2), minutes: Math.ceil(atTen) });
    // 20 straight km: 28 line km, beyond 15: one change of 10 minutes.
    const atTwenty = (0.8 / 4.5) * 60 + 15 + 30 + (18 / 35) * 60 + 10;
    expect(transitTravel(HOME, north(20)).minutes).toBe(Math.ceil(atTwenty));
  });

  it('follows its parameters: more frequent buses and faster lines make the trip quicker', () => {
    const quick: TransitTravelModel = {
      ...DEFAULT_TRANSIT_MODEL,
      speeds: [{ upToKm: Infinity, kmPerHour: 60 }],
      headways: [{ upToKm: Infinity, minutes: 4 }],
    };
    expect(transitTravel(HOME, north(12), quick).minutes).toBeLessThan(
      transitTravel(HOME, north(12)).minutes,
    );
  });
});
