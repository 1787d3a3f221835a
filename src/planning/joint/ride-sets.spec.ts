import fc from 'fast-check';
import { onALine } from '../../../test/factories/segments-on-a-line';
import { segmentFigures } from './ride-segments';
import { fleetSets, mostInEvery, segmentSets, SetPart } from './ride-sets';

const ALL = 0b111;
const NO_CHILDREN = [0, 0, 0];

/** The sets a family holds, as lists of women. */
const members = (family: Uint8Array) =>
  [...family.keys()].filter((set) => family[set] === 1).map((set) => [0, 1, 2].filter((i) => set & (1 << i)));

describe('which sets of women the fleet can carry', () => {
  // Two neighbours 5 and 6 minutes east, one 5 minutes west: the neighbours share a segment, not with her.
  const sets = segmentSets(onALine([5, 6, -5], { limits: [14, 14, 14] }))!;

  it('knows each segment by its women, with its shortest round trip', () => {
    expect(sets.carried[0b011]).toBe(1);
    expect(sets.carried[0b101]).toBe(0);
    // Out to the nearer neighbour, on to the other and back: 9 + 2 + 4 + 2 + 8 = 25 (the other way is longer).
    expect(sets.round[0b011]).toBe(25);
    expect(sets.round[0b100]).toBe(18);
  });

  it('gives a vehicle one segment free and the rest within its room', () => {
    const part = (room: number): SetPart => ({ may: ALL, seats: 8, childSeats: 2, room });
    // Room for the round trip west (18), after the neighbours came from the depot.
    expect(fleetSets(sets, [part(18)], NO_CHILDREN)[ALL]).toBe(1);
    // Less room: two of the three, either segment free.
    const short = fleetSets(sets, [part(17)], NO_CHILDREN);
    expect(short[ALL]).toBe(0);
    expect(members(short)).toEqual([[], [0], [1], [0, 1], [2]]);
    // Two vehicles: a free segment each.
    expect(fleetSets(sets, [part(0), part(0)], NO_CHILDREN)[ALL]).toBe(1);
  });

  it('keeps a vehicle to its seats and to the women it may collect', () => {
    // No room for a round trip (18 at the least): the neighbours come together in the free segment, or not.
    expect(fleetSets(sets, [{ may: ALL, seats: 2, childSeats: 0, room: 17 }], NO_CHILDREN)[0b011]).toBe(1);
    expect(fleetSets(sets, [{ may: ALL, seats: 1, childSeats: 0, room: 17 }], NO_CHILDREN)[0b011]).toBe(0);
    expect(fleetSets(sets, [{ may: 0b001, seats: 8, childSeats: 0, room: 35 }], NO_CHILDREN)[0b011]).toBe(0);
    expect(fleetSets(sets, [{ may: 0b001, seats: 8, childSeats: 0, room: 35 }], NO_CHILDREN)[0b001]).toBe(1);
  });

  it('seats the children who ride along, in child seats', () => {
    const neighbours = (seats: number, childSeats: number) =>
      fleetSets(sets, [{ may: ALL, seats, childSeats, room: 17 }], [2, 0, 0])[0b011];
    // She and her two children, and her neighbour: four seats, two of them child seats.
    expect(neighbours(4, 2)).toBe(1);
    expect(neighbours(3, 2)).toBe(0);
    expect(neighbours(4, 1)).toBe(0);
  });

  it('counts only the women both ways carry', () => {
    const there = new Uint8Array(8);
    const back = new Uint8Array(8);
    for (const set of [0, 0b001, 0b010, 0b011]) there[set] = 1;
    for (const set of [0, 0b010, 0b100, 0b110]) back[set] = 1;
    const most = mostInEvery([there, back], 3);
    expect(most[ALL]).toBe(1);
    expect(most[0b001]).toBe(0);
  });

  it('never carries more than the per-woman figures allow one vehicle', () => {
    const instance = fc.record({
      places: fc.array(fc.integer({ min: -25, max: 25 }), { minLength: 1, maxLength: 8 }),
      direction: fc.constantFrom('to' as const, 'from' as const),
      seats: fc.integer({ min: 1, max: 8 }),
      room: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(
      fc.property(instance, ({ places, direction, seats, room }) => {
        const input = onALine(places, { direction, seats, window: 60 });
        const figures = segmentFigures(input)!;
        const carried = fleetSets(
          segmentSets(input)!,
          [{ may: (1 << places.length) - 1, seats, childSeats: 0, room }],
          places.map(() => 0),
        );
        // Every carried set: one free segment of at most `cap` women, the others' shares within the room.
        for (let set = 0; set < carried.length; set++) {
          if (carried[set] === 0) continue;
          const women = places.map((_, i) => i).filter((i) => set & (1 << i));
          const shares = women.map((i) => figures[i].share).sort((a, b) => a - b);
          const free = Math.min(seats, Math.max(0, ...women.map((i) => figures[i].cap)));
          const others = shares.slice(0, Math.max(0, women.length - free));
          expect(others.reduce((sum, share) => sum + share, 0)).toBeLessThanOrEqual(room + 1e-9);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
