import { insertionCandidates, SearchContext, Solution } from '../search/solution';

/**
 * Regret-2 insertion: repeatedly place the job that would lose most by waiting (the difference between its
 * best and second-best route), at its best place. Jobs only one route can take go first. Insertion costs
 * per (job, route) are cached and recomputed only for the route that changed.
 */
export function regretInsertion(context: SearchContext, solution: Solution): void {
  const { c, inserter } = context;
  const V = c.vehicleCount;
  const cost = new Float64Array(c.jobCount * V);
  const at = new Int32Array(c.jobCount * V * 2);
  const stamp = new Int32Array(c.jobCount * V).fill(-1);
  const version = new Int32Array(V);
  const pending = [...solution.unassigned];
  while (pending.length > 0) {
    const candidates = insertionCandidates(c, solution);
    let chosen = -1;
    let chosenVehicle = -1;
    let chosenRegret = -Infinity;
    let chosenCost = Infinity;
    for (const job of pending) {
      let first = Infinity;
      let second = Infinity;
      let firstVehicle = -1;
      for (const v of candidates) {
        const route = solution.routes[v];
        const cell = job * V + v;
        if (stamp[cell] !== version[v]) {
          cost[cell] = inserter.bestIn(route, job, Infinity, null, 0);
          at[cell * 2] = inserter.a;
          at[cell * 2 + 1] = inserter.b;
          stamp[cell] = version[v];
        }
        if (cost[cell] < first) {
          second = first;
          first = cost[cell];
          firstVehicle = v;
        } else if (cost[cell] < second) second = cost[cell];
      }
      if (firstVehicle < 0 || first === Infinity) continue;
      const regret = second - first;
      if (regret > chosenRegret || (regret === chosenRegret && first < chosenCost)) {
        chosen = job;
        chosenVehicle = firstVehicle;
        chosenRegret = regret;
        chosenCost = first;
      }
    }
    if (chosen < 0) break;
    const cell = chosen * V + chosenVehicle;
    solution.insert(context, chosen, chosenVehicle, at[cell * 2], at[cell * 2 + 1]);
    version[chosenVehicle]++;
    pending.splice(pending.indexOf(chosen), 1);
  }
}
