import { GroupInput, PlanningInput } from './model';
import { planProgramme } from './plan-programme';

const here = { lat: 52.1, lon: 5.2 };
const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));

function instance(groups: GroupInput[], programme: Partial<PlanningInput['programme']> = {}): PlanningInput {
  return {
    policy: { travelBufferMinutes: 15, slotStepMinutes: 60, earliestStart: '09:00', latestEnd: '12:00' },
    programme: {
      startDate: '2027-01-04',
      sessionsPerGroup: 3,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 120,
      ...programme,
    },
    isClosed: () => false,
    locations: ['a', 'b', 'c'].map((id) => ({
      id,
      position: here,
      openingHours: weekdays('09:00', '12:00'),
      rooms: 1,
    })),
    trainers: [{ id: 'tr', availability: [{ weekday: 2, from: '09:00', to: '12:00' }] }],
    interpreters: [],
    members: [],
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

const datesOf = (plan: ReturnType<typeof planProgramme>, groupId: string) =>
  plan.groups.find((g) => g.groupId === groupId)!.sessions.map((s) => s.date);

describe('series one after another', () => {
  it('plans groups that follow each other with the one trainer, each from the day after the last', () => {
    const plan = planProgramme(
      instance([group('s1', 'a'), group('s2', 'b', { after: 's1' }), group('s3', 'c', { after: 's2' })]),
    );
    expect(plan.unplanned).toEqual([]);
    expect(datesOf(plan, 's1')).toEqual(['2027-01-05', '2027-01-12', '2027-01-19']);
    expect(datesOf(plan, 's2')).toEqual(['2027-01-26', '2027-02-02', '2027-02-09']);
    expect(datesOf(plan, 's3')).toEqual(['2027-02-16', '2027-02-23', '2027-03-02']);
    expect(plan.groups.flatMap((g) => g.sessions.map((s) => s.trainerId))).toEqual(Array(9).fill('tr'));
  });

  it('keeps a group that starts while another runs away from that group’s trainer', () => {
    const plan = planProgramme(
      instance([group('first', 'a'), group('second', 'b', { startDate: '2027-01-11' })]),
    );
    // The trainer's only morning is Tuesday, taken by the first group until 19 January.
    expect(plan.groups.map((g) => g.groupId)).toEqual(['first']);
    expect(plan.unplanned).toEqual([
      { groupId: 'second', reason: 'its trainers lead groups that still run when it starts (first)' },
    ]);
  });

  it('lets a group that starts on its own date after another has ended have the same trainer', () => {
    const plan = planProgramme(
      instance([group('first', 'a'), group('second', 'b', { startDate: '2027-01-20' })]),
    );
    expect(datesOf(plan, 'second')).toEqual(['2027-01-26', '2027-02-02', '2027-02-09']);
  });

  it('says why a group that follows an unplanned group, or a circle of groups, is not planned', () => {
    const plan = planProgramme(
      instance([
        group('no-trainer', 'a', { trainerIds: [] }),
        group('next', 'b', { after: 'no-trainer' }),
        group('x', 'c', { after: 'y' }),
        group('y', 'c', { after: 'x' }),
      ]),
    );
    expect(plan.unplanned).toEqual([
      { groupId: 'no-trainer', reason: 'it has no trainers' },
      { groupId: 'next', reason: 'it follows group no-trainer, which is not planned' },
      { groupId: 'x', reason: 'it follows group y in a circle: none of them can start' },
      { groupId: 'y', reason: 'it follows group x in a circle: none of them can start' },
    ]);
  });
});

describe('phases and the religious calendar in a plan', () => {
  const phases = [
    { sessions: 2, sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 180 },
    { sessions: 2, sessionsPerWeek: 1, intervalWeeks: 2, durationMinutes: 120 },
  ];

  it('keeps the weekly time across phases, each session as long as its phase', () => {
    const plan = planProgramme(
      instance([group('g', 'a')], { sessionsPerGroup: 4, durationMinutes: 180, phases }),
    );
    expect(plan.groups[0].sessions.map(({ date, start, end, phase }) => [date, start, end, phase])).toEqual([
      ['2027-01-05', 540, 720, 0],
      ['2027-01-12', 540, 720, 0],
      ['2027-01-26', 540, 660, 1],
      ['2027-02-09', 540, 660, 1],
    ]);
  });

  it('warns of sessions in Ramadan and on the Eids, or avoids them when the programme says so', () => {
    const programme = { startDate: '2027-02-01', sessionsPerGroup: 6 };
    const warned = planProgramme(instance([group('g', 'a')], programme));
    expect(datesOf(warned, 'g')).toEqual([
      '2027-02-02',
      '2027-02-09',
      '2027-02-16',
      '2027-02-23',
      '2027-03-02',
      '2027-03-09',
    ]);
    expect(warned.warnings).toEqual([
      { groupId: 'g', date: '2027-02-09', period: 'ramadan' },
      { groupId: 'g', date: '2027-02-16', period: 'ramadan' },
      { groupId: 'g', date: '2027-02-23', period: 'ramadan' },
      { groupId: 'g', date: '2027-03-02', period: 'ramadan' },
      { groupId: 'g', date: '2027-03-09', period: 'eid-al-fitr' },
    ]);
    const avoided = planProgramme(instance([group('g', 'a')], { ...programme, avoidReligiousPeriods: true }));
    expect(avoided.warnings).toEqual([]);
    expect(datesOf(avoided, 'g')).toEqual([
      '2027-02-02',
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
      '2027-04-13',
    ]);
  });
});
