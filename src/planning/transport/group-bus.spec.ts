import { groupBus, inGroupBus } from './group-bus';
import { FleetVehicle, RideRequest } from './session-rides';

const rider = (participantId: string, children = 0, vehicleIds?: string[]): RideRequest => ({
  participantId,
  home: { lat: 52, lon: 6 },
  children,
  maxRideMinutes: 45,
  ...(vehicleIds && { vehicleIds }),
});
const vehicle = (id: string, seats: number, childSeats = 0, free: [number, number][] = [[420, 1080]]) =>
  ({ id, depot: { lat: 52, lon: 6 }, seats, childSeats, free }) satisfies FleetVehicle;

describe('groupBus', () => {
  const cases: [string, RideRequest[], FleetVehicle[], string | undefined][] = [
    [
      'takes the smallest vehicle all riders fit in',
      [rider('a'), rider('b'), rider('c')],
      [vehicle('bus', 8), vehicle('van', 4), vehicle('car', 2)],
      'van',
    ],
    [
      'counts children as seats and child seats',
      [rider('a', 2), rider('b')],
      [vehicle('van', 4, 1), vehicle('bus', 8, 2)],
      'bus',
    ],
    [
      'finds none when no vehicle has seats for the whole group',
      [rider('a'), rider('b'), rider('c')],
      [vehicle('car', 2), vehicle('car2', 2)],
      undefined,
    ],
    [
      'skips a vehicle that is busy all day',
      [rider('a'), rider('b')],
      [vehicle('van', 4, 0, []), vehicle('bus', 8)],
      'bus',
    ],
    [
      'keeps to the vehicles a rider may ride in',
      [rider('a', 0, ['bus']), rider('b')],
      [vehicle('van', 4), vehicle('bus', 8)],
      'bus',
    ],
    ['breaks ties by id', [rider('a'), rider('b')], [vehicle('vb', 4), vehicle('va', 4)], 'va'],
    ['needs no bus for a single rider', [rider('a')], [vehicle('bus', 8)], undefined],
  ];
  it.each(cases)('%s', (_, requests, vehicles, expected) => {
    expect(groupBus(requests, vehicles)).toBe(expected);
  });

  it('puts every rider in the bus', () => {
    expect(inGroupBus([rider('a'), rider('b', 0, ['van'])], 'bus').map((r) => r.vehicleIds)).toEqual([
      ['bus'],
      ['bus'],
    ]);
  });
});
