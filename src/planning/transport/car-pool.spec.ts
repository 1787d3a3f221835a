import { CarPoolDriver, CarPoolInput, CarPoolRider, proposeCarPools } from './car-pool';
import { Position } from '../travel/offline-travel';

/** A grid town: one minute per 0.01 degree north or east, the location at the origin. */
const minutes = (a: Position, b: Position) =>
  Math.round((Math.abs(a.lat - b.lat) + Math.abs(a.lon - b.lon)) * 100);
const at = (lat: number, lon = 0): Position => ({ lat, lon });
const driver = (id: string, home: Position, seats = 3): CarPoolDriver => ({ id, home, seats });
const rider = (id: string, home: Position, extra: Partial<CarPoolRider> = {}): CarPoolRider => ({
  id,
  home,
  children: 0,
  routed: false,
  maxRideMinutes: 45,
  ...extra,
});
const propose = (drivers: CarPoolDriver[], riders: CarPoolRider[], more: Partial<CarPoolInput> = {}) =>
  proposeCarPools({ location: at(0), drivers, riders, minutes, ...more }).map(
    (p) => `${p.driverId}: ${p.riderIds.join(',')}`,
  );

describe('proposeCarPools', () => {
  const cases: [string, CarPoolDriver[], CarPoolRider[], string[]][] = [
    ['takes a woman who lives right on her way', [driver('d', at(0.2))], [rider('r', at(0.1))], ['d: r']],
    [
      'takes a woman whose detour is within 10 minutes',
      [driver('d', at(0.2))],
      [rider('r', at(0.2, 0.04))],
      ['d: r'],
    ],
    [
      'leaves a woman whose detour would be more than 10 minutes and a quarter of her trip',
      [driver('d', at(0.2))],
      [rider('r', at(0.2, 0.06))],
      [],
    ],
    [
      'allows a quarter of a long trip as detour',
      [driver('d', at(0.8))],
      [rider('r', at(0.8, 0.09), { maxRideMinutes: 120 })],
      ['d: r'],
    ],
    [
      'keeps the rider within her ride limit',
      [driver('d', at(0.4))],
      [rider('r', at(0.35), { maxRideMinutes: 30 })],
      [],
    ],
    [
      'never seats more than she offers, counting the children riding along',
      [driver('d', at(0.3), 2)],
      [rider('a', at(0.1), { children: 1 }), rider('b', at(0.2))],
      ['d: a'],
    ],
    [
      'seats a woman without a ride before one the vehicles already collect',
      [driver('d', at(0.3), 1)],
      [rider('a', at(0.29), { routed: true }), rider('b', at(0.1))],
      ['d: b'],
    ],
    [
      'gives each woman to the driver she costs least',
      [driver('north', at(0.3), 1), driver('east', at(0, 0.3), 1)],
      [rider('r', at(0.01, 0.2))],
      ['east: r'],
    ],
    [
      'collects two women in the order along her way',
      [driver('d', at(0.3), 2)],
      [rider('near', at(0.1)), rider('far', at(0.2))],
      ['d: far,near'],
    ],
    ['offers nothing without seats', [driver('d', at(0.2), 0)], [rider('r', at(0.1))], []],
  ];
  it.each(cases)('%s', (_name, drivers, riders, expected) => {
    expect(propose(drivers, riders)).toEqual(expected);
  });

  it('breaks ties by ids, whatever the order of the input', () => {
    const drivers = [driver('b', at(0.2), 1), driver('a', at(0.2), 1)];
    const riders = [rider('y', at(0.1)), rider('x', at(0.1)), rider('z', at(0.1))];
    const forward = propose(drivers, riders);
    expect(forward).toEqual(['a: x', 'b: y']);
    expect(propose([...drivers].reverse(), [...riders].reverse())).toEqual(forward);
  });

  it('does not propose a pair again that said no, and gives her to the next driver', () => {
    const drivers = [driver('a', at(0.2), 1), driver('b', at(0.2), 1)];
    expect(propose(drivers, [rider('r', at(0.1))], { notTogether: new Set(['a|r']) })).toEqual(['b: r']);
  });

  it('respects a stricter detour rule', () => {
    const rules = { maxDetourMinutes: 5, maxDetourShare: 0 };
    expect(propose([driver('d', at(0.2))], [rider('r', at(0.2, 0.04))], { rules })).toEqual([]);
    expect(propose([driver('d', at(0.2))], [rider('r', at(0.2, 0.02))], { rules })).toEqual(['d: r']);
  });

  it('reports her trips there and back', () => {
    const [proposal] = proposeCarPools({
      location: at(0),
      drivers: [driver('d', at(0.2))],
      riders: [rider('r', at(0.2, 0.04))],
      minutes,
    });
    expect(proposal).toEqual({
      driverId: 'd',
      riderIds: ['r'],
      directMinutes: 20,
      thereMinutes: 28,
      backMinutes: 28,
    });
  });
});
