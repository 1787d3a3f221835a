import { freeSlots } from './free-slots';
import { Level } from './levels';
import { GroupProposalError, GroupProposalInput, proposeGroups, ProposalWoman } from './propose-groups';

interface WomanSpec {
  language?: string;
  interpreterNeeded?: boolean;
  level?: Level;
  /** Minutes to each location. */
  travel?: number[];
  /** Free at each slot (the same at every location). */
  free?: boolean[];
}

const SLOTS = 4;

/** An instance from a list of women: `w01`, `w02`… at locations `loc-a`, `loc-b`… */
function instance(specs: WomanSpec[], sizes: [number, number], locations = 1, seed = 1): GroupProposalInput {
  const women: ProposalWoman[] = specs.map((spec, index) => {
    const ref = `w${String(index + 1).padStart(2, '0')}`;
    return {
      id: `id-${ref}`,
      ref,
      language: spec.language ?? 'ar',
      interpreterNeeded: spec.interpreterNeeded ?? false,
      level: spec.level,
    };
  });
  return {
    women,
    locations: Array.from({ length: locations }, (_, l) => ({
      id: `id-loc-${l}`,
      ref: `loc-${String.fromCharCode(97 + l)}`,
    })),
    travelMinutes: specs.map((spec) => spec.travel ?? Array.from({ length: locations }, () => 10)),
    free: specs.map((spec) =>
      Array.from({ length: locations }, () => spec.free ?? Array.from({ length: SLOTS }, () => true)),
    ),
    slotCount: SLOTS,
    minSize: sizes[0],
    maxSize: sizes[1],
    seed,
  };
}

const repeat = (count: number, spec: WomanSpec): WomanSpec[] => Array.from({ length: count }, () => spec);

/** Each group as the sorted refs of its women, for reading. */
const refsOf = (input: GroupProposalInput, memberIds: string[]) =>
  memberIds.map((id) => input.women.find((woman) => woman.id === id)!.ref);

describe('proposeGroups', () => {
  it.each([
    [7, 3, 5],
    [10, 3, 4],
    [23, 6, 8],
    [8, 8, 8],
    [30, 5, 12],
  ])('puts each of %i women in exactly one group of %i to %i', (count, min, max) => {
    const languages = ['ar', 'ti', 'tr', 'so'];
    const specs = Array.from({ length: count }, (_, index) => ({ language: languages[(index * 7) % 4] }));
    const input = instance(specs, [min, max]);
    const proposal = proposeGroups(input);
    expect(proposal.groups.length).toBe(Math.ceil(count / max));
    for (const group of proposal.groups) {
      expect(group.memberIds.length).toBeGreaterThanOrEqual(min);
      expect(group.memberIds.length).toBeLessThanOrEqual(max);
    }
    const everyone = proposal.groups.flatMap((group) => group.memberIds).sort();
    expect(everyone).toEqual(input.women.map((woman) => woman.id).sort());
  });

  it('gives each language a group of its own when the sizes allow it', () => {
    // Interleaved, so that the order of the input does not do the work.
    const specs = [
      ...repeat(12, { language: 'ti' }),
      ...repeat(10, { language: 'ar' }),
      ...repeat(8, { language: 'tr' }),
    ];
    const mixed = specs.map((_, index) => specs[(index * 7) % specs.length]);
    const proposal = proposeGroups(instance(mixed, [8, 12]));
    expect(proposal.groups.map((group) => group.languages)).toEqual(
      expect.arrayContaining([
        [{ language: 'ti', members: 12 }],
        [{ language: 'ar', members: 10 }],
        [{ language: 'tr', members: 8 }],
      ]),
    );
    expect(proposal.score).toMatchObject({
      mixedLanguages: 0,
      outsideMainLanguage: 0,
      interpreterLanguages: 0,
    });
  });

  it('keeps women who need an interpreter of one language together, before keeping levels close', () => {
    // Eight women need a Tigrinya interpreter, four an Arabic one; groups of 6: one group is mixed either way,
    // but only one group should need two interpreters.
    const specs = [
      ...repeat(4, { language: 'ti', interpreterNeeded: true, level: 'A0' }),
      ...repeat(4, { language: 'ti', interpreterNeeded: true, level: 'B1' }),
      ...repeat(4, { language: 'ar', interpreterNeeded: true, level: 'A0' }),
    ] satisfies WomanSpec[];
    const proposal = proposeGroups(instance(specs, [6, 6]));
    expect(proposal.score.interpreterLanguages).toBe(3);
    expect(proposal.groups.map((group) => group.interpreterLanguages).sort()).toEqual([['ar', 'ti'], ['ti']]);
  });

  it('keeps levels close among women of one language', () => {
    const levels: Level[] = ['A0', 'B1', 'A1', 'B1', 'A0', 'A1', 'B1', 'A0', 'A1', 'B1', 'A0', 'A1'];
    const proposal = proposeGroups(
      instance(
        levels.map((level) => ({ level })),
        [3, 4],
      ),
    );
    expect(proposal.score.levelSpread).toBe(0);
    expect(proposal.groups.map((group) => Object.keys(group.levels))).toEqual(
      expect.arrayContaining([['A0'], ['A1'], ['B1']]),
    );
  });

  it('meets near home: each group at the location its women live close to', () => {
    const near = (l: number): WomanSpec => ({ travel: l === 0 ? [5, 40] : [40, 5] });
    const specs = [0, 1, 1, 0, 1, 0, 0, 1].map(near);
    const input = instance(specs, [4, 4], 2);
    const proposal = proposeGroups(input);
    expect(proposal.score.travelMinutes).toBe(40);
    expect(proposal.groups.map((group) => [group.locationId, refsOf(input, group.memberIds)])).toEqual([
      ['id-loc-0', ['w01', 'w04', 'w06', 'w07']],
      ['id-loc-1', ['w02', 'w03', 'w05', 'w08']],
    ]);
    expect(proposal.groups[0].meanTravelMinutes).toBe(5);
  });

  it('when all else is equal, puts women together who are free at the same times', () => {
    const mornings = { free: [true, true, false, false] };
    const afternoons = { free: [false, false, true, true] };
    const specs = [mornings, afternoons, afternoons, mornings, afternoons, mornings, mornings, afternoons];
    const input = instance(specs, [4, 4]);
    const proposal = proposeGroups(input);
    expect(proposal.score).toMatchObject({ freeAtBestTime: 8, commonFreeSlots: 4 });
    expect(proposal.groups.map((group) => [refsOf(input, group.memberIds), group.commonFreeSlots])).toEqual([
      [
        ['w01', 'w04', 'w06', 'w07'],
        [0, 1],
      ],
      [
        ['w02', 'w03', 'w05', 'w08'],
        [2, 3],
      ],
    ]);
  });

  it('proposes the same groups for the same seed, whatever the order of the input', () => {
    const languages = ['ar', 'ti', 'tr'];
    const levels: Level[] = ['A0', 'A1', 'A2', 'B1'];
    const specs = Array.from({ length: 25 }, (_, index) => ({
      language: languages[(index * 5) % 3],
      level: levels[(index * 3) % 4],
      travel: [(index * 13) % 30, (index * 17) % 30],
      free: [index % 2 === 0, index % 3 === 0, true, index % 5 !== 0],
    }));
    const input = instance(specs, [5, 7], 2, 42);
    const reversed = {
      ...input,
      women: [...input.women].reverse(),
      travelMinutes: [...input.travelMinutes].reverse(),
      free: [...input.free].reverse(),
    };
    const first = proposeGroups(input);
    expect(proposeGroups(input)).toEqual(first);
    expect(proposeGroups(reversed)).toEqual(first);
  });

  it('explains the score, criterion by criterion, in the order they count', () => {
    const proposal = proposeGroups(instance(repeat(6, { level: 'A1' }), [3, 3]));
    expect(proposal.explanation).toHaveLength(5);
    expect(proposal.explanation[0]).toBe('2 group(s) for 6 women, the fewest that sizes 3–3 allow.');
    expect(proposal.explanation[1]).toMatch(/^1\. Language: 0 interpreter/);
    expect(proposal.explanation[4]).toMatch(/^4\. Free time: 6 of 6 women free .*; 8 weekly time\(s\)/);
  });

  it.each([
    [7, 4, 5, '7 women cannot be split into groups of 4 to 5: 2 groups need at least 8'],
    [3, 4, 6, '3 women cannot be split into groups of 4 to 6: 1 groups need at least 4'],
    [6, 5, 4, 'the size range 5–4 is not 1 ≤ min ≤ max'],
  ])('refuses %i women in groups of %i to %i: %s', (count, min, max, message) => {
    const run = () => proposeGroups(instance(repeat(count, {}), [min, max]));
    expect(run).toThrow(GroupProposalError);
    expect(run).toThrow(message);
  });

  it('refuses to propose without women', () => {
    expect(() => proposeGroups(instance([], [1, 5]))).toThrow(
      expect.objectContaining({ code: 'no-women' }) as Error,
    );
  });
});

describe('freeSlots', () => {
  const policy = { travelBufferMinutes: 15, slotStepMinutes: 60, earliestStart: '09:00', latestEnd: '13:00' };
  const here = { lat: 52.1, lon: 5.1 };

  it('counts a woman free at a weekly time unless a lesson overlaps it or leaves no time to get there', () => {
    const { slots, free } = freeSlots({
      policy,
      startDate: '2027-03-01',
      durationMinutes: 60,
      locations: [{ id: 'loc', position: here, openingHours: [{ weekday: 2, from: '09:00', to: '13:00' }] }],
      women: [
        {
          id: 'amina',
          lessons: [
            {
              id: 'lesson',
              providerId: 'provider',
              weekday: 2,
              from: '09:00',
              to: '10:00',
              position: here,
              validFrom: '2027-01-01',
              validTo: '2027-12-31',
            },
          ],
        },
      ],
      travelMinutes: () => 0,
    });
    expect(slots.map((slot) => `${slot.weekday} ${slot.start}`)).toEqual([
      '2 540',
      '2 600',
      '2 660',
      '2 720',
    ]);
    // 09:00 overlaps; 10:00 leaves no buffer of 15 minutes after the lesson; 11:00 and 12:00 are free.
    expect(free).toEqual([[[false, false, true, true]]]);
  });
});

describe('freeSlots by how she travels', () => {
  const policy = { travelBufferMinutes: 0, slotStepMinutes: 60, earliestStart: '10:00', latestEnd: '12:00' };
  const school = { lat: 52.1, lon: 5.1 };
  const centre = { lat: 52.2, lon: 5.2 };
  const lesson = {
    id: 'lesson',
    providerId: 'provider',
    weekday: 2,
    from: '09:00',
    to: '09:40',
    position: school,
    validFrom: '2027-01-01',
    validTo: '2027-12-31',
  };
  // 20 minutes by car, 45 by bus: her lesson ends at 09:40, the 10:00 session starts 20 minutes later.
  const travelMinutes = (_from: unknown, _to: unknown, mode?: string) => (mode === 'transit' ? 45 : 20);
  const run = (travelMode?: 'driving' | 'transit') =>
    freeSlots({
      policy,
      startDate: '2027-03-01',
      durationMinutes: 60,
      locations: [
        { id: 'loc', position: centre, openingHours: [{ weekday: 2, from: '10:00', to: '12:00' }] },
      ],
      women: [{ id: 'amina', lessons: [lesson], travelMode }],
      travelMinutes,
    });

  it.each([
    ['by car', 'driving' as const, [[[true, true]]]],
    ['without a mode, by road', undefined, [[[true, true]]]],
    // 20 minutes are not the 45 she needs by bus at 10:00; at 11:00 she has 80.
    ['by public transport', 'transit' as const, [[[false, true]]]],
  ])('judges a woman who travels %s with her own travel times', (_name, mode, expected) => {
    expect(run(mode).free).toEqual(expected);
  });
});
