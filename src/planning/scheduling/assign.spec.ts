import { assignGroups } from './assign';
import { GroupInput } from './model';
import { SlotOption } from './slot-options';

const option = (start: number, attendable: number): SlotOption => ({
  slot: { weekday: 1, start, end: start + 60 },
  pinned: false,
  trainerIds: ['tr'],
  interpreters: new Map(),
  missingLanguages: [],
  interpretersNeeded: 0,
  roleCandidates: new Map(),
  missingRoles: [],
  dates: [{ date: '2027-01-11', slotIndex: 0, phase: 0 }],
  attendable,
  memberSessions: 10,
  providerConflicts: 0,
  conflicts: new Map(),
  demand: { riders: 0, careChildren: 0 },
});

const group = (id: string, members: number): GroupInput => ({
  id,
  ref: id,
  locationId: 'loc',
  memberIds: Array.from({ length: members }, (_, index) => `${id}${index}`),
  trainerIds: ['tr'],
  interpreterLanguages: [],
});

describe('assigning weekly times to groups', () => {
  it('finds a better plan one chain of three moves away', () => {
    // One room, so one group per hour. B and C are larger and placed first, each at its best hour; A's only good
    // hour (9:00) is then B's. A taking it leaves B nothing unless C moves on to 11:00 as well.
    const [nine, ten, eleven, noon] = [9, 10, 11, 12].map((hour) => hour * 60);
    const options = new Map([
      ['A', [option(nine, 10), option(noon, 1)]],
      ['B', [option(nine, 10), option(ten, 9)]],
      ['C', [option(ten, 10), option(eleven, 9)]],
    ]);
    const { placements, unplaced } = assignGroups(
      [group('A', 10), group('B', 12), group('C', 12)],
      options,
      [{ id: 'loc', position: { lat: 52, lon: 6 }, openingHours: [], rooms: 1 }],
      1,
    );
    expect(unplaced.size).toBe(0);
    const startOf = (id: string) => placements.get(id)![0].option.slot.start;
    expect([startOf('A'), startOf('B'), startOf('C')]).toEqual([nine, ten, eleven]);
  });
});
