import fc from 'fast-check';
import { Job, RoutingProblem, TimeWindow } from './model/problem';
import { RoutingSolution } from './model/solution';
import { solveRouting } from './solve';

const EPS = 1e-6;

/**
 * Every hard rule, checked from the problem and the answer alone: each job routed once or listed unassigned;
 * per route the times follow travel and service, windows, the vehicle's availability and duration, load in
 * every dimension at every moment (stop loads ride from the start), pairs picked up before delivery on the
 * same vehicle, ride limits, allowed vehicles.
 */
function brokenRules(problem: RoutingProblem, solution: RoutingSolution): string[] {
  const broken: string[] = [];
  const jobs = new Map(problem.jobs.map((job) => [job.id, job]));
  const seen = new Map<string, number>();
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  const within = (windows: TimeWindow[] | undefined, t: number) =>
    !windows?.length || windows.some(([from, to]) => from - EPS <= t && t <= to + EPS);
  for (const route of solution.routes) {
    const vehicle = problem.vehicles.find((candidate) => candidate.id === route.vehicleId)!;
    const where = `vehicle ${vehicle.id}`;
    if (route.start < vehicle.earliest - EPS || route.end > vehicle.latest + EPS)
      broken.push(`${where}: window`);
    if (route.end - route.start > (vehicle.maxDuration ?? Infinity) + EPS) broken.push(`${where}: duration`);
    const load = vehicle.capacity.map(() => 0);
    for (const visit of route.visits) {
      const job = jobs.get(visit.jobId)!;
      if (job.kind === 'stop') job.demand.forEach((d, k) => (load[k] += d));
    }
    const overloaded = () => load.some((value, k) => value > vehicle.capacity[k] + EPS);
    if (overloaded()) broken.push(`${where}: load at start`);
    let place = vehicle.start;
    let free = route.start;
    const leftPickup = new Map<string, number>();
    for (const visit of route.visits) {
      const job: Job = jobs.get(visit.jobId)!;
      if (job.allowedVehicles && !job.allowedVehicles.includes(vehicle.id))
        broken.push(`${where}: not allowed`);
      const stop = job.kind === 'stop' ? job : visit.type === 'pickup' ? job.pickup : job.delivery;
      if (visit.location !== stop.location) broken.push(`${where}: ${job.id} at the wrong place`);
      if (visit.start < free + problem.duration[place][stop.location] - EPS)
        broken.push(`${where}: ${job.id} too soon`);
      if (!within(stop.windows, visit.start)) broken.push(`${where}: ${job.id} outside its window`);
      if (job.kind === 'stop') {
        count(job.id);
        job.demand.forEach((d, k) => (load[k] -= d));
      } else if (visit.type === 'pickup') {
        leftPickup.set(job.id, visit.start + stop.service);
        job.demand.forEach((d, k) => (load[k] += d));
      } else {
        count(job.id);
        const left = leftPickup.get(job.id);
        if (left === undefined)
          broken.push(`${where}: ${job.id} delivered before its pickup on this vehicle`);
        else if (visit.start - left > (job.maxRide ?? Infinity) + EPS)
          broken.push(`${where}: ${job.id} rides too long`);
        leftPickup.delete(job.id);
        job.demand.forEach((d, k) => (load[k] -= d));
      }
      if (overloaded()) broken.push(`${where}: load at ${job.id}`);
      free = visit.start + stop.service;
      place = stop.location;
    }
    if (leftPickup.size > 0) broken.push(`${where}: picked up, never delivered`);
    if (route.end < free + problem.duration[place][vehicle.end] - EPS) broken.push(`${where}: back too soon`);
  }
  for (const { jobId } of solution.unassigned) count(jobId);
  for (const job of problem.jobs)
    if (seen.get(job.id) !== 1) broken.push(`${job.id} routed ${seen.get(job.id) ?? 0} times`);
  return broken;
}

const point = fc.record({ x: fc.integer({ min: 0, max: 40 }), y: fc.integer({ min: 0, max: 40 }) });
const window = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 10, max: 120 }))
  .map(([from, width]): TimeWindow => [from, from + width]);

/** Small random problems mixing stop and pair jobs, ride limits, route durations, two capacity dimensions. */
const problems = fc
  .record({
    points: fc.array(point, { minLength: 3, maxLength: 12 }),
    vehicles: fc.array(
      fc.record({
        seats: fc.integer({ min: 2, max: 8 }),
        childSeats: fc.integer({ min: 0, max: 3 }),
        earliest: fc.integer({ min: 0, max: 40 }),
        span: fc.integer({ min: 100, max: 400 }),
        maxDuration: fc.option(fc.integer({ min: 60, max: 250 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    jobs: fc.array(
      fc.record({
        pair: fc.boolean(),
        from: fc.nat(),
        to: fc.nat(),
        people: fc.integer({ min: 1, max: 2 }),
        children: fc.constantFrom(0, 0, 0, 0, 1, 2),
        windows: fc.array(window, { maxLength: 2 }),
        deliveryWindows: fc.array(window, { maxLength: 1 }),
        maxRide: fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined }),
        allowed: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
      }),
      { minLength: 1, maxLength: 9 },
    ),
  })
  .map(({ points, vehicles, jobs }): RoutingProblem => {
    const duration = points.map((a) => points.map((b) => Math.round(Math.hypot(a.x - b.x, a.y - b.y))));
    return {
      duration,
      vehicles: vehicles.map((vehicle, v) => ({
        id: `bus${v}`,
        start: 0,
        end: v % 2 === 0 ? 0 : points.length - 1,
        capacity: [vehicle.seats, vehicle.childSeats],
        earliest: vehicle.earliest,
        latest: vehicle.earliest + vehicle.span,
        maxDuration: vehicle.maxDuration,
      })),
      jobs: jobs.map((job, j): Job => {
        const base = {
          id: `j${j}`,
          demand: [job.people + job.children, job.children],
          allowedVehicles: job.allowed === undefined ? undefined : [`bus${job.allowed % vehicles.length}`],
        };
        const from = 1 + (job.from % (points.length - 1));
        const to = job.to % points.length;
        return job.pair
          ? {
              ...base,
              kind: 'pair',
              maxRide: job.maxRide,
              pickup: { location: from, service: 2, windows: job.windows },
              delivery: { location: to, service: 1, windows: job.deliveryWindows },
            }
          : { ...base, kind: 'stop', location: from, service: 3, windows: job.windows };
      }),
    };
  });

describe('routing rules (properties)', () => {
  it('never breaks a hard rule and routes every job once or lists it', () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        const solution = solveRouting(problem, { seed, iterations: 40 });
        expect(brokenRules(problem, solution)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same solution for the same seed', () => {
    fc.assert(
      fc.property(problems, fc.integer({ min: 1, max: 1000 }), (problem, seed) => {
        expect(solveRouting(problem, { seed, iterations: 30 })).toEqual(
          solveRouting(problem, { seed, iterations: 30 }),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('gives each unassigned job the reason that solving it alone confirms', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const solution = solveRouting(problem, { iterations: 20 });
        for (const { jobId, reason } of solution.unassigned) {
          const job = problem.jobs.find((candidate) => candidate.id === jobId)!;
          const fitting = problem.vehicles.filter(
            (vehicle) =>
              (!job.allowedVehicles || job.allowedVehicles.includes(vehicle.id)) &&
              job.demand.every((d, k) => d <= vehicle.capacity[k]),
          );
          if (reason === 'no-vehicle-fits') expect(fitting).toEqual([]);
          else {
            expect(fitting.length).toBeGreaterThan(0);
            const alone = solveRouting({ ...problem, jobs: [job], vehicles: fitting }, { iterations: 0 });
            expect(alone.unassigned.length).toBe(reason === 'time-window' ? 1 : 0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a warm start that nothing changed and that the search cannot better', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const first = solveRouting(problem, { iterations: 60 });
        const warmStart = {
          routes: first.routes.map((route) => ({
            vehicleId: route.vehicleId,
            visits: route.visits.map(({ jobId, type }) => ({ jobId, type })),
          })),
        };
        const again = solveRouting(problem, { iterations: 0, warmStart });
        expect(again.routes).toEqual(first.routes);
        expect(again.unassigned).toEqual(first.unassigned);
        const searched = solveRouting(problem, { iterations: 60, warmStart });
        expect(searched.cost.total).toBeLessThanOrEqual(first.cost.total + EPS);
      }),
      { numRuns: 60 },
    );
  });
});
