import { onlineMembers, OnlineRange, rangesClash, stillClashesOnline } from './online-periods';

const range = (overrides: Partial<OnlineRange>): OnlineRange => ({
  id: 'r1',
  programmeId: 'prog',
  groupId: null,
  from: '2027-03-15',
  to: '2027-04-04',
  participantIds: [],
  videoUrl: 'https://meet.example.org/x',
  durationMinutes: 90,
  ...overrides,
});
const session = (date: string, groupId = 'g1') => ({
  id: `${groupId}|${date}`,
  groupId,
  programmeId: 'prog',
  date,
  memberIds: ['a', 'b', 'c'],
});

describe('online ranges', () => {
  it.each([
    [
      'a whole programme, on its first and last dates',
      range({}),
      ['2027-03-15', '2027-04-04'],
      ['a', 'b', 'c'],
    ],
    ['a subgroup of one group', range({ groupId: 'g1', participantIds: ['b', 'x'] }), ['2027-03-20'], ['b']],
  ])('puts %s online', (_name, online, dates, members) => {
    const found = onlineMembers(
      [online],
      dates.map((date) => session(date)),
    );
    for (const date of dates) expect([...found.get(`g1|${date}`)!.keys()]).toEqual(members);
  });

  it('leaves sessions outside the dates, of another group or another programme in person', () => {
    const found = onlineMembers(
      [range({ groupId: 'g1' })],
      [
        session('2027-03-14'),
        session('2027-04-05'),
        session('2027-03-20', 'g2'),
        { ...session('2027-03-20'), programmeId: 'other' },
      ],
    );
    expect(found.size).toBe(0);
  });

  it.each([
    ['the same member on overlapping dates', range({ participantIds: ['a'] }), true],
    ['other members of the group', range({ groupId: 'g1', participantIds: ['c'] }), false],
    ['the same members on other dates', range({ from: '2027-04-05', to: '2027-04-30' }), false],
    ['a whole group of a group without members', range({ groupId: 'g2' }), true],
  ])('judges a clash with %s', (_name, other, clash) => {
    const first = range({ id: 'r0', participantIds: ['a', 'b'], groupId: null });
    const whole = range({ id: 'r0', groupId: 'g2' });
    const members = (groupId: string) => (groupId === 'g1' ? ['a', 'b', 'c'] : []);
    const against = other.groupId === 'g2' ? whole : first;
    expect(rangesClash(other, against, members, ['g1', 'g2'])).toBe(clash);
  });

  it.each([
    ['travel', 0, 60, false],
    ['overlap', 30, 60, true],
    ['overlap', 95, 120, false],
    ['appointment', -60, 10, true],
  ])('a %s conflict from minute %i to %i still clashes online: %s', (kind, from, to, clashes) => {
    const start = Date.UTC(2027, 2, 16, 8);
    const minute = (m: number) => start + m * 60_000;
    expect(stillClashesOnline({ kind, causeStart: minute(from), causeEnd: minute(to) }, start, 90)).toBe(
      clashes,
    );
  });
});
