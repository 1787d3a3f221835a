import fc from 'fast-check';
import { PlanningInput } from '../scheduling/model';
import { offlineTravel } from '../travel/offline-travel';
import { canComeBound, BoundResources, CanComeBound } from './can-come-bound';
import { withOptimum } from './shared-times-bound';
import { JointParticipant, JointVehicle } from './model';
import { planCareAndRides } from './plan-care-and-rides';
import { SolveLinearProgram } from '../linear-program';
import { loadLinearProgramSolver } from '../../common/linear-program/linear-program-solver';

const LOCATION = { lat: 52.1, lon: 6.5 };
const north = (km: number) => ({ lat: 52.1 + km / 111, lon: 6.5 });
const at = (kmNorth: number, kmEast: number) => ({
  lat: 52.1 + kmNorth / 111,
  lon: 6.5 + kmEast / (111 * Math.cos((52.1 * Math.PI) / 180)),
});
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

/** The group's four Tuesdays at 10:00-12:30, as the bound's planning lays them out. */
const TUESDAYS = ['2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02'];

/** Who can come by the joint planner's plan of care and rides for those sessions. */
function planned(participants: JointParticipant[], over: Partial<BoundResources> = {}, start = 600): number {
  const resources = region(participants, over);
  const plan = planCareAndRides({
    ...resources,
    isSchoolClosed: () => false,
    sessions: TUESDAYS.map((date) => ({
      id: date,
      groupId: 'g',
      locationId: 'loc',
      date,
      weekday: 2,
      start,
      end: start + 150,
      memberIds: participants.map((p) => p.id),
      blocked: new Map(),
    })),
  });
  return plan.verdicts.filter((verdict) => verdict.canCome).length;
}

/** Mothers a and b, a toddler each, and one place for toddlers at the location, open these hours. */
function twoMothersOneToddlerPlace(openingHours: { weekday: number; from: string; to: string }[]) {
  const toddler = (id: string) => ({ id, birthDate: '2025-06-01', careByPartner: false });
  return {
    mothers: [woman('a', { children: [toddler('a1')] }), woman('b', { children: [toddler('b1')] })],
    oppas: {
      id: 'oppas',
      kind: 'volunteer' as const,
      locationId: 'loc',
      openingHours,
      places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 1 }],
    },
  };
}

const minibus = (over: Partial<JointVehicle> = {}): JointVehicle => ({
  id: 'bus',
  depot: LOCATION,
  seats: 8,
  childSeats: 2,
  availability: weekdays('07:00', '18:00'),
  ...over,
});

let solve: SolveLinearProgram;
beforeAll(async () => {
  solve = await loadLinearProgramSolver();
});
/** The bound with its linear program solved, as the planner takes it. */
const solved = ({ total, program }: CanComeBound) => withOptimum(total, program && solve(program));

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

  it('counts a mother for the care places on the dates she comes, not only when she comes on every date', () => {
    // Two mothers of a toddler, one place: on the three Tuesdays both come, one of them at most can; on the one
    // her appointment keeps a away, b can. 4 in all (before, a was left out of the count: 7).
    const toddler = (id: string) => ({ id, birthDate: '2025-06-01', careByPartner: false });
    const mothers = [woman('a', { children: [toddler('a1')] }), woman('b', { children: [toddler('b1')] })];
    const input = planning(['a', 'b']);
    input.members[0].appointments = [{ id: 'gp', date: TUESDAYS[1], from: '10:30', to: '11:00' }];
    const providers = [
      {
        id: 'oppas',
        kind: 'volunteer' as const,
        locationId: 'loc',
        openingHours: weekdays('09:00', '16:00'),
        places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 1 }],
      },
    ];
    const result = canComeBound(input, region(mothers, { providers }), (id) => id);
    expect(result.lessonBound).toBe(7);
    expect(result.total).toBe(4);
  });

  it('lets groups that reach the same care provider share its places, however their times are spread', () => {
    // One place, open on Tuesday mornings only: one session a week fits, four over the programme.
    const { mothers, oppas } = twoMothersOneToddlerPlace([{ weekday: 2, from: '09:00', to: '12:00' }]);
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

  it('shares the care places moment by moment when a solver is given: groups that meet together share them', () => {
    // One place, open all day: over the programme it holds a child in four sessions a day.
    const { mothers, oppas } = twoMothersOneToddlerPlace(weekdays('08:00', '18:00'));
    const input = planning(['a', 'b']);
    input.locations[0].rooms = 2;
    input.trainers.push({ id: 'tr2', availability: weekdays('08:00', '18:00') });
    const [group] = input.groups;
    // Both groups meet on Tuesdays, overlapping from 11:00 to 12:30: one child in care at a time.
    input.groups = [
      { ...group, id: 'a', memberIds: ['a'], pinned: [{ weekday: 2, start: '10:00' }] },
      { ...group, id: 'b', memberIds: ['b'], trainerIds: ['tr2'], pinned: [{ weekday: 2, start: '11:00' }] },
    ];
    const resources = region(mothers, { providers: [oppas] });
    expect(canComeBound(input, resources, (id) => id).total).toBe(8);
    expect(solved(canComeBound(input, resources, (id) => id, { linearProgram: true }))).toBe(4);
    // Apart, each has the place.
    input.groups[1].pinned = [{ weekday: 2, start: '12:30' }];
    expect(solved(canComeBound(input, resources, (id) => id, { linearProgram: true }))).toBe(8);
  });

  it("holds the children whom only some providers can take to those providers' places, not the whole pool", () => {
    // Mothers a and b live 3 km from the location: only its oppas (one place) can take their toddlers. Woman c,
    // in b's group, lives beside a day-care 10 km north with a place of its own, which ties both providers into
    // one pool of two places; yet the toddlers of a and b can only share the one at the location.
    const { mothers, oppas } = twoMothersOneToddlerPlace([{ weekday: 2, from: '09:00', to: '13:00' }]);
    const dayCare = {
      ...oppas,
      id: 'day-care',
      kind: 'formal' as const,
      locationId: undefined,
      position: north(10.5),
    };
    const input = planning(['a', 'b', 'c']);
    input.locations[0].rooms = 2;
    input.trainers.push({ id: 'tr2', availability: weekdays('08:00', '18:00') });
    const [group] = input.groups;
    input.groups = [
      { ...group, id: 'ga', memberIds: ['a'] },
      { ...group, id: 'gb', memberIds: ['b', 'c'], trainerIds: ['tr2'] },
    ];
    const resources = region([...mothers, woman('c', { position: north(10) })], {
      providers: [oppas, dayCare],
    });
    // The pool of two places would let both mothers come every Tuesday, and c: 12.
    expect(canComeBound(input, resources, (id) => id).total).toBe(12);
    // One toddler a Tuesday at the location, and c every week.
    expect(solved(canComeBound(input, resources, (id) => id, { linearProgram: true }))).toBe(8);
  });

  it('holds a trainer to one group at a time, also where their times start in different cells of the day', () => {
    const input = planning(['a', 'b']);
    input.locations[0].rooms = 2;
    const [group] = input.groups;
    // 10:00-12:30 and 11:45-14:15: one trainer cannot lead both.
    input.groups = [
      { ...group, id: 'a', memberIds: ['a'] },
      { ...group, id: 'b', memberIds: ['b'], pinned: [{ weekday: 2, start: '11:45' }] },
    ];
    const women = [woman('a'), woman('b')];
    expect(canComeBound(input, region(women), (id) => id).total).toBe(8);
    expect(solved(canComeBound(input, region(women), (id) => id, { linearProgram: true }))).toBe(4);
  });

  it('lets groups that meet at one time share their trainers and the rooms of their location', () => {
    const input = planning(['a', 'b']);
    const [group] = input.groups;
    input.groups = ['a', 'b'].map((id) => ({ ...group, id, memberIds: [id] }));
    input.locations[0].rooms = 2;
    const women = [woman('a'), woman('b')];
    // Both meet on Tuesdays at 10:00, one trainer for both: one group's four sessions at most.
    expect(canComeBound(input, region(women), (id) => id).total).toBe(4);
    input.trainers.push({ id: 'tr2', availability: weekdays('08:00', '18:00') });
    input.groups.forEach((g) => (g.trainerIds = ['tr', 'tr2']));
    expect(canComeBound(input, region(women), (id) => id).total).toBe(8);
    // Two trainers, one room.
    input.locations[0].rooms = 1;
    expect(canComeBound(input, region(women), (id) => id).total).toBe(4);
  });

  it('lets groups that need one language share its interpreters, one group per time, when asked to', () => {
    const input = planning(['a', 'b']);
    const [group] = input.groups;
    input.trainers.push({ id: 'tr2', availability: weekdays('08:00', '18:00') });
    input.locations[0].rooms = 2;
    // Two groups with trainers and rooms of their own, both needing Tigrinya, free any weekday.
    input.groups = ['a', 'b'].map((id, i) => ({
      ...group,
      id,
      memberIds: [id],
      trainerIds: [i === 0 ? 'tr' : 'tr2'],
      interpreterLanguages: ['ti'],
      pinned: [],
    }));
    // One interpreter, on Mondays from 10:00 to 12:30 only: a single time at which a group has her.
    input.interpreters = [
      { id: 'tolk', languages: ['ti', 'ar'], availability: [{ weekday: 1, from: '10:00', to: '12:30' }] },
    ];
    const women = [woman('a'), woman('b')];
    const interpreted = (over: PlanningInput) =>
      canComeBound(over, region(women), (id) => id, { interpretedOnly: true }).total;
    expect(interpreted(input)).toBe(4);
    // Over all plans, a group may meet without her: both come every week.
    expect(canComeBound(input, region(women), (id) => id).total).toBe(8);
    // A second Tigrinya interpreter then lets both groups meet on Monday at 10:00.
    input.interpreters.push({
      id: 'tolk2',
      languages: ['ti'],
      availability: [{ weekday: 1, from: '09:00', to: '13:00' }],
    });
    expect(interpreted(input)).toBe(8);
    // Only the first speaks Arabic, and both groups now need it: one group again.
    input.groups[1].interpreterLanguages = ['ti', 'ar'];
    input.groups[0].interpreterLanguages = ['ar'];
    expect(interpreted(input)).toBe(4);
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

  it("takes a woman who is not collected to be away for the format's estimate, even where the road is quicker", () => {
    const pupil = { id: 'k', birthDate: '2019-01-01', careByPartner: false };
    // 20 km out: the format's estimate is 39 minutes, the road (as given) 5.
    const far = { position: north(20), children: [pupil] };
    const quickRoad = { minutes: () => 5 };
    const atNine = (mothers: JointParticipant[]) => {
      const input = planning(mothers.map((m) => m.id));
      input.groups[0].pinned = [{ weekday: 2, start: '09:00' }];
      return canComeBound(input, region(mothers, { ...quickRoad, vehicles: [minibus()] }), (id) => id).total;
    };
    // On her own way she leaves at 08:11 (08:21 with the format's slack): before school, and no place for the child.
    expect(atNine([woman('a', { ...far, transport: 'own' })])).toBe(0);
    expect(atNine([woman('a', { ...far, transport: 'bike' })])).toBe(0);
    // Collected, she may be picked up as late as the road allows: 08:45, within school hours.
    expect(atNine([woman('a', { ...far, transport: 'pickup' })])).toBe(4);
  });

  it('lets women far apart in different directions share no ride, where seats alone would take them all', () => {
    // 26 minutes out each, and more than her limit of 44 through another's home: one ride each, and the
    // round trip for a second one is longer than the 35 minutes of the arrival window.
    const riders = [at(13, 0), at(0, 13), at(-13, 0)].map((position, i) =>
      woman(`r${i}`, { transport: 'pickup', position }),
    );
    expect(minutes(at(13, 0), LOCATION)).toBe(26);
    const result = bound(riders, { vehicles: [minibus()] });
    // Before, 8 seats for 3 riders counted all 12 member-sessions; one ride a session is the most.
    expect(result.total).toBe(4);
    expect(planned(riders, { vehicles: [minibus()] })).toBe(4);
  });

  it('counts the child seats of children cared for at the location, who ride along', () => {
    const toddler = (id: string) => ({ id, birthDate: '2025-06-01', careByPartner: false });
    const mothers = ['a', 'b'].map((id, i) =>
      woman(id, { transport: 'pickup', position: north(12 + i / 2), children: [toddler(`${id}1`)] }),
    );
    const oppas = {
      id: 'oppas',
      kind: 'volunteer' as const,
      locationId: 'loc',
      position: LOCATION,
      openingHours: weekdays('09:00', '16:00'),
      places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 4 }],
    };
    const over = { vehicles: [minibus({ childSeats: 1 })], providers: [oppas] };
    // Seats and places for both; one child seat, and no time for a second trip: one mother a session.
    expect(bound(mothers, over).total).toBe(4);
    expect(planned(mothers, over)).toBe(4);
    // With two child seats both come.
    const roomy = { ...over, vehicles: [minibus({ childSeats: 2 })] };
    expect(bound(mothers, roomy).total).toBe(8);
    expect(planned(mothers, roomy)).toBe(8);
  });

  it('is never below what the joint planner lets come, on generated small regions', () => {
    const child = fc.record({
      id: fc.constant(''),
      birthDate: fc.constantFrom('2025-06-01', '2023-03-01', '2019-09-01'),
      careByPartner: fc.boolean(),
    });
    const member = fc.record({
      north: fc.integer({ min: -14, max: 14 }),
      east: fc.integer({ min: -14, max: 14 }),
      pickup: fc.boolean(),
      children: fc.array(child, { maxLength: 2 }),
    });
    const instance = fc.record({
      members: fc.array(member, { minLength: 1, maxLength: 10 }),
      vehicles: fc.array(
        fc.record({
          seats: fc.integer({ min: 1, max: 8 }),
          childSeats: fc.integer({ min: 0, max: 3 }),
          depotNorth: fc.integer({ min: -10, max: 10 }),
        }),
        { maxLength: 3 },
      ),
      places: fc.integer({ min: 0, max: 4 }),
      start: fc.constantFrom(600, 780),
    });
    fc.assert(fc.property(instance, boundHoldsFor), { numRuns: 60, seed: 11 });
  }, 120_000);

  it('is never below what the joint planner lets come where two groups share the care places at their times', () => {
    const toddler = fc.record({
      id: fc.constant(''),
      birthDate: fc.constantFrom('2025-06-01', '2023-03-01', '2019-09-01'),
      careByPartner: fc.constant(false),
    });
    const member = fc.record({
      north: fc.integer({ min: -5, max: 5 }),
      children: fc.array(toddler, { maxLength: 2 }),
    });
    const instance = fc.record({
      groups: fc.tuple(fc.array(member, { minLength: 1, maxLength: 5 }), fc.array(member, { maxLength: 5 })),
      starts: fc.tuple(fc.constantFrom(600, 660, 780), fc.constantFrom(600, 690, 780)),
      places: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(fc.property(instance, sharedBoundHoldsFor), { numRuns: 40, seed: 5 });
  }, 120_000);

  it('is never below it where toddlers ride along and the vehicles make several trips', () => {
    // Close together, so that a vehicle can go round again in the arrival window, each mother with toddlers
    // cared for at the location: their boarding lengthens every trip.
    const toddler = fc.record({
      id: fc.constant(''),
      birthDate: fc.constantFrom('2025-06-01', '2023-03-01'),
      careByPartner: fc.constant(false),
    });
    const member = fc.record({
      north: fc.integer({ min: -6, max: 6 }),
      east: fc.integer({ min: -6, max: 6 }),
      pickup: fc.constant(true),
      children: fc.array(toddler, { maxLength: 2 }),
    });
    const instance = fc.record({
      members: fc.array(member, { minLength: 2, maxLength: 10 }),
      vehicles: fc.array(
        fc.record({
          seats: fc.integer({ min: 3, max: 8 }),
          childSeats: fc.integer({ min: 1, max: 4 }),
          depotNorth: fc.integer({ min: -6, max: 6 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      places: fc.constant(20),
      start: fc.constantFrom(600, 780),
    });
    fc.assert(fc.property(instance, boundHoldsFor), { numRuns: 40, seed: 3 });
  }, 120_000);
});

/** A generated instance: women (where they live, whether they need a ride, their children), vehicles, places. */
interface Instance {
  members: {
    north: number;
    east: number;
    pickup: boolean;
    children: { id: string; birthDate: string; careByPartner: boolean }[];
  }[];
  vehicles: { seats: number; childSeats: number; depotNorth: number }[];
  places: number;
  start: number;
}

/** Volunteer care at the location on weekdays 09:00-16:00, for children up to 12, with these places. */
const oppasOf = (places: number) => ({
  id: 'oppas',
  kind: 'volunteer' as const,
  locationId: 'loc',
  position: LOCATION,
  openingHours: weekdays('09:00', '16:00'),
  places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: places }],
});

/** The bound is at least what the joint planner lets come, for the instance's group at its start. */
function boundHoldsFor({ members, vehicles, places, start }: Instance): void {
  const participants = members.map((m, i) =>
    woman(`p${i}`, {
      position: at(m.north, m.east),
      transport: m.pickup ? 'pickup' : 'bike',
      children: m.children.map((c, k) => ({ ...c, id: `p${i}c${k}` })),
    }),
  );
  const over: Partial<BoundResources> = {
    vehicles: vehicles.map((v, i) => minibus({ id: `v${i}`, ...v, depot: north(v.depotNorth) })),
    providers: [oppasOf(places)],
  };
  const input = planning(participants.map((p) => p.id));
  input.groups[0].pinned = [{ weekday: 2, start: start === 600 ? '10:00' : '13:00' }];
  const atMost = planned(participants, over, start);
  expect(canComeBound(input, region(participants, over), (id) => id).total).toBeGreaterThanOrEqual(atMost);
  expect(
    solved(canComeBound(input, region(participants, over), (id) => id, { linearProgram: true })),
  ).toBeGreaterThanOrEqual(atMost);
}

type SharingMember = Pick<Instance['members'][number], 'north' | 'children'>;

/** Two groups at one location, at their own Tuesday times, sharing its care places: the bound is at least the plan's. */
function sharedBoundHoldsFor({
  groups,
  starts,
  places,
}: {
  groups: [SharingMember[], SharingMember[]];
  starts: [number, number];
  places: number;
}): void {
  const members = groups.map((group, g) =>
    group.map((m, i) =>
      woman(`g${g}p${i}`, {
        position: north(m.north),
        children: m.children.map((c, k) => ({ ...c, id: `g${g}p${i}c${k}` })),
      }),
    ),
  );
  const participants = members.flat();
  const over: Partial<BoundResources> = {
    providers: [oppasOf(places)],
  };
  const input = planning(participants.map((p) => p.id));
  input.locations[0].rooms = 2;
  input.trainers.push({ id: 'tr2', availability: weekdays('08:00', '18:00') });
  const [template] = input.groups;
  const time = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  input.groups = members.map((group, g) => ({
    ...template,
    id: `g${g}`,
    memberIds: group.map((p) => p.id),
    trainerIds: [g === 0 ? 'tr' : 'tr2'],
    pinned: [{ weekday: 2, start: time(starts[g]) }],
  }));
  const plan = planCareAndRides({
    ...region(participants, over),
    isSchoolClosed: () => false,
    sessions: members.flatMap((group, g) =>
      TUESDAYS.map((date) => ({
        id: `${g}@${date}`,
        groupId: `g${g}`,
        locationId: 'loc',
        date,
        weekday: 2,
        start: starts[g],
        end: starts[g] + 150,
        memberIds: group.map((p) => p.id),
        blocked: new Map(),
      })),
    ),
  });
  const atMost = plan.verdicts.filter((verdict) => verdict.canCome).length;
  expect(
    solved(canComeBound(input, region(participants, over), (id) => id, { linearProgram: true })),
  ).toBeGreaterThanOrEqual(atMost);
}
