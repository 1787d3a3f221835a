import fc from 'fast-check';
import { offlineTravel, Position } from '../travel/offline-travel';
import { FleetVehicle, planSessionRides, PlannedRide, RideRequest, SessionRidesInput } from './session-rides';

const location: Position = { lat: 52.1, lon: 6.5 };
const minutes = (a: Position, b: Position) => offlineTravel(a, b).minutes;
const near = (index: number, spread = 0.04): Position => ({
  lat: location.lat + Math.sin(index * 2.1) * spread,
  lon: location.lon + Math.cos(index * 1.7) * spread,
});
const request = (index: number, children = 0, spread?: number): RideRequest => ({
  participantId: `p${index}`,
  home: near(index, spread),
  children,
  maxRideMinutes: 45,
});
const bus = (
  id: string,
  seats = 8,
  childSeats = 2,
  free: [number, number][] = [[450, 1080]],
): FleetVehicle => ({
  id,
  depot: near(99, 0.01),
  seats,
  childSeats,
  free,
});
const base = (
  direction: 'to' | 'from',
  requests: RideRequest[],
  vehicles: FleetVehicle[],
): SessionRidesInput => ({
  direction,
  location,
  start: 600,
  end: 750,
  arriveMinutesBefore: 10,
  requests,
  vehicles,
  minutes,
  iterations: 300,
});

/** Every hard rule of a ride, checked from the input alone. */
function expectValid(input: SessionRidesInput, rides: PlannedRide[]) {
  for (const ride of rides) {
    const vehicle = input.vehicles.find((v) => v.id === ride.vehicleId)!;
    const people = ride.stops.reduce((n, stop) => n + 1 + stop.children, 0);
    const children = ride.stops.reduce((n, stop) => n + stop.children, 0);
    expect(people).toBeLessThanOrEqual(vehicle.seats);
    expect(children).toBeLessThanOrEqual(vehicle.childSeats);
    expect(vehicle.free.some(([from, to]) => from <= ride.depart && ride.arrive <= to)).toBe(true);
    const times = ride.stops.map((stop) => stop.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const stop of ride.stops) {
      const limit = input.requests.find((r) => r.participantId === stop.participantId)!.maxRideMinutes;
      if (input.direction === 'to') {
        expect(ride.arrive - stop.time).toBeLessThanOrEqual(limit + 3);
        expect(stop.time).toBeGreaterThanOrEqual(ride.depart);
      } else {
        expect(stop.time - ride.depart).toBeLessThanOrEqual(limit);
        expect(stop.time).toBeLessThanOrEqual(ride.arrive);
      }
    }
    if (input.direction === 'to')
      expect(ride.arrive).toBeLessThanOrEqual(input.start - input.arriveMinutesBefore);
    else expect(ride.depart).toBeGreaterThanOrEqual(input.end);
  }
  // One vehicle is never on two rides at once.
  for (const a of rides)
    for (const b of rides)
      if (a !== b && a.vehicleId === b.vehicleId)
        expect(a.arrive <= b.depart || b.arrive <= a.depart).toBe(true);
}

describe('planSessionRides', () => {
  it('brings everyone to the location before the start on the fewest vehicles, and home after the end', () => {
    const requests = [1, 2, 3, 4, 5].map((i) => request(i, i === 2 ? 1 : 0, 0.015));
    for (const direction of ['to', 'from'] as const) {
      const input = base(direction, requests, [bus('a'), bus('b')]);
      const { rides, unrouted } = planSessionRides(input);
      expect(unrouted).toEqual([]);
      expect(new Set(rides.map((ride) => ride.vehicleId)).size).toBe(1);
      expect(rides.flatMap((ride) => ride.stops.map((stop) => stop.participantId)).sort()).toEqual(
        requests.map((r) => r.participantId).sort(),
      );
      expectValid(input, rides);
    }
  });

  it('keeps last week’s vehicle and pickup times where that costs nothing', () => {
    const requests = [1, 2, 3].map((i) => request(i, 0, 0.015));
    const first = planSessionRides(base('to', requests, [bus('a'), bus('b')]));
    const lastWeek = new Map(
      first.rides.flatMap((ride) => ride.stops.map((stop) => [stop.participantId, stop.time])),
    );
    const again = planSessionRides(
      base(
        'to',
        requests.map((r) => ({ ...r, previous: { vehicleId: 'b', time: lastWeek.get(r.participantId)! } })),
        [bus('a'), bus('b')],
      ),
    );
    expect(again.rides.map((ride) => ride.vehicleId)).toEqual(['b']);
    for (const stop of again.rides[0].stops) {
      expect(Math.abs(stop.time - lastWeek.get(stop.participantId)!)).toBeLessThanOrEqual(5);
    }
  });

  it('says why a woman cannot be collected', () => {
    const input = base('to', [request(1, 3), request(2, 0, 3)], [bus('car', 4, 2)]);
    const { unrouted } = planSessionRides(input);
    expect(unrouted).toEqual([
      { participantId: 'p1', reason: 'no vehicle has room for her and her children' },
      { participantId: 'p2', reason: 'no vehicle can bring her in time within the ride limit' },
    ]);
  });

  it('never uses a vehicle while it is busy elsewhere', () => {
    const input = base(
      'to',
      [1, 2, 3].map((i) => request(i)),
      [bus('a', 8, 2, [[450, 540]]), bus('b')],
    );
    const { rides } = planSessionRides(input);
    expectValid(input, rides);
    expect(rides.map((ride) => ride.vehicleId)).toEqual(['b']);
  });

  it('leaves out a vehicle free for less time than the drive from its depot to the location', () => {
    const input = base('to', [request(1)], [bus('a', 8, 2, [[570, 572]]), bus('b')]);
    const { rides, unrouted } = planSessionRides(input);
    expect(unrouted).toEqual([]);
    expect(rides.map((ride) => ride.vehicleId)).toEqual(['b']);
  });

  it('re-plans without one rider and keeps the others’ pickup times within a few minutes', () => {
    const requests = [1, 2, 3, 4, 5, 6].map((i) => request(i));
    const first = planSessionRides(base('to', requests, [bus('a'), bus('b')]));
    const again = planSessionRides({
      ...base('to', requests.slice(1), [bus('a'), bus('b')]),
      current: first.rides,
    });
    const before = new Map(first.rides.flatMap((ride) => ride.stops.map((s) => [s.participantId, s.time])));
    for (const stop of again.rides.flatMap((ride) => ride.stops)) {
      expect(Math.abs(stop.time - before.get(stop.participantId)!)).toBeLessThanOrEqual(10);
    }
    expect(again.rides.flatMap((ride) => ride.stops).map((stop) => stop.participantId)).not.toContain('p1');
  });

  it('keeps every hard rule, and routes or explains every request exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            children: fc.integer({ min: 0, max: 3 }),
            spread: fc.double({ min: 0.005, max: 0.3 }),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.constantFrom('to' as const, 'from' as const),
        fc.array(
          fc.record({ seats: fc.integer({ min: 3, max: 8 }), childSeats: fc.integer({ min: 0, max: 3 }) }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (riders, direction, fleet) => {
          const requests = riders.map((rider, i) => request(i, rider.children, rider.spread));
          const input = base(
            direction,
            requests,
            fleet.map((v, i) => bus(`v${i}`, v.seats, v.childSeats)),
          );
          const { rides, unrouted } = planSessionRides(input);
          expectValid(input, rides);
          const seen = [
            ...rides.flatMap((ride) => ride.stops.map((stop) => stop.participantId)),
            ...unrouted.map((u) => u.participantId),
          ];
          expect(seen.sort()).toEqual(requests.map((r) => r.participantId).sort());
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('says time binds, not seats, when a vehicle has seats left but cannot fit her in', () => {
    const north = { ...request(1), home: { lat: location.lat + 0.16, lon: location.lon } };
    const south = { ...request(2), home: { lat: location.lat - 0.16, lon: location.lon } };
    const { rides, unrouted } = planSessionRides(base('to', [north, south], [bus('a')]));
    expect(rides.flatMap((ride) => ride.stops)).toHaveLength(1);
    expect(unrouted.map((u) => u.reason)).toEqual([
      'no vehicle can fit her in between its other pickups within the ride limit',
    ]);
  });

  describe('a vehicle between two other rides', () => {
    // 30 km south of the location: where its last ride left it, or where its next one begins.
    const far: Position = { lat: location.lat - 30 / 111, lon: location.lon };
    const one = [request(1, 0, 0.01)];
    const between = (free: FleetVehicle['free']): FleetVehicle => ({
      ...bus('bus'),
      free,
      available: [[450, 1080]],
    });

    it('starts from where its last ride left it, and leaves then to reach her', () => {
      const fromDepot = planSessionRides(base('to', one, [between([[540, 1080]])]));
      expect(fromDepot.unrouted).toEqual([]);
      const input = base('to', one, [between([[540, 1080, { after: far }]])]);
      const fromFar = planSessionRides(input);
      expect(fromFar.unrouted).toEqual([]);
      const [ride] = fromFar.rides;
      expect(ride.depart).toBeGreaterThanOrEqual(540);
      // The drive from there to her door is in the ride, not only from the depot.
      expect(ride.stops[0].time - ride.depart).toBeGreaterThanOrEqual(minutes(far, one[0].home));
      // Too late to come from there in time: 30 km take longer than the 20 minutes left.
      const late = planSessionRides(base('to', one, [between([[570, 1080, { after: far }]])]));
      expect(late.rides).toEqual([]);
      expect(late.unrouted.map((u) => u.reason)).toEqual(['the vehicles are on other rides then']);
      expect(planSessionRides(base('to', one, [between([[570, 1080]])])).unrouted).toEqual([]);
    });

    it('ends its ride in time to reach where its next ride begins', () => {
      // Her ride arrives at 09:05 at the earliest; its next ride begins 30 km away at 09:30: not both.
      const tight = planSessionRides(base('to', one, [between([[450, 570, { before: far }]])]));
      expect(tight.rides).toEqual([]);
      expect(planSessionRides(base('to', one, [between([[450, 570]])])).unrouted).toEqual([]);
      // Back: the last drop-off, then on to the next ride's start by the part's end.
      const home = planSessionRides(base('from', one, [between([[740, 780, { before: far }]])]));
      expect(home.rides).toEqual([]);
      const roomy = base('from', one, [between([[740, 900, { before: far }]])]);
      const [ride] = planSessionRides(roomy).rides;
      expect(ride.arrive + minutes(one[0].home, far)).toBeLessThanOrEqual(900);
    });
  });
});
