import { Session } from '../../programmes/session.entity';
import { Route } from '../../routes/route.entity';
import { coordinatorEvent } from './coordinator-feed.service';
import { Passenger, rideEvent, rideUids, showsPassengers } from './driver-feed.service';
import { MessageTexts } from '../../reminders/message-texts';
import { participantEvent } from './participant-feed.service';

const zone = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const session = (overrides: Partial<Session> = {}) =>
  ({
    id: 's1',
    status: 'planned',
    start: at('2027-03-02T09:00:00Z'),
    end: at('2027-03-02T11:30:00Z'),
    ...overrides,
  }) as Session;
const location = { name: 'Buurthuis De Ster', address: 'Dorpsstraat 1' };
const route = (overrides: Partial<Route> = {}) =>
  ({
    id: 'r1',
    sessionId: 's1',
    direction: 'to',
    depart: at('2027-03-02T07:20:00Z'),
    arrive: at('2027-03-02T07:50:00Z'),
    stops: [
      { participantId: 'p1', position: 1, time: at('2027-03-02T07:30:00Z'), children: 1 },
      { participantId: 'p2', position: 2, time: at('2027-03-02T07:40:00Z'), children: 0 },
    ],
    ...overrides,
  }) as Route;

describe('participantEvent', () => {
  const her = { session: session(), groupName: 'Groep Oost', location, absent: false, children: 0 };
  const texts = new MessageTexts();

  it.each([
    [
      'her pickup time in the summary',
      { pickup: at('2027-03-02T07:35:00Z') },
      'Groep Oost – opgehaald om 08:35',
      'CONFIRMED',
    ],
    ['the group alone without a ride', {}, 'Groep Oost', 'CONFIRMED'],
    ['"Afgemeld" when she reported absence', { absent: true }, 'Afgemeld: Groep Oost', 'CONFIRMED'],
    [
      '"Afgelast" and CANCELLED for a cancelled session',
      { session: session({ status: 'cancelled' }) },
      'Afgelast: Groep Oost',
      'CANCELLED',
    ],
  ])('shows %s', (_, change, summary, status) => {
    const made = participantEvent({ ...her, ...change }, zone, texts, 'nl');
    expect([made.summary, made.status]).toEqual([summary, status]);
    expect(made.uid).toBe('session-s1@trefpunt');
    expect(made.location).toBe('Buurthuis De Ster, Dorpsstraat 1');
  });

  it('tells her when she is home again and that her child is cared for', () => {
    const made = participantEvent(
      { ...her, dropOff: at('2027-03-02T12:05:00Z'), children: 1 },
      zone,
      texts,
      'nl',
    );
    expect(made.description).toContain('Je bent rond 13:05 weer thuis.');
    expect(made.description).toContain('Er is opvang voor je kind.');
  });

  it('writes her event in Arabic, every value isolated in its own direction', () => {
    const made = participantEvent(
      { ...her, pickup: at('2027-03-02T07:35:00Z'), children: 2 },
      zone,
      texts,
      'ar',
    );
    expect(made.summary).toBe('\u2068Groep Oost\u2069 – التوصيلة الساعة \u206808:35\u2069');
    expect(made.description.split('\n')).toEqual([
      'تدريب \u2068Groep Oost\u2069 في \u2068Buurthuis De Ster\u2069، \u206810:00\u2069–\u206812:30\u2069.',
      'سنأخذك من البيت الساعة \u206808:35\u2069.',
      'هناك رعاية لأطفالك (\u20682\u2069).',
      'يُحدَّث هذا التقويم بضع مرات في اليوم: تصلك التغييرات دائمًا في رسالة أيضًا.',
    ]);
  });

  it('writes Dutch and English for a language without templates, title and description alike', () => {
    const made = participantEvent({ ...her, absent: true }, zone, texts, 'pl');
    expect(made.summary).toBe('Afgemeld: Groep Oost / Not coming: Groep Oost');
    expect(made.description).toContain('Je hebt je afgemeld voor deze bijeenkomst.');
    expect(made.description).toContain('You said you cannot come to this meeting.');
  });
});

describe('rideEvent', () => {
  const passengers = new Map<string, Passenger>([
    ['p1', { firstName: 'Amina', address: 'Kerkstraat 1' }],
    ['p2', { firstName: 'Fatima', address: 'Kerkstraat 2' }],
  ]);
  const ride = (detailed: boolean) => ({
    uid: 'ride-s1-to-d1@trefpunt',
    route: route(),
    session: session(),
    groupName: 'Groep Oost',
    vehicleName: 'Naoberbus',
    location,
    passengers: detailed ? passengers : new Map<string, Passenger>(),
    detailed,
  });

  it('lists first names and addresses at the stops for a ride of today or tomorrow', () => {
    const made = rideEvent(ride(true), zone);
    expect(made.summary).toBe('Rit heen: Groep Oost (2 haltes)');
    expect([made.start, made.end]).toEqual([at('2027-03-02T07:20:00Z'), at('2027-03-02T07:50:00Z')]);
    expect(made.description).toContain('08:30  Amina – Kerkstraat 1 (1 kind)');
    expect(made.description).toContain('08:50  aankomst Buurthuis De Ster, Dorpsstraat 1');
  });

  it('shows only times and stop numbers for a later ride', () => {
    const made = rideEvent(ride(false), zone);
    expect(made.description).toContain('08:30  halte 1');
    expect(made.description).not.toMatch(/Amina|Fatima|Kerkstraat/);
  });
});

describe('rideUids', () => {
  it('keys a ride by session, direction and driver, numbering a second route of hers', () => {
    const routes = [route({ id: 'a' }), route({ id: 'b', direction: 'from' }), route({ id: 'c' })];
    expect(rideUids(routes, 'd1')).toEqual([
      'ride-s1-to-d1@trefpunt',
      'ride-s1-from-d1@trefpunt',
      'ride-s1-to-d1-2@trefpunt',
    ]);
  });
});

describe('coordinatorEvent', () => {
  it('counts who takes part without naming anyone, and marks a cancelled session', () => {
    const item = { session: session(), groupName: 'Groep Oost', location, members: 7, absent: 2 };
    expect(coordinatorEvent(item, zone)).toMatchObject({
      summary: 'Groep Oost – Buurthuis De Ster',
      status: 'CONFIRMED',
      description: expect.stringContaining('7 deelnemers, 2 afgemeld.'),
    });
    const cancelled = coordinatorEvent({ ...item, session: session({ status: 'cancelled' }) }, zone);
    expect([cancelled.summary, cancelled.status]).toEqual([
      'Afgelast: Groep Oost – Buurthuis De Ster',
      'CANCELLED',
    ]);
  });
});

describe('showsPassengers', () => {
  // 2027-03-02 09:00 in Amsterdam (CET).
  const now = at('2027-03-02T08:00:00Z');
  it.each([
    ['earlier today', '2027-03-01T23:30:00Z', true],
    ['tomorrow late in the evening', '2027-03-03T22:59:00Z', true],
    ['the day after tomorrow, just after midnight', '2027-03-03T23:00:00Z', false],
    ['next week', '2027-03-09T07:00:00Z', false],
    ['yesterday', '2027-03-01T22:59:00Z', false],
  ])('for a ride %s: %s', (_, depart, shown) => {
    expect(showsPassengers(at(depart), now, zone)).toBe(shown);
  });
});
