import fc from 'fast-check';
import { RoutingInputError } from './model/errors';
import { Job, RoutingProblem, Vehicle } from './model/problem';
import { RoutingSolution, WarmStart } from './model/solution';
import { solveRouting } from './solve';

/** Places on a line: travel time between i and j is 10 × |i − j|. */
const line = (size: number) =>
  Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => 10 * Math.abs(i - j)));

const bus = (id: string, extra: Partial<Vehicle> = {}): Vehicle => ({
  id,
  start: 0,
  end: 0,
  capacity: [8, 2],
  earliest: 0,
  latest: 1000,
  ...extra,
});

const stop = (id: string, location: number, extra: Partial<Job> = {}): Job =>
  ({ kind: 'stop', id, location, service: 0, demand: [1, 0], ...extra }) as Job;

/** A ride from home to the training location, delivered in [from, to]. */
const ride = (
  id: string,
  home: number,
  location: number,
  delivery: [number, number],
  extra: Partial<Job> = {},
): Job =>
  ({
    kind: 'pair',
    id,
    demand: [1, 0],
    pickup: { location: home, service: 2 },
    delivery: { location, service: 0, windows: [delivery] },
    ...extra,
  }) as Job;

const order = (solution: RoutingSolution) =>
  solution.routes.map((route) => [
    route.vehicleId,
    ...route.visits.map((visit) => `${visit.jobId}:${visit.type}`),
  ]);

const warmStartOf = (solution: RoutingSolution): WarmStart => ({
  routes: solution.routes.map((route) => ({
    vehicleId: route.vehicleId,
    visits: route.visits.map(({ jobId, type }) => ({ jobId, type })),
  })),
});

describe('solveRouting', () => {
  it('visits stops along a line in window order and waits for a window', () => {
    const solution = solveRouting({
      duration: line(4),
      vehicles: [bus('bus1', { end: 3 })],
      jobs: [
        stop('a', 1, { windows: [[0, 100]] }),
        stop('b', 2, { windows: [[50, 60]] }),
        stop('c', 3, { windows: [[0, 200]] }),
      ],
    });
    expect(order(solution)).toEqual([['bus1', 'a:stop', 'b:stop', 'c:stop']]);
    // Leaving later saves the wait at b: the route starts at 30 and b is served at its opening.
    const [route] = solution.routes;
    expect(route.start).toBe(30);
    expect(route.visits.map((visit) => visit.start)).toEqual([40, 50, 60]);
    expect(route.distance).toBe(30);
  });

  it('brings riders to the training just in time, leaving the depot as late as that allows', () => {
    // 0 depot, 1 and 2 homes, 3 the training location; arrival wanted in [75, 90].
    const solution = solveRouting({
      duration: line(4),
      vehicles: [bus('bus1')],
      jobs: [ride('amina', 1, 3, [75, 90], { maxRide: 30 } as Partial<Job>), ride('bahar', 2, 3, [75, 90])],
    });
    const [route] = solution.routes;
    expect(route.visits.map((visit) => `${visit.jobId}:${visit.type}@${visit.start}`).sort()).toEqual([
      'amina:delivery@75',
      'amina:pickup@51',
      'bahar:delivery@75',
      'bahar:pickup@63',
    ]);
    expect(route.start).toBe(41);
    const rides = Object.fromEntries(
      route.visits.filter((v) => v.type === 'delivery').map((v) => [v.jobId, v.ride]),
    );
    expect(rides).toEqual({ amina: 22, bahar: 10 });
  });

  it('delays the first pickup so that her ride stays within its limit when a later pickup has to wait', () => {
    const solution = solveRouting({
      duration: line(4),
      vehicles: [bus('bus1', { end: 3 })],
      jobs: [
        ride('amina', 1, 3, [0, 500], { maxRide: 25 } as Partial<Job>),
        { ...ride('bahar', 2, 3, [0, 500]), pickup: { location: 2, service: 2, windows: [[50, 60]] } } as Job,
      ],
    });
    const [route] = solution.routes;
    const pickups = route.visits.filter((visit) => visit.type === 'pickup');
    expect(pickups.map((visit) => `${visit.jobId}@${visit.start}`)).toEqual(['amina@38', 'bahar@50']);
    const amina = route.visits.find((visit) => visit.jobId === 'amina' && visit.type === 'delivery')!;
    expect(amina.ride).toBe(22);
    expect(route.start).toBe(28);
  });

  it('delays a middle pickup when an earlier one is fixed, so that the short route keeps her ride legal', () => {
    // c must be picked up at 10-12, b at 60-70; a, in between, may ride 25 at most. Without delaying a's
    // pickup the short order c, a, b is infeasible.
    const solution = solveRouting({
      duration: line(5),
      vehicles: [bus('bus1', { end: 4 })],
      jobs: [
        { ...ride('c', 1, 4, [0, 500]), pickup: { location: 1, service: 2, windows: [[10, 12]] } } as Job,
        ride('a', 2, 4, [0, 500], { maxRide: 25 } as Partial<Job>),
        { ...ride('b', 3, 4, [0, 500]), pickup: { location: 3, service: 2, windows: [[60, 70]] } } as Job,
      ],
    });
    const [route] = solution.routes;
    expect(route.distance).toBe(40);
    const pickups = route.visits.filter((visit) => visit.type === 'pickup');
    expect(pickups.map((visit) => `${visit.jobId}@${visit.start}`)).toEqual(['c@12', 'a@48', 'b@60']);
    expect(route.visits.find((visit) => visit.jobId === 'a' && visit.type === 'delivery')!.ride).toBe(22);
  });

  it('lists who cannot be routed, with the reason', () => {
    const solution = solveRouting({
      duration: line(4),
      vehicles: [bus('car', { capacity: [4, 1] })],
      jobs: [
        stop('twins', 1, { demand: [3, 2] }),
        stop('too-early', 3, { windows: [[0, 20]] }),
        stop('family', 1, { demand: [3, 0] }),
        stop('cousins', 2, { demand: [3, 0] }),
      ],
    });
    expect(solution.unassigned).toEqual([
      { jobId: 'twins', reason: 'no-vehicle-fits' },
      { jobId: 'too-early', reason: 'time-window' },
      { jobId: expect.stringMatching(/family|cousins/), reason: 'fleet-full' },
    ]);
    expect(solution.routes).toHaveLength(1);
  });

  it('takes a second vehicle when one is shorter, and not when vehicles cost more than driving', () => {
    // a and b lie 10 from the depot but 25 from each other.
    const duration = [
      [0, 10, 10],
      [10, 0, 25],
      [10, 25, 0],
    ];
    const problem: RoutingProblem = {
      duration,
      vehicles: [bus('bus1'), bus('bus2')],
      jobs: [stop('a', 1), stop('b', 2)],
    };
    expect(solveRouting(problem).routes).toHaveLength(2);
    const fewer = solveRouting({ ...problem, costPerVehicle: 100 });
    expect(fewer.routes).toHaveLength(1);
    expect(fewer.cost).toMatchObject({ distance: 45, vehicles: 100 });
  });

  it('keeps her on the vehicle she prefers when the vehicles are otherwise the same', () => {
    const problem: RoutingProblem = {
      duration: line(3),
      vehicles: [bus('bus1'), bus('bus2')],
      jobs: [stop('a', 1), stop('b', 2, { preference: { vehicleId: 'bus2', vehicleWeight: 5 } })],
    };
    const solution = solveRouting(problem);
    expect(
      solution.routes.find((route) => route.visits.some((visit) => visit.jobId === 'b'))?.vehicleId,
    ).toBe('bus2');
  });

  it('only uses the vehicles a job allows', () => {
    const solution = solveRouting({
      duration: line(3),
      vehicles: [bus('bus1'), bus('van', { capacity: [4, 0] })],
      jobs: [stop('a', 1, { allowedVehicles: ['van'] }), stop('b', 2)],
      costPerVehicle: 1000,
    });
    expect(solution.routes.map((route) => route.vehicleId)).toEqual(['van']);
    expect(solution.routes[0].visits.map((visit) => visit.jobId).sort()).toEqual(['a', 'b']);
  });

  it('finds the shortest tour that trying every order finds', () => {
    const permutations = (items: number[]): number[][] =>
      items.length <= 1
        ? [items]
        : items.flatMap((item, i) =>
            permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
          );
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 50 }), y: fc.integer({ min: 0, max: 50 }) }), {
          minLength: 2,
          maxLength: 7,
        }),
        (points) => {
          const duration = points.map((a) => points.map((b) => Math.hypot(a.x - b.x, a.y - b.y)));
          const jobs = points.slice(1).map((_, i) => stop(`s${i + 1}`, i + 1));
          const solution = solveRouting({ duration, vehicles: [bus('bus1')], jobs }, { iterations: 300 });
          const best = Math.min(
            ...permutations(jobs.map((_, i) => i + 1)).map((tour) =>
              [0, ...tour, 0].slice(1).reduce((sum, at, k) => sum + duration[[0, ...tour][k]][at], 0),
            ),
          );
          expect(solution.cost.distance).toBeCloseTo(best, 6);
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('week to week', () => {
    const homes = 7;
    const grid = Array.from({ length: homes + 2 }, (_, i) => ({ x: (i * 37) % 23, y: (i * 53) % 19 }));
    const duration = grid.map((a) => grid.map((b) => Math.round(Math.hypot(a.x - b.x, a.y - b.y))));
    const location = homes + 1;
    const week: RoutingProblem = {
      duration,
      vehicles: [bus('bus1', { capacity: [4, 2] }), bus('bus2', { capacity: [4, 2] })],
      jobs: Array.from({ length: homes }, (_, i) =>
        ride(`p${i}`, i + 1, location, [85, 100], { maxRide: 40 } as Partial<Job>),
      ),
      costPerVehicle: 1000,
    };
    const lastWeek = solveRouting(week, { iterations: 500 });

    it('keeps last week plan when nothing changed', () => {
      const again = solveRouting(week, { iterations: 500, warmStart: warmStartOf(lastWeek) });
      expect(order(again)).toEqual(order(lastWeek));
      expect(again.routes).toEqual(lastWeek.routes);
    });

    it('re-plans an absence without moving the others to another vehicle or order', () => {
      const absent = 'p3';
      const replanned = solveRouting(
        { ...week, jobs: week.jobs.filter((job) => job.id !== absent) },
        { iterations: 0, warmStart: warmStartOf(lastWeek) },
      );
      const without = order(lastWeek).map((route) =>
        route.filter((visit) => !visit.startsWith(`${absent}:`)),
      );
      expect(order(replanned)).toEqual(without.filter((route) => route.length > 1));
      expect(replanned.unassigned).toEqual([]);
    });

    it('with stability preferences, keeps vehicles and pickup times after a search that could change them', () => {
      const preferred = week.jobs.map((job) => {
        const route = lastWeek.routes.find((candidate) =>
          candidate.visits.some((visit) => visit.jobId === job.id),
        )!;
        const pickup = route.visits.find((visit) => visit.jobId === job.id)!;
        return {
          ...job,
          preference: {
            vehicleId: route.vehicleId,
            vehicleWeight: 50,
            time: pickup.start,
            tolerance: 5,
            timeWeight: 5,
          },
        };
      });
      const replanned = solveRouting({ ...week, jobs: preferred }, { iterations: 500, seed: 7 });
      const pickups = (solution: RoutingSolution) =>
        order(solution).map((route) => route.filter((visit) => !visit.endsWith(':delivery')));
      expect(replanned.cost.preferences).toBe(0);
      expect(pickups(replanned)).toEqual(pickups(lastWeek));
    });
  });

  it('refuses a problem it cannot read, with a code', () => {
    const problem: RoutingProblem = { duration: line(2), vehicles: [bus('bus1'), bus('bus1')], jobs: [] };
    expect(() => solveRouting(problem)).toThrow(RoutingInputError);
    expect(() => solveRouting(problem)).toThrow(expect.objectContaining({ code: 'duplicate-id' }));
    expect(() => solveRouting({ ...problem, vehicles: [bus('bus1')], jobs: [stop('a', 5)] })).toThrow(
      expect.objectContaining({ code: 'location-out-of-range' }),
    );
  });

  it('stops at the time limit and says so', () => {
    let now = 0;
    const solution = solveRouting(
      { duration: line(4), vehicles: [bus('bus1')], jobs: [stop('a', 1), stop('b', 2), stop('c', 3)] },
      { iterations: 1000, timeLimitMs: 5, clock: () => now++ },
    );
    expect(solution.stoppedBy).toBe('time-limit');
    expect(solution.iterations).toBeLessThan(10);
    expect(solution.unassigned).toEqual([]);
  });
});
