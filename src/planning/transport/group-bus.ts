import { FleetVehicle, RideRequest, SessionRides } from './session-rides';

/**
 * The one vehicle that can take the whole group on an outing: every rider and her children fit in it, every rider
 * may ride in it, and it is free for some of the day. The smallest such vehicle (then the fewest child seats, then
 * its id), so that a big bus is not taken from another group for a few riders; none when no vehicle fits them all.
 */
export function groupBus(requests: RideRequest[], vehicles: FleetVehicle[]): string | undefined {
  if (requests.length < 2) return undefined;
  const children = requests.reduce((sum, request) => sum + request.children, 0);
  const seats = requests.length + children;
  const fits = vehicles
    .filter((vehicle) => vehicle.seats >= seats && vehicle.childSeats >= children && vehicle.free.length > 0)
    .filter((vehicle) =>
      requests.every((request) => !request.vehicleIds || request.vehicleIds.includes(vehicle.id)),
    )
    .sort((a, b) => a.seats - b.seats || a.childSeats - b.childSeats || a.id.localeCompare(b.id));
  return fits[0]?.id;
}

/** The requests with the group bus as the only vehicle each may ride in. */
export const inGroupBus = (requests: RideRequest[], busId: string): RideRequest[] =>
  requests.map((request) => ({ ...request, vehicleIds: [busId] }));

/**
 * An outing's rides one way: the whole group in one trip of the group bus where it takes them all in time, else
 * the usual rides. `solve` plans rides for the requests given, `together` telling it the group bus is tried.
 */
export function outingRides(
  requests: RideRequest[],
  vehicles: FleetVehicle[],
  solve: (requests: RideRequest[], together: boolean) => SessionRides,
): SessionRides {
  const bus = groupBus(requests, vehicles);
  const together = bus ? solve(inGroupBus(requests, bus), true) : undefined;
  return together && together.unrouted.length === 0 && together.rides.length === 1
    ? together
    : solve(requests, false);
}
