import { buildScenario } from '../../factories/scenario.factory';

export interface LoadedRegion {
  ref: string;
  participants: number;
  /** A coordinator's token for the region, made through POST /tokens. */
  coordinatorToken: string;
  /** The driver and day with the most stops, for the route sheet. */
  driverId: string;
  date: string;
  stopsOnSheet: number;
  plan: { sessions: number; routes: number; riders: number; bytes: number };
}

interface PlanRoute {
  vehicleId: string;
  depart: string;
  stops: unknown[];
}

/**
 * A generated region (test/factories/scenario.factory.ts) loaded through the API as a coordinator would: the
 * import, one driver per vehicle, the programme planned (sessions, care and rides), and a coordinator's token.
 */
export async function loadRegion(
  url: string,
  adminToken: string,
  participants: number,
): Promise<LoadedRegion> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  const ref = `load-${participants}`;
  const scenario = buildScenario({ participants, region: ref });
  const { region } = await call<{ region: { id: string } }>('POST', '/imports/scenario', scenario);
  const vehicles = await call<{ items: { id: string; name: string; ref: string }[] }>(
    'GET',
    `/vehicles?region=${ref}&limit=1000`,
  );
  const driverOf = new Map<string, string>();
  for (const [index, vehicle] of vehicles.items.entries()) {
    const driver = await call<{ id: string }>('POST', '/drivers', {
      regionId: region.id,
      name: `Chauffeur ${index + 1}`,
      phone: `+3161234567${index}`,
      vehicleId: vehicle.id,
    });
    driverOf.set(vehicle.ref ?? vehicle.id, driver.id);
    driverOf.set(vehicle.id, driver.id);
  }
  const programmes = await call<{ items: { id: string }[] }>('GET', `/programmes?region=${ref}`);
  for (const programme of programmes.items) await call('POST', `/programmes/${programme.id}/plan`);
  const { token: coordinatorToken } = await call<{ token: string }>('POST', '/tokens', {
    role: 'coordinator',
    regions: [ref],
    label: 'bench:load',
  });

  const planText = await fetch(`${url}/exports/plan?region=${ref}`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  }).then((answer) => answer.text());
  const plan = JSON.parse(planText) as { sessions: unknown[]; routes: PlanRoute[] };
  const stopsPerSheet = new Map<string, number>();
  for (const route of plan.routes) {
    const driverId = driverOf.get(route.vehicleId);
    if (!driverId) continue;
    const key = `${driverId}|${route.depart.slice(0, 10)}`;
    stopsPerSheet.set(key, (stopsPerSheet.get(key) ?? 0) + route.stops.length);
  }
  const [busiest, stopsOnSheet] = [...stopsPerSheet].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!busiest) throw new Error('the plan has no routes with a driver: nothing for a route sheet');
  const [driverId, date] = busiest.split('|');
  return {
    ref,
    participants,
    coordinatorToken,
    driverId,
    date,
    stopsOnSheet,
    plan: {
      sessions: plan.sessions.length,
      routes: plan.routes.length,
      riders: plan.routes.reduce((sum, route) => sum + route.stops.length, 0),
      bytes: Buffer.byteLength(planText),
    },
  };
}
