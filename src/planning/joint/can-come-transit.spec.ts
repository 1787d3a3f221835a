import { offlineTravel } from '../travel/offline-travel';
import { transitTravel } from '../travel/transit-travel';
import { TravelMinutes } from '../travel/travel-mode';
import { canComeOf, CanComeInput } from './can-come';

const LOCATION = { lat: 52.1, lon: 6.5 };
const HOME = { lat: 52.1 + 6 / 111, lon: 6.5 };
const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '07:30', to: '18:30' }));
const minutes: TravelMinutes = (a, b, mode) =>
  mode === 'transit' ? transitTravel(a, b).minutes : offlineTravel(a, b).minutes;

/** A mother 6 km from the session (10:00–12:30), her toddler cared for near home from 9:45 to 12:35. */
const input = (transport: string, withMinutes: boolean): CanComeInput => ({
  policy: { arriveMinutesBefore: 10, maxEarlyMinutes: 45, maxRideMinutes: 45, maxRideFactor: 1.8 },
  schoolHours: [],
  isSchoolClosed: () => false,
  participants: [
    {
      id: 'p1',
      position: HOME,
      transport,
      children: [{ id: 'c1', birthDate: '2025-06-01', careByPartner: false }],
    },
  ],
  locations: [{ id: 'loc', position: LOCATION }],
  providers: [
    {
      id: 'kdv',
      kind: 'formal',
      position: HOME,
      openingHours: hours,
      places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 4 }],
    },
  ],
  sessions: [
    {
      id: 's1',
      groupId: 'g',
      locationId: 'loc',
      date: '2027-01-12',
      weekday: 2,
      start: 600,
      end: 750,
      memberIds: ['p1'],
      blocked: new Map(),
    },
  ],
  ...(withMinutes ? { minutes } : {}),
});
const booking = {
  childId: 'c1',
  participantId: 'p1',
  sessionId: 's1',
  providerId: 'kdv',
  from: 585,
  to: 755,
};

describe('who can come, for a mother who takes the bus', () => {
  it('counts her longer time away by bus: care that covers the format estimate does not cover her trip', () => {
    expect(transitTravel(HOME, LOCATION).minutes).toBeGreaterThan(30);
    expect(canComeOf(input('public', false), [booking], [])[0].canCome).toBe(true);
    expect(canComeOf(input('public', true), [booking], [])[0]).toEqual(
      expect.objectContaining({
        canCome: false,
        reasons: ['care near home does not cover her time away', 'no care place for a child'],
      }),
    );
  });

  it('keeps the format estimate for a mother who drives', () => {
    expect(canComeOf(input('own', true), [booking], [])[0].canCome).toBe(true);
  });
});
