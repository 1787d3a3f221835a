import { Compiled, EPS } from './model/compiled';
import { UnassignedReason } from './model/solution';
import { buildRoute } from './route/route-state';
import { Scheduler } from './route/scheduler';

/** Why a job is left out: no vehicle is big enough, none can serve it in time even alone, or no room left. */
export function unassignedReason(c: Compiled, scheduler: Scheduler, job: number): UnassignedReason {
  const dims = c.dims;
  const first = c.jobFirstNode[job];
  const nodes = c.jobIsPair[job] ? Int32Array.of(first, first + 1) : Int32Array.of(first);
  let fits = false;
  for (let v = 0; v < c.vehicleCount; v++) {
    if (c.jobAllowed && !c.jobAllowed[job * c.vehicleCount + v]) continue;
    let big = true;
    for (let d = 0; d < dims; d++)
      if (c.jobDemand[job * dims + d] > c.vehicleCapacity[v * dims + d] + EPS) big = false;
    if (!big) continue;
    fits = true;
    if (buildRoute(c, scheduler, v, nodes)) return 'fleet-full';
  }
  return fits ? 'time-window' : 'no-vehicle-fits';
}
