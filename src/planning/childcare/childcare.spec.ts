import fc from 'fast-check';
import { allocateCare, CareProviderInput } from './allocate';
import { ageInMonths, CareSession, careNeeds, ChildInput, needOf, NeedRules } from './need';
import { professionalsNeeded } from './staff-ratio';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
const rules: NeedRules = {
  schoolHours: [
    ...weekdays('08:30', '14:30').filter((w) => w.weekday !== 3),
    { weekday: 3, from: '08:30', to: '12:15' },
  ],
  isSchoolClosed: (date) => date === '2027-02-22',
  motherTravelMinutes: () => 20,
};
const session = (id: string, date: string, weekday: number, start: string, end: string): CareSession => ({
  id,
  date,
  weekday,
  start: Number(start.slice(0, 2)) * 60 + Number(start.slice(3)),
  end: Number(end.slice(0, 2)) * 60 + Number(end.slice(3)),
  locationId: 'loc',
});
const child = (id: string, birthDate: string, careByPartner = false): ChildInput => ({
  id,
  participantId: 'mother',
  birthDate,
  careByPartner,
});

describe('ageInMonths', () => {
  it.each([
    ['2024-05-10', '2027-05-09', 35],
    ['2024-05-10', '2027-05-10', 36],
    ['2023-01-31', '2027-02-28', 48],
  ])('a child born %s is, on %s, %i months old', (birth, date, months) => {
    expect(ageInMonths(birth, date)).toBe(months);
  });
});

describe('needOf', () => {
  const monday = session('s', '2027-01-11', 1, '09:30', '12:30');
  it.each([
    ['a toddler, always', child('c', '2025-01-01'), 'under 4'],
    ['a schoolchild when the session with travel starts before school', child('c', '2019-01-01'), undefined],
    [
      'a schoolchild on Wednesday afternoon',
      child('c', '2019-01-01'),
      'outside school hours',
      session('s', '2027-01-13', 3, '11:00', '14:00'),
    ],
    [
      'a schoolchild in the school holiday',
      child('c', '2019-01-01'),
      'no school that day',
      session('s', '2027-02-22', 1, '09:30', '12:30'),
    ],
    ['a child her partner cares for', child('c', '2025-01-01', true), undefined],
    ['a child of 13', child('c', '2013-01-01'), undefined],
  ])('%s', (_, kid, reason, at = monday) => {
    expect(needOf(kid, at, rules)?.reason).toBe(reason);
  });

  it('counts her mother’s travel: a session ending at 14:30 leaves no time to fetch her from school', () => {
    expect(
      needOf(child('c', '2019-01-01'), session('s', '2027-01-11', 1, '11:30', '14:30'), rules)?.reason,
    ).toBe('outside school hours');
  });
});

describe('allocateCare', () => {
  const oppas: CareProviderInput = {
    id: 'oppas',
    kind: 'volunteer',
    locationId: 'loc',
    openingHours: weekdays('09:00', '16:00'),
    places: [{ minAgeMonths: 6, maxAgeMonths: 155, capacity: 2 }],
  };
  const kdv: CareProviderInput = {
    id: 'kdv',
    kind: 'formal',
    openingHours: weekdays('07:30', '18:30'),
    places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 1 }],
  };
  const allocation = { travelMinutes: () => 10, maxTravelMinutes: 20 };

  it('books volunteer care at the location first, then formal care, and says why the rest is unmet', () => {
    const s = session('s', '2027-01-11', 1, '09:30', '12:30');
    const needs = careNeeds(
      [s],
      () => [
        child('a', '2025-01-01'),
        child('b', '2025-02-01'),
        child('c', '2025-03-01'),
        child('d', '2025-04-01'),
      ],
      rules,
    ).map((need, index) => ({ ...need, participantId: `m${index}` }));
    const { bookings, unmet } = allocateCare(needs, [s], [kdv, oppas], allocation);
    expect(bookings.map((b) => [b.childId, b.providerId])).toEqual([
      ['a', 'oppas'],
      ['b', 'oppas'],
      ['c', 'kdv'],
    ]);
    expect(bookings[2]).toMatchObject({ from: s.start - 10, to: s.end + 10 });
    expect(unmet).toEqual([
      { childId: 'd', participantId: 'm3', sessionId: 's', reason: 'no place left in her age band' },
    ]);
  });

  it('makes room for a child with one choice by moving a child who has another', () => {
    const s = session('s', '2027-01-11', 1, '09:30', '12:30');
    const oneEach = (provider: CareProviderInput, minAgeMonths: number, maxAgeMonths: number) => ({
      ...provider,
      places: [{ minAgeMonths, maxAgeMonths, capacity: 1 }],
    });
    // The toddler takes the volunteer place first (volunteer care comes first); her sister, at school age, can go
    // nowhere else: the toddler moves to the formal care.
    const needs = careNeeds([s], () => [child('toddler', '2025-01-01'), child('big', '2019-01-01')], {
      ...rules,
      schoolHours: [],
    });
    const { bookings, unmet } = allocateCare(
      needs,
      [s],
      [oneEach(oppas, 0, 155), oneEach(kdv, 0, 47)],
      allocation,
    );
    expect(unmet).toEqual([]);
    expect(Object.fromEntries(bookings.map((b) => [b.childId, b.providerId]))).toEqual({
      toddler: 'kdv',
      big: 'oppas',
    });
  });

  it('keeps sisters together where one provider can take them all', () => {
    const s = session('s', '2027-01-11', 1, '09:30', '12:30');
    const small: CareProviderInput = {
      ...oppas,
      places: [{ minAgeMonths: 6, maxAgeMonths: 155, capacity: 1 }],
    };
    const big: CareProviderInput = {
      ...kdv,
      id: 'big',
      places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 5 }],
    };
    const needs = careNeeds([s], () => [child('a', '2025-01-01'), child('b', '2024-01-01')], rules);
    const { bookings } = allocateCare(needs, [s], [small, big], allocation);
    expect(new Set(bookings.map((b) => b.providerId))).toEqual(new Set(['big']));
  });

  it.each([
    [
      'no provider takes her age',
      { ...oppas, places: [{ minAgeMonths: 48, maxAgeMonths: 155, capacity: 5 }] },
      allocation,
    ],
    ['closed then', { ...kdv, openingHours: weekdays('13:00', '18:00') }, allocation],
    ['too far', kdv, { ...allocation, maxTravelMinutes: 5 }],
  ])('lists a need as unmet when %s', (reason, provider, with_) => {
    const s = session('s', '2027-01-11', 1, '09:30', '12:30');
    const { unmet } = allocateCare(
      careNeeds([s], () => [child('a', '2025-01-01')], rules),
      [s],
      [provider],
      with_,
    );
    expect(unmet.map((u) => u.reason)).toEqual([reason]);
  });

  it('never puts more children in a band at once than it has places, books or lists every need once, and leaves nobody out while a place is free', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            month: fc.integer({ min: 0, max: 150 }),
            mother: fc.integer({ min: 0, max: 6 }),
            session: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        (kids, capacities) => {
          const sessions = [0, 1, 2, 3].map((i) =>
            session(`s${i}`, '2027-01-11', 1, i < 2 ? '09:00' : '10:00', i < 2 ? '12:00' : '13:00'),
          );
          const providers: CareProviderInput[] = [
            { ...oppas, places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: capacities[0] }] },
            {
              ...kdv,
              places: [
                { minAgeMonths: 0, maxAgeMonths: 47, capacity: capacities[1] },
                { minAgeMonths: 48, maxAgeMonths: 155, capacity: capacities[2] },
              ],
            },
          ];
          const needs = kids.map((kid, index) => ({
            childId: `c${index}`,
            participantId: `m${kid.mother}`,
            sessionId: `s${kid.session}`,
            ageMonths: kid.month,
            reason: 'under 4' as const,
          }));
          const { bookings, unmet } = allocateCare(needs, sessions, providers, allocation);
          const seen = [...bookings, ...unmet].map((x) => `${x.childId}|${x.sessionId}`);
          expect(seen.sort()).toEqual(needs.map((n) => `${n.childId}|${n.sessionId}`).sort());
          // Nobody is left out while a place was free for her (with the bookings as they ended up).
          for (const need of unmet) {
            const at = sessions.find((s) => s.id === need.sessionId)!;
            const age = needs.find((n) => n.childId === need.childId)!.ageMonths;
            for (const provider of providers) {
              const index = provider.places.findIndex((b) => b.minAgeMonths <= age && age <= b.maxAgeMonths);
              if (index < 0) continue;
              const [from, to] =
                provider.locationId === at.locationId ? [at.start, at.end] : [at.start - 10, at.end + 10];
              const held = bookings.filter(
                (b) => b.providerId === provider.id && b.band === index && b.from < to && from < b.to,
              );
              const busiest = Math.max(
                0,
                ...[from, ...held.map((b) => b.from)]
                  .filter((m) => m >= from && m < to)
                  .map((m) => held.filter((b) => b.from <= m && m < b.to).length),
              );
              expect(busiest).toBeGreaterThanOrEqual(provider.places[index].capacity);
            }
          }
          for (const provider of providers) {
            provider.places.forEach((band, index) => {
              const held = bookings.filter((b) => b.providerId === provider.id && b.band === index);
              for (const minute of held.flatMap((b) => [b.from, b.to - 1])) {
                expect(held.filter((b) => b.from <= minute && minute < b.to).length).toBeLessThanOrEqual(
                  band.capacity,
                );
              }
            });
          }
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('professionalsNeeded', () => {
  it.each([
    [[6, 8, 10], 1],
    [[6, 8, 10, 11], 2],
    [[30, 30, 30, 30, 30, 30, 30, 30], 1],
    [[], 0],
  ])('for ages %j in months is %i', (ages, professionals) => {
    expect(professionalsNeeded(ages)).toBe(professionals);
  });
});
