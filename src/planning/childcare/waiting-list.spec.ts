import { CareBooking, CareProviderInput } from './allocate';
import { CareNeed, CareSession } from './need';
import { placeWaiting, WaitingChild, waitingOrder } from './waiting-list';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '17:00' }));
/** Volunteer care at the location: babies (0–23 months) and toddlers (24–47), one place each. */
const oppas: CareProviderInput = {
  id: 'oppas',
  kind: 'volunteer',
  locationId: 'loc',
  openingHours: weekdays,
  places: [
    { minAgeMonths: 0, maxAgeMonths: 23, capacity: 1 },
    { minAgeMonths: 24, maxAgeMonths: 47, capacity: 1 },
  ],
};
const rules = { travelMinutes: () => 0, maxTravelMinutes: 20 };
const session: CareSession = {
  id: 's',
  date: '2027-04-20',
  weekday: 2,
  start: 570,
  end: 750,
  locationId: 'loc',
};

const waiting = (child: string, mother: string, since: string, sessionId = 's'): WaitingChild => ({
  childId: child,
  childRef: child,
  participantId: mother,
  participantRef: mother,
  sessionId,
  sessionStart: sessionId === 's' ? '2027-04-20T07:30:00Z' : '2027-04-27T07:30:00Z',
  since: `2027-01-01T${since}:00Z`,
});
const need = (child: string, mother: string, ageMonths: number): CareNeed => ({
  childId: child,
  participantId: mother,
  sessionId: 's',
  ageMonths,
  reason: 'under 4',
});
const held = (child: string, band: number): CareBooking => ({
  childId: child,
  participantId: `mother of ${child}`,
  sessionId: 's',
  providerId: 'oppas',
  band,
  date: '2027-04-20',
  from: 570,
  to: 750,
});

describe('waitingOrder', () => {
  it.each([
    [
      'who waited longest comes first',
      [waiting('x', 'm2', '10:00'), waiting('y', 'm1', '11:00')],
      ['m2:x', 'm1:y'],
    ],
    [
      "waits recorded at once go by the mother's ref",
      [waiting('x', 'm2', '10:00'), waiting('y', 'm1', '10:00')],
      ['m1:y', 'm2:x'],
    ],
    [
      "a mother's children wait together, from the earliest of them, by their refs",
      [waiting('z', 'm1', '12:00'), waiting('y', 'm2', '11:00'), waiting('a', 'm1', '10:00')],
      ['m1:a,z', 'm2:y'],
    ],
  ])('%s', (_name, list, expected) => {
    const order = waitingOrder(list);
    expect(order.map((f) => `${f.participantId}:${f.children.map((c) => c.childId).join(',')}`)).toEqual(
      expected,
    );
  });

  it("puts one mother's earlier session first when her waits were recorded at once", () => {
    const order = waitingOrder([waiting('x', 'm1', '10:00', 'later'), waiting('x', 'm1', '10:00')]);
    expect(order.map((f) => f.sessionId)).toEqual(['s', 'later']);
  });

  it('gives the same order whatever order the list comes in', () => {
    const list = [waiting('x', 'm2', '10:00'), waiting('y', 'm1', '10:00'), waiting('z', 'm3', '09:00')];
    const names = (l: WaitingChild[]) => waitingOrder(l).map((f) => f.participantId);
    expect(names([...list].reverse())).toEqual(names(list));
    expect(names(list)).toEqual(['m3', 'm1', 'm2']);
  });
});

describe('placeWaiting', () => {
  const place = (list: WaitingChild[], needs: CareNeed[], active: CareBooking[]) =>
    placeWaiting(waitingOrder(list), needs, [session], [oppas], rules, active);

  it('books the first waiting baby into the freed baby place, and the next one keeps waiting', () => {
    const result = place(
      [waiting('b2', 'm2', '10:00'), waiting('b1', 'm1', '09:00')],
      [need('b1', 'm1', 19), need('b2', 'm2', 22)],
      [held('t0', 1)],
    );
    expect(result.booked.map((b) => [b.childId, b.band, b.from, b.to])).toEqual([['b1', 0, 570, 750]]);
    expect(result.placed.map((f) => f.participantId)).toEqual(['m1']);
    expect(result.waiting.map((c) => c.childId)).toEqual(['b2']);
    expect(result.gone).toEqual([]);
  });

  it('leaves a toddler waiting when the place that frees is a baby place', () => {
    const result = place([waiting('t1', 'm1', '09:00')], [need('t1', 'm1', 30)], [held('t0', 1)]);
    expect(result.booked).toEqual([]);
    expect(result.waiting.map((c) => c.childId)).toEqual(['t1']);
  });

  it("books a mother's children all or none, and then the next family that fits", () => {
    const result = place(
      [waiting('b1', 'm1', '09:00'), waiting('b9', 'm1', '09:00'), waiting('b2', 'm2', '10:00')],
      [need('b1', 'm1', 10), need('b9', 'm1', 20), need('b2', 'm2', 12)],
      [held('t0', 1)],
    );
    expect(result.booked.map((b) => b.childId)).toEqual(['b2']);
    expect(result.waiting.map((c) => c.childId)).toEqual(['b1', 'b9']);
  });

  it('books a baby and a toddler of one mother together when both bands have a place', () => {
    const result = place(
      [waiting('b1', 'm1', '09:00'), waiting('t1', 'm1', '09:00')],
      [need('b1', 'm1', 10), need('t1', 'm1', 30)],
      [],
    );
    expect(result.booked.map((b) => [b.childId, b.band])).toEqual([
      ['b1', 0],
      ['t1', 1],
    ]);
  });

  it('drops a child whose need is gone (her mother will not come) or who is booked already, booking nobody twice', () => {
    const result = place(
      [waiting('b1', 'm1', '09:00'), waiting('b2', 'm2', '10:00'), waiting('b3', 'm3', '11:00')],
      [need('b2', 'm2', 10), need('b3', 'm3', 10)],
      [{ ...held('b2', 0), participantId: 'm2' }],
    );
    expect(result.gone.map((c) => c.childId)).toEqual(['b1', 'b2']);
    expect(result.booked).toEqual([]);
    expect(result.waiting.map((c) => c.childId)).toEqual(['b3']);
  });

  it('counts the places at every moment: a booking that ends before the session leaves the place free', () => {
    const early = { ...held('b0', 0), from: 480, to: 560 };
    const result = place([waiting('b1', 'm1', '09:00')], [need('b1', 'm1', 10)], [early]);
    expect(result.booked.map((b) => b.childId)).toEqual(['b1']);
  });
});
