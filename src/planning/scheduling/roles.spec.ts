import { GroupInput, PlanningInput } from './model';
import { planProgramme } from './plan-programme';
import { fewestInterpreters, fillRoles, rolesNeeded, rolesShort } from './roles';

describe('filling roles', () => {
  it.each([
    {
      name: 'one interpreter who speaks both languages rather than two',
      candidates: { ar: ['amal', 'bashir'], ti: ['bashir', 'tesfay'] },
      chosen: ['bashir'],
    },
    {
      name: 'the first free interpreter of each language when each speaks one',
      candidates: { ar: ['amal', 'amira'], ti: ['tesfay', 'tsega'] },
      chosen: ['amal', 'tesfay'],
    },
    {
      name: 'two who cover four languages where taking the widest first would need three',
      candidates: {
        ar: ['ab', 'x'],
        ti: ['ab', 'bc'],
        so: ['cd', 'bc'],
        prs: ['cd', 'x'],
      },
      chosen: ['ab', 'cd'],
    },
    {
      name: 'nobody for a language nobody free speaks, the others covered',
      candidates: { ar: ['amal'], ti: [] },
      chosen: ['amal'],
    },
  ])('chooses $name', ({ candidates, chosen }) => {
    expect(fewestInterpreters(new Map(Object.entries(candidates)))).toEqual(chosen);
  });

  it('gives each role its own person, letting the one who can take two take the one nobody else can', () => {
    const holders = fillRoles(
      ['co-trainer', 'experience-expert'],
      new Map([
        ['co-trainer', ['both', 'coach']],
        ['experience-expert', ['both']],
      ]),
    );
    expect(holders).toEqual([
      { role: 'co-trainer', staffId: 'coach' },
      { role: 'experience-expert', staffId: 'both' },
    ]);
  });

  it('reports a role that nobody can take as short, as often as it is short', () => {
    const needed = rolesNeeded({
      startDate: '2027-01-04',
      sessionsPerGroup: 4,
      intervalWeeks: 1,
      roles: ['co-trainer'],
      phases: [
        { sessions: 2, sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 60 },
        {
          sessions: 2,
          sessionsPerWeek: 1,
          intervalWeeks: 1,
          durationMinutes: 60,
          roles: ['childcare-volunteer', 'childcare-volunteer'],
        },
      ],
    });
    expect(needed).toEqual(['co-trainer', 'childcare-volunteer', 'childcare-volunteer']);
    const holders = fillRoles(needed, new Map([['childcare-volunteer', ['oppas']]]));
    expect(rolesShort(needed, holders)).toEqual(['co-trainer', 'childcare-volunteer']);
  });
});

const here = { lat: 52.1, lon: 5.2 };
const mornings = (weekdays: number[]) => weekdays.map((weekday) => ({ weekday, from: '09:00', to: '12:00' }));

function instance(groups: GroupInput[], extra: Partial<PlanningInput> = {}): PlanningInput {
  return {
    policy: { travelBufferMinutes: 15, slotStepMinutes: 60, earliestStart: '09:00', latestEnd: '12:00' },
    programme: {
      startDate: '2027-01-04',
      sessionsPerGroup: 2,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 180,
      roles: ['co-trainer'],
    },
    isClosed: () => false,
    locations: ['a', 'b'].map((id) => ({ id, position: here, openingHours: mornings([1, 2]), rooms: 1 })),
    trainers: ['ta', 'tb'].map((id) => ({ id, availability: mornings([1, 2]) })),
    interpreters: [],
    staff: [],
    members: [],
    groups,
    travelMinutes: () => 0,
    ...extra,
  };
}

const group = (id: string, locationId: string, extra: Partial<GroupInput> = {}): GroupInput => ({
  id,
  ref: id,
  locationId,
  memberIds: [],
  trainerIds: [`t${locationId}`],
  interpreterLanguages: [],
  ...extra,
});

describe('planning with roles', () => {
  it('never books a co-trainer for two groups at once: the second group meets when she is free', () => {
    const plan = planProgramme(
      instance([group('A', 'a'), group('B', 'b')], {
        staff: [{ id: 'co', roles: ['co-trainer'], availability: mornings([1, 2]) }],
      }),
    );
    const weekdaysOf = plan.groups.map((g) => g.slots[0].weekday).sort();
    expect(weekdaysOf).toEqual([1, 2]);
    for (const g of plan.groups) {
      expect(g.missingRoles).toEqual([]);
      expect(g.sessions.map((s) => s.roles)).toEqual([
        [{ role: 'co-trainer', staffId: 'co' }],
        [{ role: 'co-trainer', staffId: 'co' }],
      ]);
    }
  });

  it('reports the co-trainer as missing when the only one is taken, like a missing language', () => {
    const plan = planProgramme(
      instance([group('A', 'a'), group('B', 'b')], {
        staff: [{ id: 'co', roles: ['co-trainer'], availability: mornings([1]) }],
      }),
    );
    const missing = plan.groups.map((g) => [g.groupId, g.missingRoles, g.sessions[0].missingRoles]);
    expect(missing).toContainEqual(['B', ['co-trainer'], ['co-trainer']]);
    expect(missing).toContainEqual(['A', [], []]);
  });

  it('keeps one trainer and no roles when the programme asks for none', () => {
    const plan = planProgramme(
      instance([group('A', 'a')], {
        programme: {
          startDate: '2027-01-04',
          sessionsPerGroup: 1,
          sessionsPerWeek: 1,
          intervalWeeks: 1,
          durationMinutes: 180,
        },
        staff: [{ id: 'co', roles: ['co-trainer'], availability: mornings([1, 2]) }],
      }),
    );
    expect(plan.groups[0].sessions[0]).toMatchObject({ trainerId: 'ta', roles: [], missingRoles: [] });
  });

  it('gives a group of Arabic and Tigrinya speakers the one interpreter who speaks both (Bronckhorst)', () => {
    const plan = planProgramme(
      instance([group('A', 'a', { interpreterLanguages: ['ar', 'ti'] })], {
        interpreters: [
          { id: 'i-ar', languages: ['ar'], availability: mornings([1, 2]) },
          { id: 'i-ti', languages: ['ti'], availability: mornings([1, 2]) },
          { id: 'i-both', languages: ['ti', 'ar'], availability: mornings([2]) },
        ],
        staff: [{ id: 'co', roles: ['co-trainer'], availability: mornings([1, 2]) }],
      }),
    );
    const [session] = plan.groups[0].sessions;
    expect(session).toMatchObject({
      interpreterIds: ['i-both'],
      roles: [{ role: 'co-trainer', staffId: 'co' }],
    });
    expect(plan.groups[0].missingLanguages).toEqual([]);
  });
});
