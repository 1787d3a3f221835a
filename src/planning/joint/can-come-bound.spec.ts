import { PlanningInput } from '../scheduling/model';
import { offlineTravel } from '../travel/offline-travel';
import { canComeBound, BoundResources } from './can-come-bound';
import { JointParticipant } from './model';

const LOCATION = { lat: 52.1, lon: 6.5 };
const north = (km: number) => ({ lat: 52.1 + km / 111, lon: 6.5 });
const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
const minutes = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  offlineTravel(a, b).minutes;

/** One group of the given women, meeting on Tuesdays at 10:00 for 2.5 hours, four weeks long. */
function planning(ids: string[]): PlanningInput {
  return {
    policy: { travelBufferMinutes: 15, slotStepMinutes: 15, earliestStart: '09:00', latestEnd: '16:00' },
    programme: {
      startDate: '2027-01-11',
      sessionsPerGroup: 4,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 150,
    },
    isClosed: () => false,
    locations: [{ id: 'loc', position: LOCATION, openingHours: weekdays('08:00', '18:00'), rooms: 1 }],
    trainers: [{ id: 'tr', availability: weekdays('08:00', '18:00') }],
    interpreters: [],
    members: ids.map((id) => ({ id, lessons: [], appointments: [] })),
    groups: [
      {
        id: 'g',
        locationId: 'loc',
        memberIds: ids,
        trainerIds: ['tr'],
        interpreterLanguages: [],
        pinned: [{ weekday: 2, start: '10:00' }],
      },
    ],
    travelMinutes: minutes,
  };
}

const woman = (id: string, over: Partial<JointParticipant> = {}): JointParticipant => ({
  id,
  position: north(3),
  transport: 'bike',
  children: [],
  ...over,
});

function region(participants: JointParticipant[], over: Partial<BoundResources> = {}): BoundResources {
  return {
    policy: { arriveMinutesBefore: 10, maxEarlyMinutes: 45, maxRideMinutes: 45, maxRideFactor: 1.8 },
    schoolHours: weekdays('08:30', '14:30'),
    participants,
    locations: [{ id: 'loc', position: LOCATION }],
    providers: [],
    vehicles: [],
    minutes,
    ...over,
  };
}

const bound = (participants: JointParticipant[], over: Partial<BoundResources> = {}) =>
  canComeBound(planning(participants.map((p) => p.id)), region(participants, over), (id) => id);

describe('the bound on who can come, with care places and the fleet counted', () => {
  it('is the lessons-only bound when nobody needs a ride or care', () => {
    const result = bound([woman('a'), woman('b')]);
    expect(result.lessonBound).toBe(8);
    expect(result.total).toBe(8);
  });

  it('leaves out a woman who needs a ride when there is no vehicle, and one no vehicle may collect', () => {
    expect(bound([woman('a'), woman('b', { transport: 'pickup' })]).total).toBe(4);
    const bus = {
      id: 'bus',
      depot: LOCATION,
      seats: 8,
      childSeats: 0,
      availability: weekdays('07:00', '18:00'),
      municipalityIds: ['m1'],
    };
    const riders = [
      woman('a', { transport: 'pickup', municipalityId: 'm1' }),
      woman('b', { transport: 'pickup', municipalityId: 'm2' }),
    ];
    expect(bound(riders, { vehicles: [bus] }).total).toBe(4);
  });

  it('counts the trips a vehicle can make in the window before the start', () => {
    const far = (id: string) => woman(id, { transport: 'pickup', position: north(12) });
    const bus = {
      id: 'bus',
      depot: LOCATION,
      seats: 2,
      childSeats: 0,
      availability: weekdays('07:00', '18:00'),
    };
    // Round trips of more than the 35 minutes between the earliest and the latest arrival: one trip of 2 seats.
    expect(2 * minutes(north(12), LOCATION)).toBeGreaterThan(35);
    expect(bound([far('a'), far('b'), far('c')], { vehicles: [bus] }).total).toBe(8);
    // Close by, the same bus can make a second trip and bring the third.
    const close = (id: string) => woman(id, { transport: 'pickup', position: north(2) });
    expect(bound([close('a'), close('b'), close('c')], { vehicles: [bus] }).total).toBe(12);
  });

  it('leaves out mothers of toddlers beyond the places of their age band, fewest children first', () => {
    const toddler = (id: string) => ({ id, birthDate: '2025-06-01', careByPartner: false });
    const mothers = [
      woman('a', { children: [toddler('a1')] }),
      woman('b', { children: [toddler('b1'), toddler('b2')] }),
      woman('c', { children: [toddler('c1')] }),
    ];
    const provider = (capacity: number, maxAgeMonths = 47) => ({
      id: 'oppas',
      kind: 'volunteer' as const,
      locationId: 'loc',
      openingHours: weekdays('09:00', '16:00'),
      places: [{ minAgeMonths: 0, maxAgeMonths, capacity }],
    });
    expect(bound(mothers).total).toBe(0);
    expect(bound(mothers, { providers: [provider(2)] }).total).toBe(8);
    expect(bound(mothers, { providers: [provider(4)] }).total).toBe(12);
    // A band for older children only takes none of them.
    expect(
      bound(mothers, {
        providers: [{ ...provider(9), places: [{ minAgeMonths: 48, maxAgeMonths: 155, capacity: 9 }] }],
      }).total,
    ).toBe(0);
  });

  it('lets groups that reach the same care provider share its places, however their times are spread', () => {
    const toddler = (id: string) => ({ id, birthDate: '2025-06-01', careByPartner: false });
    const mothers = [woman('a', { children: [toddler('a1')] }), woman('b', { children: [toddler('b1')] })];
    // One place, open on Tuesday mornings only: one session a week fits, four over the programme.
    const oppas = {
      id: 'oppas',
      kind: 'volunteer' as const,
      locationId: 'loc',
      openingHours: [{ weekday: 2, from: '09:00', to: '12:00' }],
      places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 1 }],
    };
    const input = planning(['a', 'b']);
    const [group] = input.groups;
    input.groups = ['a', 'b'].map((id) => ({
      ...group,
      id,
      memberIds: [id],
      pinned: [{ weekday: 2, start: '09:15' }],
    }));
    const result = canComeBound(input, region(mothers, { providers: [oppas] }), (id) => id);
    // Each group alone could have the place every week; together they have it four times.
    expect(result.groups.map((g) => g.bound)).toEqual([4, 4]);
    expect(result.total).toBe(4);
  });

  it('counts a school-age child only when even her shortest time away leaves school hours', () => {
    const pupil = { id: 'k', birthDate: '2019-01-01', careByPartner: false };
    const mother = woman('a', { children: [pupil] });
    // 10:00-12:30 and a short way: within school hours, no care needed.
    expect(bound([mother]).total).toBe(4);
    const afternoon = planning(['a']);
    afternoon.groups[0].pinned = [{ weekday: 2, start: '13:00' }];
    expect(canComeBound(afternoon, region([mother]), (id) => id).total).toBe(0);
  });
});
