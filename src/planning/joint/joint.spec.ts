import { offlineTravel } from '../travel/offline-travel';
import { JointInput, JointPlan, JointSession } from './model';
import { planCareAndRides } from './plan-care-and-rides';
import { advise, bestOffer } from './advice';
import { toMinutes } from '../time/calendar';

const weekdays = [1, 2, 3, 4, 5];
const hours = (from: string, to: string) => weekdays.map((weekday) => ({ weekday, from, to }));
const LOCATION = { lat: 52.1, lon: 6.5 };
const near = (km: number) => ({ lat: 52.1 + km / 111, lon: 6.5 });

const session = (over: Partial<JointSession> = {}): JointSession => ({
  id: 's1',
  groupId: 'g',
  locationId: 'loc',
  date: '2027-01-12',
  weekday: 2,
  start: 10 * 60,
  end: 12 * 60 + 30,
  memberIds: ['p1', 'p2'],
  blocked: new Map(),
  ...over,
});

const region = (over: Partial<JointInput> = {}): JointInput => ({
  policy: { arriveMinutesBefore: 10, maxEarlyMinutes: 45, maxRideMinutes: 45, maxRideFactor: 1.8 },
  schoolHours: hours('08:30', '14:30'),
  isSchoolClosed: () => false,
  participants: [
    {
      id: 'p1',
      position: near(6),
      transport: 'pickup',
      children: [{ id: 'c1', birthDate: '2025-03-01', careByPartner: false }],
    },
    { id: 'p2', position: near(3), transport: 'bike', children: [] },
  ],
  locations: [{ id: 'loc', position: LOCATION }],
  providers: [
    {
      id: 'oppas',
      kind: 'volunteer',
      position: LOCATION,
      locationId: 'loc',
      openingHours: hours('09:00', '16:00'),
      places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 4 }],
    },
  ],
  vehicles: [
    {
      id: 'bus',
      depot: LOCATION,
      seats: 8,
      childSeats: 2,
      availability: hours('07:30', '18:00'),
    },
  ],
  sessions: [session()],
  minutes: (a, b) => offlineTravel(a, b).minutes,
  ...over,
});

describe('planning care and rides together', () => {
  it('collects her both ways with the child booked at the location on board', () => {
    const plan = planCareAndRides(region());
    const stops = plan.rides.flatMap((ride) =>
      ride.stops.map((stop) => ({ ...stop, direction: ride.direction })),
    );
    expect(stops.filter((stop) => stop.participantId === 'p1').map((s) => [s.direction, s.children])).toEqual(
      [
        ['to', 1],
        ['from', 1],
      ],
    );
    expect(plan.bookings).toEqual([expect.objectContaining({ childId: 'c1', providerId: 'oppas' })]);
    expect(plan.verdicts.every((verdict) => verdict.canCome)).toBe(true);
  });

  it('takes her to an outing’s first place by its time, and home from its last place when the group leaves it', () => {
    const lastPlace = { lat: 52.1 - 10 / 111, lon: 6.5 };
    const plan = planCareAndRides(
      region({
        locations: [
          { id: 'loc', position: LOCATION },
          { id: 'museum', position: lastPlace },
        ],
        sessions: [
          session({ outing: { to: { start: 10 * 60 + 15 }, from: { locationId: 'museum', end: 12 * 60 } } }),
        ],
      }),
    );
    const to = plan.rides.find((ride) => ride.direction === 'to')!;
    const from = plan.rides.find((ride) => ride.direction === 'from')!;
    expect(to.arrive).toBeLessThanOrEqual(10 * 60 + 15);
    expect(to.arrive).toBeGreaterThan(10 * 60 - 10);
    expect(from.depart).toBe(12 * 60);
    const home = from.stops.find((stop) => stop.participantId === 'p1')!;
    // From the museum, 16 km from her home, not from the usual place 6 km away.
    expect(home.time - from.depart).toBeGreaterThanOrEqual(offlineTravel(lastPlace, near(6)).minutes);
    expect(plan.verdicts.every((verdict) => verdict.canCome)).toBe(true);
  });

  it('counts her ride limit home from the last place of a tour, not from the first', () => {
    // She lives 1 km from the first place; the tour ends 60 km away, much further than 45 minutes.
    const farPlace = near(-60);
    const plan = planCareAndRides(
      region({
        participants: [{ id: 'p1', position: near(1), transport: 'pickup', children: [] }],
        locations: [
          { id: 'loc', position: LOCATION },
          { id: 'far', position: farPlace },
        ],
        sessions: [
          session({
            memberIds: ['p1'],
            outing: { to: { start: 10 * 60 }, from: { locationId: 'far', end: 12 * 60 + 30 } },
          }),
        ],
      }),
    );
    expect(offlineTravel(farPlace, near(1)).minutes).toBeGreaterThan(45);
    expect(plan.unrouted).toEqual([]);
    const home = plan.rides.find((ride) => ride.direction === 'from')!;
    expect(home.stops.map((stop) => stop.participantId)).toEqual(['p1']);
    expect(plan.verdicts).toEqual([expect.objectContaining({ participantId: 'p1', canCome: true })]);
  });

  describe('on an outing', () => {
    const toddler = (id: string) => ({ id, birthDate: '2025-03-01', careByPartner: false });
    const riders = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `p${i + 1}`,
        position: near(4 + i),
        transport: 'pickup',
        children: i === 0 ? [toddler('c1')] : [],
      }));
    // The bus waits at the location; the van comes from far away, so the usual rides would take the bus.
    const bus = {
      id: 'bus',
      depot: LOCATION,
      seats: 8,
      childSeats: 2,
      availability: hours('07:30', '18:00'),
    };
    const van = { ...bus, id: 'van', depot: near(-15), seats: 4, childSeats: 1 };
    const outing = (count: number, isOuting: boolean) =>
      region({
        participants: riders(count),
        vehicles: [van, bus],
        sessions: [
          session({
            memberIds: riders(count).map((p) => p.id),
            ...(isOuting && {
              outing: { to: { start: 10 * 60 }, from: { locationId: 'loc', end: 12 * 60 + 30 } },
            }),
          }),
        ],
      });
    const ridersOf = (ride: { stops: { participantId: string }[] }) =>
      ride.stops.map((s) => s.participantId).sort();

    it('takes the whole group in the smallest vehicle that has room for all, one trip each way', () => {
      const plan = planCareAndRides(outing(3, true));
      expect(plan.rides.map((ride) => [ride.direction, ride.vehicleId, ridersOf(ride)])).toEqual([
        ['to', 'van', ['p1', 'p2', 'p3']],
        ['from', 'van', ['p1', 'p2', 'p3']],
      ]);
      // Her child, cared for at the location, rides along both ways.
      const p1 = plan.rides.map((ride) => ride.stops.find((stop) => stop.participantId === 'p1')!.children);
      expect(p1).toEqual([1, 1]);
      expect(plan.bookings.map((b) => [b.childId, b.providerId])).toEqual([['c1', 'oppas']]);
      expect(plan.verdicts.every((verdict) => verdict.canCome)).toBe(true);
      // A session at its usual place gets the usual rides.
      expect(planCareAndRides(outing(3, false)).rides.map((ride) => ride.vehicleId)).toContain('bus');
    });

    it('gives the usual rides when no vehicle has room for the whole group', () => {
      // Eight women and a child: nine seats, one more than the bus has.
      const everyone = riders(8).map((p) => p.id);
      const plan = planCareAndRides(outing(8, true));
      expect(plan.rides).toEqual(planCareAndRides(outing(8, false)).rides);
      for (const direction of ['to', 'from']) {
        const ways = plan.rides.filter((ride) => ride.direction === direction);
        expect(ways.length).toBeGreaterThan(1);
        expect(ways.flatMap(ridersOf).sort()).toEqual(everyone);
      }
      expect(plan.verdicts.every((verdict) => verdict.canCome)).toBe(true);
    });
  });

  it('collects her not at all when no vehicle can take her home, and says so', () => {
    const plan = planCareAndRides(
      region({
        vehicles: [
          { id: 'bus', depot: LOCATION, seats: 8, childSeats: 2, availability: hours('07:30', '11:00') },
        ],
      }),
    );
    expect(plan.rides.flatMap((ride) => ride.stops)).toEqual([]);
    expect(plan.unrouted.filter((u) => u.participantId === 'p1').map((u) => u.direction)).toEqual([
      'to',
      'from',
    ]);
    const verdict = plan.verdicts.find((v) => v.participantId === 'p1')!;
    expect(verdict.canCome).toBe(false);
    expect(verdict.reasons).toEqual(['no ride back']);
    // Her child is listed, not left for nobody to know of, and takes no place.
    expect(plan.bookings).toEqual([]);
    expect(plan.unmet).toEqual([
      expect.objectContaining({ childId: 'c1', reason: 'her mother has no ride' }),
    ]);
  });

  it('gives a school child care when her mother is collected before school starts', () => {
    const schoolChild = { id: 'c2', birthDate: '2019-05-01', careByPartner: false };
    const early = planCareAndRides(
      region({
        participants: [{ id: 'p1', position: near(12), transport: 'pickup', children: [schoolChild] }],
        sessions: [session({ start: 9 * 60, end: 11 * 60 + 30, memberIds: ['p1'] })],
      }),
    );
    const pickup = early.rides.find((ride) => ride.direction === 'to')!.stops[0].time;
    expect(pickup).toBeLessThan(8 * 60 + 30);
    expect(early.bookings.map((b) => b.childId)).toEqual(['c2']);
    const late = planCareAndRides(
      region({
        participants: [{ id: 'p1', position: near(12), transport: 'pickup', children: [schoolChild] }],
        sessions: [session({ start: 10 * 60 + 15, end: 12 * 60 + 45, memberIds: ['p1'] })],
      }),
    );
    expect(late.bookings).toEqual([]);
    expect(late.verdicts[0].canCome).toBe(true);
  });

  it('books all of a mother’s children or none, so that a place goes to a mother who can come', () => {
    const toddler = (id: string) => ({ id, birthDate: '2025-01-01', careByPartner: false });
    const plan = planCareAndRides(
      region({
        participants: [
          { id: 'p1', position: near(2), transport: 'own', children: [toddler('a1'), toddler('a2')] },
          { id: 'p2', position: near(2), transport: 'own', children: [toddler('b1')] },
        ],
        providers: [
          { ...region().providers[0], places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 2 }] },
        ],
      }),
    );
    expect(plan.bookings.map((b) => b.childId)).toEqual(['b1']);
    expect(plan.unmet.map((u) => u.childId).sort()).toEqual(['a1', 'a2']);
    expect(plan.verdicts.map((v) => [v.participantId, v.canCome])).toEqual([
      ['p1', false],
      ['p2', true],
    ]);
  });

  it('books care near home over her whole time away, pickup to drop-off', () => {
    const home = near(8);
    const plan = planCareAndRides(
      region({
        participants: [
          {
            id: 'p1',
            position: home,
            transport: 'pickup',
            children: [{ id: 'c1', birthDate: '2025-03-01', careByPartner: false }],
          },
        ],
        providers: [
          {
            id: 'kdv-home',
            kind: 'formal',
            position: { lat: home.lat + 0.005, lon: home.lon },
            openingHours: hours('07:00', '18:30'),
            places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 3 }],
          },
        ],
        sessions: [session({ memberIds: ['p1'] })],
      }),
    );
    const [booking] = plan.bookings;
    const to = plan.rides.find((r) => r.direction === 'to')!.stops[0];
    const from = plan.rides.find((r) => r.direction === 'from')!.stops[0];
    expect(booking.providerId).toBe('kdv-home');
    expect(booking.from).toBeLessThanOrEqual(to.time);
    expect(booking.to).toBeGreaterThanOrEqual(from.time);
    // The child stays near home: nobody rides along.
    expect([to.children, from.children]).toEqual([0, 0]);
  });

  it('gives the same plan for the same input, whatever the order of its lists', () => {
    const input = region({
      participants: Array.from({ length: 10 }, (_, i) => ({
        id: `p${i}`,
        position: near(2 + i),
        transport: i % 2 ? 'pickup' : 'bike',
        children: [{ id: `c${i}`, birthDate: '2024-06-01', careByPartner: false }],
      })),
      sessions: [session({ memberIds: Array.from({ length: 10 }, (_, i) => `p${i}`) })],
    });
    const shuffled: JointInput = {
      ...input,
      participants: [...input.participants].reverse(),
      sessions: input.sessions.map((s) => ({ ...s, memberIds: [...s.memberIds].reverse() })),
    };
    expect(planCareAndRides(shuffled)).toEqual(planCareAndRides(input));
  });

  it('advises one more vehicle where women have no ride, judged by planning again', () => {
    const input = region({ vehicles: [] });
    const plan = planCareAndRides(input);
    const [advice] = advise(input, plan, { location: () => 'Buurthuis De Ster' });
    expect(advice).toMatchObject({ kind: 'vehicle', weekday: 2, locationId: 'loc', more: 1, perWeek: 1 });
    // Named for the hours it drives in that plan, not the whole day it was offered: it leaves the location in
    // time to bring her before the session's 10:00 and has brought her home soon after 12:30.
    expect(advice.vehicle).toEqual({ seats: 8, childSeats: 2, from: '09:15', to: '12:45' });
    const rides = planCareAndRides({
      ...input,
      vehicles: [
        {
          id: 'bus',
          depot: LOCATION,
          seats: 8,
          childSeats: 2,
          availability: [{ weekday: 2, from: advice.vehicle!.from, to: advice.vehicle!.to }],
        },
      ],
    });
    // Offered only those hours, it still brings her both ways.
    expect(rides.verdicts.filter((verdict) => verdict.canCome)).toHaveLength(
      plan.verdicts.filter((verdict) => verdict.canCome).length + 1,
    );
    expect(advice.text).toBe(
      'one 8-seat vehicle (2 child seats) on Tuesday 09:15-12:45 around Buurthuis De Ster ' +
        'lets 1 more woman come each week (1 member-session in all)',
    );
    // Where everyone can come, there is nothing to advise.
    const full = region();
    expect(advise(full, planCareAndRides(full), { location: () => '' })).toEqual([]);
  });

  it('advises the vehicle for the part of the day where it lets most come, and of equal offers the shortest', () => {
    // Nobody has a ride, in the morning's session or the afternoon's.
    const input = region({
      participants: [
        { id: 'p1', position: near(6), transport: 'pickup', children: [] },
        { id: 'p3', position: near(5), transport: 'pickup', children: [] },
      ],
      vehicles: [],
      sessions: [
        session({ memberIds: ['p1'] }),
        session({ id: 's2', groupId: 'g2', start: 13 * 60 + 30, end: 16 * 60, memberIds: ['p3'] }),
      ],
    });
    const [advice] = advise(input, planCareAndRides(input), { location: () => 'Buurthuis De Ster' });
    // Offered for the morning's or the afternoon's session alone it lets one come; all day, both.
    expect(advice).toMatchObject({ kind: 'vehicle', more: 2 });
    // From taking her to the 10:00 session until bringing the other home after 16:00.
    expect(advice.vehicle).toMatchObject({ from: '09:15', to: '16:15' });

    const offer = (total: number, from: string, to: string) => ({
      more: { total },
      hours: { from: toMinutes(from), to: toMinutes(to) },
    });
    const wholeDay = offer(59, '07:45', '17:00');
    const morning = offer(59, '07:45', '13:45');
    // The 1000 region's Thursday: the whole day lets no more come than the morning, which asks 3.25 hours less.
    expect(bestOffer([wholeDay, morning, offer(39, '11:15', '17:00')])).toBe(morning);
    // More women come first, however long it drives.
    expect(bestOffer([offer(58, '08:00', '10:00'), wholeDay])).toBe(wholeDay);
    expect(bestOffer([])).toBeUndefined();
  });

  it('advises care places for the ages of the children left without one, said as a parent says them', () => {
    const mother = (id: string, birthDate: string) => ({
      id,
      position: near(3),
      transport: 'bike' as const,
      children: [{ id: `${id}-child`, birthDate, careByPartner: false }],
    });
    // A baby of 10 months and a toddler of 2 years and 10 months on the date; nowhere to take them.
    const input = region({
      participants: [mother('p1', '2026-03-01'), mother('p2', '2024-03-01')],
      providers: [],
    });
    const [advice] = advise(input, planCareAndRides(input), { location: () => 'Buurthuis De Ster' });
    expect(advice).toMatchObject({ kind: 'care', weekday: 2, more: 2, perWeek: 2 });
    // Used while the mothers, who cycle, are at the session (10:00-12:30), with their children there.
    expect(advice.care).toEqual({
      places: 4,
      minAgeMonths: 10,
      maxAgeMonths: 34,
      from: '10:00',
      to: '12:30',
    });
    expect(advice.text).toBe(
      '4 more care places for children from 10 months to 2 years at or near Buurthuis De Ster on Tuesday ' +
        '10:00-12:30 lets 2 more women come each week (2 member-sessions in all)',
    );
  });

  it('collects her only with a vehicle that drives in her municipality', () => {
    const input = region({
      participants: [
        { id: 'p1', position: near(4), transport: 'pickup', municipalityId: 'm1', children: [] },
        { id: 'p2', position: near(5), transport: 'pickup', municipalityId: 'm2', children: [] },
      ],
      vehicles: [{ ...region().vehicles[0], municipalityIds: ['m2'] }],
    });
    const plan = planCareAndRides(input);
    expect(new Set(plan.rides.flatMap((ride) => ride.stops.map((stop) => stop.participantId)))).toEqual(
      new Set(['p2']),
    );
    expect(plan.unrouted.filter((u) => u.participantId === 'p1').map((u) => u.reason)).toEqual([
      'no vehicle collects in her municipality',
      'no vehicle collects in her municipality',
    ]);
  });

  it('drives a vehicle from where its last ride left it, never into two places at once', () => {
    // Two locations 20 km apart; the one bus lives at the second. It brings p1 home, 12 km beyond the first, at
    // about 11:55: from there it cannot collect p3, near the second, for a session at 12:50 (from its depot it
    // could, and before this was planned so).
    const far = { lat: 52.1 - 20 / 111, lon: 6.5 };
    const minutes = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
      offlineTravel(a, b).minutes;
    const input = region({
      participants: [
        { id: 'p1', position: near(12), transport: 'pickup', children: [] },
        { id: 'p3', position: { lat: far.lat + 2 / 111, lon: far.lon }, transport: 'pickup', children: [] },
      ],
      locations: [
        { id: 'loc', position: LOCATION },
        { id: 'far', position: far },
      ],
      vehicles: [{ id: 'bus', depot: far, seats: 8, childSeats: 2, availability: hours('07:30', '18:00') }],
      sessions: [
        session({ id: 's1', start: 9 * 60, end: 11 * 60 + 30, memberIds: ['p1'] }),
        session({
          id: 's2',
          groupId: 'g2',
          locationId: 'far',
          start: 12 * 60 + 50,
          end: 15 * 60 + 20,
          memberIds: ['p3'],
        }),
      ],
      // The sessions in the order of their start times, as this is about that order's rides.
      orderTrials: 0,
    });
    const plan = planCareAndRides(input);
    const place = new Map(input.locations.map((l) => [l.id, l.position]));
    const home = new Map(input.participants.map((p) => [p.id, p.position!]));
    const sessionOf = new Map(input.sessions.map((s) => [s.id, s]));
    // Where each ride begins and ends, and when: there from the first pickup to the location, back from the
    // location to the last drop-off.
    const legs = plan.rides
      .map((ride) => {
        const location = place.get(sessionOf.get(ride.sessionId)!.locationId)!;
        return ride.direction === 'to'
          ? {
              at: ride.stops[0].time,
              from: home.get(ride.stops[0].participantId)!,
              until: ride.arrive,
              to: location,
            }
          : {
              at: ride.depart,
              from: location,
              until: ride.arrive,
              to: home.get(ride.stops.at(-1)!.participantId)!,
            };
      })
      .sort((a, b) => a.at - b.at);
    expect(legs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < legs.length; i++)
      expect(legs[i].at - legs[i - 1].until).toBeGreaterThanOrEqual(minutes(legs[i - 1].to, legs[i].from));
    expect(plan.unrouted.filter((u) => u.participantId === 'p3').map((u) => u.reason)).toContain(
      'the vehicles are on other rides then',
    );
  });

  it('plans a later group first where a morning group’s rides home would take the vehicle it needs', () => {
    // One bus, two locations 24 minutes apart. The morning group ends at 12:30 at the first; the second starts
    // at 12:55 and wants its woman there from 12:10 to 12:45. Taking p1 home at 12:30 first, the bus cannot
    // also bring p2; bringing p2 first, it reaches p1 by 13:10, within the 45 minutes she may wait.
    const second = near(12);
    const input = region({
      participants: [
        { id: 'p1', position: near(-3), transport: 'pickup', children: [] },
        { id: 'p2', position: near(15), transport: 'pickup', children: [] },
      ],
      locations: [
        { id: 'loc', position: LOCATION },
        { id: 'second', position: second },
      ],
      sessions: [
        session({ id: 's1', start: 9 * 60 + 30, end: 12 * 60 + 30, memberIds: ['p1'] }),
        session({
          id: 's2',
          groupId: 'g2',
          locationId: 'second',
          start: 12 * 60 + 55,
          end: 15 * 60 + 55,
          memberIds: ['p2'],
        }),
      ],
    });
    const comes = (plan: ReturnType<typeof planCareAndRides>) =>
      plan.verdicts
        .filter((verdict) => verdict.canCome)
        .map((verdict) => verdict.participantId)
        .sort();
    // By start time alone, one of them is left without a ride.
    expect(comes(planCareAndRides({ ...input, orderTrials: 0 }))).toHaveLength(1);
    const plan = planCareAndRides(input);
    expect(comes(plan)).toEqual(['p1', 'p2']);
    const rideHome = plan.rides.find((ride) => ride.sessionId === 's1' && ride.direction === 'from')!;
    const ridThere = plan.rides.find((ride) => ride.sessionId === 's2' && ride.direction === 'to')!;
    expect(rideHome.depart).toBeGreaterThanOrEqual(ridThere.arrive + offlineTravel(second, LOCATION).minutes);
  });

  it('takes home the women brought there, not others who have no ride there', () => {
    // A bus with one seat, near p1: there it brings p1 (one trip fits), and back it has time for one drop-off
    // before it stops at 12:55. Asked for both, it would take home p2, nearer, and neither could come.
    const input = region({
      participants: [
        { id: 'p1', position: near(-10), transport: 'pickup', children: [] },
        { id: 'p2', position: near(2), transport: 'pickup', children: [] },
      ],
      vehicles: [
        { id: 'bus', depot: near(-11), seats: 1, childSeats: 0, availability: hours('09:00', '12:55') },
      ],
      sessions: [session({ start: 10 * 60, end: 12 * 60 + 30 })],
    });
    const plan = planCareAndRides(input);
    const riders = (direction: string) =>
      plan.rides
        .filter((ride) => ride.direction === direction)
        .flatMap((ride) => ride.stops.map((stop) => stop.participantId));
    expect(riders('to')).toEqual(['p1']);
    expect(riders('from')).toEqual(['p1']);
    expect(
      plan.verdicts.filter((verdict) => verdict.canCome).map((verdict) => verdict.participantId),
    ).toEqual(['p1']);
    expect(plan.unrouted.filter((u) => u.participantId === 'p2').map((u) => [u.direction, u.reason])).toEqual(
      [
        ['to', 'all vehicles are full'],
        ['from', 'no ride there (all vehicles are full), so none back'],
      ],
    );
  });

  it('plans the same with the rides kept under a digest of what they were planned for', () => {
    const texts = new Set<string>();
    const digest = (text: string) => {
      texts.add(text);
      return `#${text.length}:${[...texts].indexOf(text)}`;
    };
    const input = region();
    expect(planCareAndRides({ ...input, digest })).toEqual(planCareAndRides(input));
    expect(texts.size).toBeGreaterThan(0);
  });
});

describe('remembering the dates planned', () => {
  const week = (start: number, date = '2027-01-12') =>
    region({
      participants: Array.from({ length: 6 }, (_, i) => ({
        id: `p${i}`,
        position: near(3 + i),
        transport: 'pickup',
        children: [{ id: `c${i}`, birthDate: '2025-06-01', careByPartner: false }],
      })),
      sessions: [
        session({ id: 'a', groupId: 'ga', date, start, end: start + 150, memberIds: ['p0', 'p1', 'p2'] }),
        session({ id: 'b', groupId: 'gb', date: '2027-01-13', weekday: 3, memberIds: ['p3', 'p4', 'p5'] }),
      ],
    });

  it('plans again only the dates whose sessions changed, and gives what a plan of every date gives', () => {
    const rememberedDates = new Map<string, JointPlan>();
    const remembering = (input: JointInput) => planCareAndRides({ ...input, rememberedDates });
    const first = remembering(week(10 * 60));
    expect(first).toEqual(planCareAndRides(week(10 * 60)));
    const ofDate = (plan: JointPlan, id: string) => plan.verdicts.filter((v) => v.sessionId === id);
    // One group's time moves: its date is planned again, the other date is the one remembered.
    const moved = remembering(week(9 * 60 + 30));
    expect(moved).toEqual(planCareAndRides(week(9 * 60 + 30)));
    expect(rememberedDates.size).toBe(3);
    ofDate(moved, 'b').forEach((verdict, i) => expect(verdict).toBe(ofDate(first, 'b')[i]));
    expect(ofDate(moved, 'b').length).toBeGreaterThan(0);
    // Back where it was: both dates are remembered.
    const back = remembering(week(10 * 60));
    expect(back).toEqual(first);
    back.verdicts.forEach((verdict, i) => expect(verdict).toBe(first.verdicts[i]));
    expect(rememberedDates.size).toBe(3);
  });

  it('plans a date again when who is blocked on it changes', () => {
    const rememberedDates = new Map<string, JointPlan>();
    const input = week(10 * 60);
    planCareAndRides({ ...input, rememberedDates });
    const blocked: JointInput = {
      ...input,
      sessions: input.sessions.map((s) =>
        s.id === 'a' ? { ...s, blocked: new Map([['p0', 'a lesson at that time']]) } : s,
      ),
    };
    expect(planCareAndRides({ ...blocked, rememberedDates })).toEqual(planCareAndRides(blocked));
    expect(rememberedDates.size).toBe(3);
  });
});
