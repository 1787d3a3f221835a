import fc from 'fast-check';
import { toMinutes } from '../time/calendar';
import { conflictsOf } from './attendance';
import { GroupInput, MemberInput, PlanningInput } from './model';
import { planProgramme } from './plan-programme';
import { layOutSeries } from './series';

const here = { lat: 52.1, lon: 6.5 };
const far = { lat: 52.4, lon: 6.9 };
const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
const minutesBetween = (a: { lat: number }, b: { lat: number }) => (a.lat === b.lat ? 0 : 40);

function instance(overrides: Partial<PlanningInput> = {}): PlanningInput {
  return {
    policy: { travelBufferMinutes: 15, slotStepMinutes: 30, earliestStart: '09:00', latestEnd: '16:00' },
    programme: {
      startDate: '2027-01-11',
      sessionsPerGroup: 4,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 120,
    },
    isClosed: () => false,
    locations: [{ id: 'loc', position: here, openingHours: weekdays('08:30', '17:00'), rooms: 1 }],
    trainers: [{ id: 'tr', availability: weekdays('09:00', '17:00') }],
    interpreters: [{ id: 'int-ar', languages: ['ar'], availability: weekdays('09:00', '17:00') }],
    members: [],
    groups: [],
    travelMinutes: minutesBetween,
    ...overrides,
  };
}

const member = (id: string, lessons: Partial<MemberInput['lessons'][number]>[] = []): MemberInput => ({
  id,
  lessons: lessons.map((lesson, index) => ({
    id: `${id}-l${index}`,
    providerId: 'tp1',
    weekday: 1,
    from: '09:00',
    to: '12:00',
    position: here,
    validFrom: '2026-09-01',
    validTo: '2027-07-01',
    ...lesson,
  })),
  appointments: [],
});

const group = (id: string, memberIds: string[], extra: Partial<GroupInput> = {}): GroupInput => ({
  id,
  locationId: 'loc',
  memberIds,
  trainerIds: ['tr'],
  interpreterLanguages: [],
  ...extra,
});

describe('layOutSeries', () => {
  it('skips closed dates and makes the lost week up at the end', () => {
    const closed = new Set(['2027-01-18']);
    expect(
      layOutSeries([1], { startDate: '2027-01-11', sessionsPerGroup: 3, intervalWeeks: 1 }, (date) =>
        closed.has(date),
      ),
    ).toEqual([
      { date: '2027-01-11', slotIndex: 0, phase: 0 },
      { date: '2027-01-25', slotIndex: 0, phase: 0 },
      { date: '2027-02-01', slotIndex: 0, phase: 0 },
    ]);
  });

  it('meets every second week when fortnightly, and never before the start', () => {
    const dates = layOutSeries(
      [1, 3],
      { startDate: '2027-01-13', sessionsPerGroup: 4, intervalWeeks: 2 },
      () => false,
    );
    expect(dates.map((d) => d.date)).toEqual(['2027-01-13', '2027-01-25', '2027-01-27', '2027-02-08']);
  });
});

describe('conflictsOf', () => {
  const rules = { travelBufferMinutes: 15, travelMinutes: minutesBetween };
  const session = {
    date: '2027-01-11',
    weekday: 1,
    start: toMinutes('13:00'),
    end: toMinutes('15:00'),
    position: here,
  };

  it.each([
    ['a lesson that overlaps', { from: '12:00', to: '13:30' }, 'overlap'],
    [
      'a lesson elsewhere that ends too late to travel',
      { from: '10:00', to: '12:30', position: far },
      'travel',
    ],
    [
      'a lesson elsewhere that starts too soon after',
      { from: '15:30', to: '17:00', position: far },
      'travel',
    ],
  ])('finds %s', (_, lesson, kind) => {
    expect(conflictsOf(member('m', [lesson]), session, rules).map((c) => c.kind)).toEqual([kind]);
  });

  it.each([
    ['a lesson at the location itself, ending just before, with the buffer', { from: '10:00', to: '12:45' }],
    ['a lesson on another weekday', { weekday: 2, from: '13:00', to: '15:00' }],
    ['a lesson series not yet valid', { validFrom: '2027-02-01' }],
    ['a lesson cancelled that day', { from: '13:00', to: '15:00', exceptDates: ['2027-01-11'] }],
  ])('finds nothing for %s', (_, lesson) => {
    expect(conflictsOf(member('m', [{ from: '13:00', to: '15:00', ...lesson }]), session, rules)).toEqual([]);
  });

  it('counts her trip by bus when she travels by public transport: a lesson the car would leave time for clashes', () => {
    // 40 minutes by road, 70 by bus: the lesson ends 60 minutes before the session.
    const byMode = {
      ...rules,
      travelMinutes: (a: typeof here, b: typeof here, mode?: string) =>
        minutesBetween(a, b) + (mode === 'transit' && a.lat !== b.lat ? 30 : 0),
    };
    const lesson = { from: '10:00', to: '12:00', position: far };
    expect(conflictsOf(member('m', [lesson]), session, byMode)).toEqual([]);
    const byBus = { ...member('m', [lesson]), travelMode: 'transit' as const };
    expect(conflictsOf(byBus, session, byMode).map((c) => c.kind)).toEqual(['travel']);
  });

  it('finds an appointment within the buffer', () => {
    const withAppointment = {
      ...member('m'),
      appointments: [{ id: 'a', date: '2027-01-11', from: '15:10', to: '16:00' }],
    };
    expect(conflictsOf(withAppointment, session, rules).map((c) => c.kind)).toEqual(['appointment']);
  });
});

describe('planProgramme', () => {
  it('moves a group away from its members’ lessons', () => {
    const plan = planProgramme(
      instance({
        members: [
          member('a', [{ weekday: 1, from: '09:00', to: '16:00' }]),
          member('b', [{ weekday: 1, from: '09:00', to: '16:00' }]),
        ],
        groups: [group('g', ['a', 'b'])],
      }),
    );
    expect(plan.groups[0].slots[0].weekday).not.toBe(1);
    expect(plan.attendable).toBe(plan.memberSessions);
    expect(plan.attendable).toBe(plan.upperBound);
  });

  it('gives two groups that share a trainer different times, and finds an interpreter', () => {
    const plan = planProgramme(
      instance({
        members: [member('a'), member('b')],
        groups: [group('g1', ['a'], { interpreterLanguages: ['ar'] }), group('g2', ['b'])],
      }),
    );
    const [one, two] = plan.groups.map((g) => g.slots[0]);
    expect(one.weekday === two.weekday && one.start < two.end && two.start < one.end).toBe(false);
    expect(plan.groups[0].slots[0].interpreterIds).toEqual(['int-ar']);
    expect(plan.groups[0].sessions).toHaveLength(4);
  });

  it('keeps a pinned time, and says why a group cannot be planned', () => {
    const plan = planProgramme(
      instance({
        members: [member('a')],
        groups: [
          group('pinned', ['a'], { pinned: [{ weekday: 3, start: '13:00' }] }),
          group('no-trainer', ['a'], { trainerIds: [] }),
        ],
      }),
    );
    expect(plan.groups[0].slots[0]).toMatchObject({ weekday: 3, start: toMinutes('13:00'), pinned: true });
    expect(plan.unplanned).toEqual([{ groupId: 'no-trainer', reason: 'it has no trainers' }]);
  });

  const arbitraryInstance = fc
    .record({
      groupCount: fc.integer({ min: 1, max: 4 }),
      lessons: fc.array(
        fc.record({
          member: fc.integer({ min: 0, max: 5 }),
          weekday: fc.integer({ min: 1, max: 5 }),
          fromHour: fc.integer({ min: 8, max: 15 }),
          length: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 12 },
      ),
      trainerDays: fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }),
      rooms: fc.integer({ min: 1, max: 2 }),
    })
    .map(({ groupCount, lessons, trainerDays, rooms }) => {
      const members = Array.from({ length: 6 }, (_, index) =>
        member(
          `m${index}`,
          lessons
            .filter((lesson) => lesson.member === index)
            .map((lesson) => ({
              weekday: lesson.weekday,
              from: `${String(lesson.fromHour).padStart(2, '0')}:00`,
              to: `${String(Math.min(lesson.fromHour + lesson.length, 23)).padStart(2, '0')}:00`,
            })),
        ),
      );
      const groups = Array.from({ length: groupCount }, (_, index) =>
        group(
          `g${index}`,
          members.filter((_, m) => m % groupCount === index).map((m) => m.id),
        ),
      );
      return instance({
        members,
        groups,
        trainers: [
          { id: 'tr', availability: trainerDays.map((weekday) => ({ weekday, from: '09:00', to: '17:00' })) },
        ],
        locations: [{ id: 'loc', position: here, openingHours: weekdays('08:30', '17:00'), rooms }],
      });
    });

  it('never books the trainer twice at once, and keeps sessions within opening hours and her availability', () => {
    fc.assert(
      fc.property(arbitraryInstance, (input) => {
        const plan = planProgramme(input);
        const sessions = plan.groups.flatMap((g) =>
          g.sessions.map((s) => ({ ...s, weekday: g.slots[0].weekday })),
        );
        for (const [i, a] of sessions.entries()) {
          expect(a.start >= toMinutes('09:00') && a.end <= toMinutes('16:00')).toBe(true);
          expect(input.trainers[0].availability.some((w) => w.weekday === a.weekday)).toBe(true);
          for (const b of sessions.slice(i + 1)) {
            if (a.date === b.date && a.start < b.end && b.start < a.end)
              expect(a.trainerId).not.toBe(b.trainerId);
          }
        }
        expect(plan.attendable).toBeLessThanOrEqual(plan.upperBound);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('never lets more women attend after a lesson is added', () => {
    fc.assert(
      fc.property(
        arbitraryInstance,
        fc.record({
          member: fc.integer({ min: 0, max: 5 }),
          weekday: fc.integer({ min: 1, max: 5 }),
          fromHour: fc.integer({ min: 9, max: 14 }),
        }),
        (input, extra) => {
          const before = planProgramme(input).attendable;
          const members = input.members.map((m, index) =>
            index === extra.member
              ? member(m.id, [
                  ...m.lessons,
                  {
                    weekday: extra.weekday,
                    from: `${String(extra.fromHour).padStart(2, '0')}:00`,
                    to: `${extra.fromHour + 2}:00`,
                  },
                ])
              : m,
          );
          expect(planProgramme({ ...input, members }).attendable).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('lists exactly the lesson overlaps that exist', () => {
    fc.assert(
      fc.property(arbitraryInstance, (input) => {
        const plan = planProgramme(input);
        for (const planned of plan.groups) {
          const g = input.groups.find((candidate) => candidate.id === planned.groupId)!;
          for (const session of planned.sessions) {
            const weekday = planned.slots[0].weekday;
            const truth = g.memberIds.flatMap((id) =>
              input.members
                .find((m) => m.id === id)!
                .lessons.filter(
                  (l) =>
                    l.weekday === weekday &&
                    toMinutes(l.from) < session.end &&
                    session.start < toMinutes(l.to),
                )
                .map((l) => l.id),
            );
            expect(
              session.conflicts
                .filter((c) => c.kind === 'overlap')
                .map((c) => c.lessonId)
                .sort(),
            ).toEqual(truth.sort());
          }
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
