import { GroupInput, MemberInput, PlanningInput } from './model';
import { planProgramme } from './plan-programme';
import { rollingStartDay } from './rolling-start';

const here = { lat: 52.1, lon: 5.2 };
const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
const woman = (id: string, readyFrom?: string, lessons: MemberInput['lessons'] = []): MemberInput => ({
  id,
  lessons,
  appointments: [],
  ...(readyFrom && { readyFrom }),
});

function instance(groups: GroupInput[], members: MemberInput[]): PlanningInput {
  return {
    policy: { travelBufferMinutes: 15, slotStepMinutes: 60, earliestStart: '09:00', latestEnd: '12:00' },
    programme: {
      startDate: '2027-01-04',
      sessionsPerGroup: 3,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 120,
    },
    isClosed: () => false,
    locations: ['a', 'b'].map((id) => ({
      id,
      position: here,
      openingHours: weekdays('09:00', '12:00'),
      rooms: 1,
    })),
    trainers: [{ id: 'tr', availability: [{ weekday: 2, from: '09:00', to: '12:00' }] }],
    interpreters: [],
    members,
    groups,
    travelMinutes: () => 0,
  };
}

const group = (id: string, locationId: string, extra: Partial<GroupInput> = {}): GroupInput => ({
  id,
  locationId,
  memberIds: [],
  trainerIds: ['tr'],
  interpreterLanguages: [],
  ...extra,
});

const staggered = [
  woman('w1'),
  woman('w2', '2027-01-13'),
  woman('w3', '2027-01-20'),
  woman('w4', '2027-02-10'),
];
const rolling = (minReady: number, extra: Partial<GroupInput> = {}) =>
  group('rolling', 'a', { memberIds: ['w1', 'w2', 'w3', 'w4'], rollingStart: { minReady }, ...extra });

describe('the day a group with a rolling start starts', () => {
  const memberOf = (id: string) => staggered.find((member) => member.id === id);
  const programme = {};

  it.each([
    [1, '2027-01-04', { startDate: '2027-01-04' }],
    [2, '2027-01-04', { startDate: '2027-01-13' }],
    [3, '2027-01-04', { startDate: '2027-01-20' }],
    [4, '2027-01-04', { startDate: '2027-02-10' }],
    [2, '2027-01-25', { startDate: '2027-01-25' }],
    [3, '2027-01-15', { startDate: '2027-01-20' }],
    [5, '2027-01-04', { reason: 'not enough women ready: 4 of 5 needed' }],
  ])('needs %i ready from %s', (minReady, earliest, expected) => {
    expect(
      rollingStartDay(
        { memberIds: staggered.map((w) => w.id), rollingStart: { minReady } },
        memberOf,
        earliest,
        programme,
      ),
    ).toEqual(expected);
  });

  it('counts only the women ready by the end of the programme’s last phase', () => {
    const phases = [{ endDate: '2027-01-31', sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 120 }];
    expect(
      rollingStartDay(
        { memberIds: ['w1', 'w2', 'w3', 'w4'], rollingStart: { minReady: 4 } },
        memberOf,
        '2027-01-04',
        {
          phases,
        },
      ),
    ).toEqual({ reason: 'not enough women ready: 3 of 4 needed' });
  });
});

describe('a rolling start in a plan', () => {
  const datesOf = (plan: ReturnType<typeof planProgramme>, groupId: string) =>
    plan.groups.find((g) => g.groupId === groupId)!.sessions.map((s) => s.date);

  it('holds the first session in the first week that enough women are ready', () => {
    const plan = planProgramme(instance([rolling(3)], staggered));
    // The third woman is ready on Wednesday 20 January; the group's only time is Tuesday.
    expect(datesOf(plan, 'rolling')).toEqual(['2027-01-26', '2027-02-02', '2027-02-09']);
    // w4 is ready only after the last session: her sessions are not hers, so 3 women × 3 sessions.
    expect(plan.groups[0].memberSessions).toBe(9);
  });

  it('moves the start when a woman is ready earlier', () => {
    const earlier = staggered.map((w) => (w.id === 'w3' ? woman('w3', '2027-01-05') : w));
    expect(datesOf(planProgramme(instance([rolling(3)], earlier)), 'rolling')).toEqual([
      '2027-01-19',
      '2027-01-26',
      '2027-02-02',
    ]);
  });

  it('does not count a woman absent at the sessions before she is ready', () => {
    // w4 has a lesson at the group's time every Tuesday; she is ready from 1 February, so only the last session
    // (2 February) is hers, and only there is she kept away.
    const lesson = {
      id: 'l1',
      providerId: 'p',
      weekday: 2,
      from: '09:00',
      to: '11:00',
      position: here,
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
    };
    const members = [...staggered.slice(0, 3), woman('w4', '2027-02-01', [lesson])];
    const plan = planProgramme(instance([rolling(2)], members));
    expect(datesOf(plan, 'rolling')).toEqual(['2027-01-19', '2027-01-26', '2027-02-02']);
    const conflicts = plan.groups[0].sessions.flatMap((s) => s.conflicts);
    expect(conflicts.map(({ participantId, date }) => [participantId, date])).toEqual([['w4', '2027-02-02']]);
    // w1 and w2 at all three, w3 from 26 January, w4 at the last.
    expect(plan.groups[0].memberSessions).toBe(3 + 3 + 2 + 1);
    expect(plan.groups[0].attendable).toBe(8);
  });

  it('lists a group whose women are never enough as unplanned, and the group that follows it', () => {
    const plan = planProgramme(instance([rolling(5), group('next', 'b', { after: 'rolling' })], staggered));
    expect(plan.groups).toEqual([]);
    expect(plan.unplanned).toEqual([
      { groupId: 'rolling', reason: 'not enough women ready: 4 of 5 needed' },
      { groupId: 'next', reason: 'it follows group rolling, which is not planned' },
    ]);
  });

  it('starts a rolling group that follows another no earlier than the day after that group', () => {
    const plan = planProgramme(instance([group('first', 'b'), rolling(1, { after: 'first' })], staggered));
    expect(datesOf(plan, 'first')).toEqual(['2027-01-05', '2027-01-12', '2027-01-19']);
    expect(datesOf(plan, 'rolling')).toEqual(['2027-01-26', '2027-02-02', '2027-02-09']);
  });
});
