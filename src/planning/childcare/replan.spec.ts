import fc from 'fast-check';
import { CareProviderInput } from './allocate';
import { CareNeed, CareSession } from './need';
import { CurrentBooking, openNeeds, replanCare } from './replan';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
const kdv: CareProviderInput = {
  id: 'kdv',
  kind: 'formal',
  openingHours: weekdays('07:30', '18:30'),
  places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 1 }],
};
const other: CareProviderInput = { ...kdv, id: 'other' };
const rules = { travelMinutes: () => 10, maxTravelMinutes: 20 };
const session = (id: string, start: number, end: number): CareSession => ({
  id,
  date: '2027-01-11',
  weekday: 1,
  start,
  end,
  locationId: 'loc',
});
const need = (childId: string, sessionId = 's'): CareNeed => ({
  childId,
  participantId: `mother of ${childId}`,
  sessionId,
  ageMonths: 20,
  reason: 'under 4',
});
const booking = (
  id: string,
  childId: string,
  providerId: string,
  from: number,
  to: number,
  status: CurrentBooking['status'] = 'requested',
): CurrentBooking => ({
  id,
  childId,
  participantId: `mother of ${childId}`,
  sessionId: 's',
  providerId,
  band: 0,
  date: '2027-01-11',
  from,
  to,
  status,
});

describe('replanCare', () => {
  it('keeps a booking where it is when nothing changed, and books nobody twice', () => {
    const s = session('s', 600, 720);
    const plan = replanCare([need('a')], [s], [kdv], rules, [booking('b1', 'a', 'kdv', 590, 730)]);
    expect(plan.kept.map((b) => [b.id, b.moved])).toEqual([['b1', false]]);
    expect(plan.booked).toEqual([]);
    expect(plan.cancelled).toEqual([]);
  });

  it('moves a booking with its session, and cancels the one that no longer has a need', () => {
    const s = session('s', 660, 780);
    const plan = replanCare([need('a')], [s], [kdv, other], rules, [
      booking('b1', 'a', 'other', 590, 730),
      booking('b2', 'z', 'kdv', 590, 730),
    ]);
    expect(plan.kept).toEqual([expect.objectContaining({ id: 'b1', from: 650, to: 790, moved: true })]);
    expect(plan.cancelled).toEqual([{ id: 'b2', reason: 'no longer needed' }]);
  });

  it('keeps confirmed bookings before requested ones when places run short, and re-books the other elsewhere', () => {
    const s = session('s', 600, 720);
    const plan = replanCare([need('a'), need('b')], [s], [kdv, other], rules, [
      booking('requested', 'a', 'kdv', 590, 730),
      booking('confirmed', 'b', 'kdv', 590, 730, 'confirmed'),
    ]);
    expect(plan.kept.map((b) => b.id)).toEqual(['confirmed']);
    expect(plan.cancelled).toEqual([{ id: 'requested', reason: 'no place at the new time' }]);
    expect(plan.booked).toEqual([expect.objectContaining({ childId: 'a', providerId: 'other' })]);
  });

  it('cancels a booking at a provider that is closed at the session’s new time', () => {
    const s = session('s', 1080, 1200);
    const plan = replanCare([need('a')], [s], [kdv], rules, [booking('b1', 'a', 'kdv', 590, 730)]);
    expect(plan.cancelled).toEqual([{ id: 'b1', reason: 'provider no longer fits' }]);
    expect(plan.unmet.map((u) => u.reason)).toEqual(['closed then']);
  });

  it('never exceeds a band’s places, and accounts for every need exactly once, whatever stood before', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ session: fc.integer({ min: 0, max: 2 }), age: fc.integer({ min: 0, max: 60 }) }),
          {
            maxLength: 12,
          },
        ),
        fc.array(
          fc.record({
            child: fc.integer({ min: 0, max: 14 }),
            provider: fc.constantFrom('kdv', 'other'),
            start: fc.integer({ min: 500, max: 800 }),
            confirmed: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 3 }),
        (kids, before, capacity) => {
          const sessions = [0, 1, 2].map((i) => session(`s${i}`, 540 + i * 60, 660 + i * 60));
          const providers = [kdv, other].map((provider) => ({
            ...provider,
            places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity }],
          }));
          const needs = kids.map((kid, index) => ({
            ...need(`c${index}`, `s${kid.session}`),
            ageMonths: kid.age,
          }));
          const current = before.map((b, index) => ({
            ...booking(`b${index}`, `c${b.child}`, b.provider, b.start, b.start + 140),
            sessionId: needs[b.child]?.sessionId ?? 's0',
            status: (b.confirmed ? 'confirmed' : 'requested') as CurrentBooking['status'],
          }));
          const plan = replanCare(needs, sessions, providers, rules, current);
          const accounted = [...plan.kept, ...plan.booked, ...plan.unmet].map(
            (x) => `${x.childId}|${x.sessionId}`,
          );
          expect(accounted.sort()).toEqual(needs.map((n) => `${n.childId}|${n.sessionId}`).sort());
          expect([...plan.kept.map((b) => b.id), ...plan.cancelled.map((c) => c.id)].sort()).toEqual(
            current.map((b) => b.id).sort(),
          );
          const active = [...plan.kept, ...plan.booked];
          for (const b of active) {
            const atOnce = active.filter(
              (o) => o.providerId === b.providerId && o.band === b.band && o.from <= b.from && b.from < o.to,
            );
            expect(atOnce.length).toBeLessThanOrEqual(capacity);
          }
          // Once planned, nothing is left open while a place is free.
          expect(
            openNeeds(needs, sessions, providers, rules, active).filter((u) => u.reason === 'not booked yet'),
          ).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe('openNeeds', () => {
  it('says a need is not booked yet when a place is free, and why otherwise', () => {
    const s = session('s', 600, 720);
    const held = replanCare([need('a')], [s], [kdv], rules, []).booked;
    expect(openNeeds([need('a'), need('b')], [s], [kdv], rules, held)).toEqual([
      expect.objectContaining({ childId: 'b', reason: 'no place left in her age band' }),
    ]);
    expect(openNeeds([need('b')], [s], [kdv], rules, [])).toEqual([
      expect.objectContaining({ childId: 'b', reason: 'not booked yet' }),
    ]);
  });
});
