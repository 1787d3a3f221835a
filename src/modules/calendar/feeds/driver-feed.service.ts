import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AccessContext } from '../../access/access-context';
import { AuditedRecord } from '../../audit/audit.service';
import { LocationsScenarioService } from '../../locations/locations-scenario.service';
import { Participant } from '../../participants/participant.entity';
import { ParticipantsScenarioService } from '../../participants/participants-scenario.service';
import { ProgrammesScenarioService } from '../../programmes/programmes-scenario.service';
import { Session } from '../../programmes/session.entity';
import { SessionsService } from '../../programmes/sessions.service';
import { RegionsService } from '../../regions/regions.service';
import { Route } from '../../routes/route.entity';
import { firstNameOf, passengerDetailsOpen } from '../../routes/passenger-details';
import { RoutesService } from '../../routes/routes.service';
import { DriversService } from '../../transport/drivers.service';
import { TransportScenarioService } from '../../transport/transport-scenario.service';
import { CalendarEvent } from '../ical/calendar-event';
import { FeedContent, SLOW_REFRESH_NOTE, windowStart } from './feed-window';
import { clockTime } from '../../../planning/time/wall-clock';

/** A passenger as a driver may see her on the day of the ride and the day before. */
export interface Passenger {
  firstName: string;
  address: string;
}

export interface Ride {
  uid: string;
  route: Route;
  session: Session;
  groupName: string;
  vehicleName: string;
  location: { name: string; address: string };
  /** By participant id; empty when the ride is further away than tomorrow, so the stops show times only. */
  passengers: Map<string, Passenger>;
  detailed: boolean;
}

const stopsLabel = (n: number) => `${n} ${n === 1 ? 'halte' : 'haltes'}`;
const childrenLabel = (n: number) => (n === 0 ? '' : n === 1 ? ' (1 kind)' : ` (${n} kinderen)`);

export function rideEvent(ride: Ride, zone: string): CalendarEvent {
  const { route, session, groupName, location } = ride;
  const to = route.direction === 'to';
  const place = `${location.name}, ${location.address}`;
  const stops = route.stops.map((stop) => {
    const passenger = ride.detailed ? ride.passengers.get(stop.participantId) : undefined;
    const who = passenger ? `${passenger.firstName} – ${passenger.address}` : `halte ${stop.position}`;
    return `${clockTime(stop.time, zone)}  ${who}${passenger ? childrenLabel(stop.children) : ''}`;
  });
  const lines = [
    to
      ? `Ophalen voor ${groupName} in ${location.name} (bijeenkomst ${clockTime(session.start, zone)}–${clockTime(session.end, zone)}).`
      : `Thuisbrengen na ${groupName} in ${location.name}.`,
    `Voertuig: ${ride.vehicleName}.`,
    ...(to ? stops : [`${clockTime(route.depart, zone)}  vertrek ${place}`, ...stops]),
    ...(to ? [`${clockTime(route.arrive, zone)}  aankomst ${place}`] : []),
  ];
  if (!ride.detailed) {
    lines.push('Namen en adressen staan hier vanaf de dag vóór de rit, en op je ritlijst.');
  }
  lines.push(SLOW_REFRESH_NOTE);
  return {
    uid: ride.uid,
    start: route.depart,
    end: route.arrive,
    summary: `${to ? 'Rit heen' : 'Rit terug'}: ${groupName} (${stopsLabel(route.stops.length)})`,
    description: lines.join('\n'),
    location: place,
    status: 'CONFIRMED',
  };
}

/** The route sheet's rule: a driver sees who she collects on the day of the ride and the day before. */
export const showsPassengers = (depart: Date, now: Date, zone: string): boolean =>
  passengerDetailsOpen(DateTime.fromJSDate(depart, { zone }).toISODate()!, now, zone);

/**
 * A stable UID per ride: routes are made anew at each re-planning, so the key is the session, the direction and
 * the driver (and a number for a second route of hers in the same direction).
 */
export function rideUids(routes: Route[], driverId: string): string[] {
  const seen = new Map<string, number>();
  return routes.map((route) => {
    const key = `ride-${route.sessionId}-${route.direction}-${driverId}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return `${count === 1 ? key : `${key}-${count}`}@trefpunt`;
  });
}

/**
 * A driver's feed: one event per ride (departure to arrival) with the stops in order. As on the route sheet,
 * the first names and addresses of her passengers show for rides of today and tomorrow only; later rides show
 * times and the number of stops. Rides of a cancelled session go with its routes.
 */
@Injectable()
export class DriverFeedService {
  constructor(
    private readonly drivers: DriversService,
    private readonly fleet: TransportScenarioService,
    private readonly regions: RegionsService,
    private readonly routes: RoutesService,
    private readonly sessions: SessionsService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly access: AccessContext,
  ) {}

  async content(driverId: string, now: Date): Promise<FeedContent> {
    const driver = await this.drivers.get(driverId);
    const { timezone: zone } = await this.regions.get(driver.regionId);
    const routes = await this.routes.forDriver(
      driver,
      windowStart(now, zone).instant,
      DateTime.fromJSDate(now).plus({ years: 10 }).toJSDate(),
    );
    const locations = new Map(
      (await this.locations.exportLocations(driver.regionId)).map((location) => [location.id, location]),
    );
    // Everything the rides name, each in one query.
    const sessions = new Map(
      (await this.sessions.getMany([...new Set(routes.map((route) => route.sessionId))])).map((s) => [
        s.id,
        s,
      ]),
    );
    const groupNames = new Map(
      (await this.programmes.groupsOfRegion(driver.regionId)).map((group) => [group.id, group.name]),
    );
    const vehicleNames = new Map(
      (await this.fleet.exportVehicles(driver.regionId)).map((vehicle) => [vehicle.id, vehicle.name]),
    );
    const detailedRoutes = routes.filter((route) => showsPassengers(route.depart, now, zone));
    // Erased participants are not among them: their stops show no name. Nor, in a feed issued by a coordinator
    // limited to some municipalities, do the passengers of the others.
    const people =
      detailedRoutes.length > 0
        ? new Map(
            (await this.participants.exportParticipants(driver.regionId))
              .filter((p) => this.access.reachesMunicipality(p.municipalityId))
              .map((p) => [p.id, p]),
          )
        : new Map<string, Participant>();
    const passengers = new Map<string, Passenger>();
    const uids = rideUids(routes, driverId);
    const events: CalendarEvent[] = [];
    for (const [index, route] of routes.entries()) {
      const session = sessions.get(route.sessionId)!;
      const detailed = detailedRoutes.includes(route);
      const shown = new Map<string, Passenger>();
      for (const stop of detailed ? route.stops : []) {
        const person = people.get(stop.participantId);
        if (!person) continue;
        const passenger = { firstName: firstNameOf(person.name), address: person.address };
        passengers.set(stop.participantId, passenger);
        shown.set(stop.participantId, passenger);
      }
      const location = locations.get(session.locationId) ?? { name: '', address: '' };
      events.push(
        rideEvent(
          {
            uid: uids[index],
            route,
            session,
            groupName: groupNames.get(session.groupId)!,
            vehicleName: vehicleNames.get(route.vehicleId)!,
            location,
            passengers: shown,
            detailed,
          },
          zone,
        ),
      );
    }
    const read: AuditedRecord[] = [...passengers.keys()].map((participantId) => ({
      recordType: 'participant',
      recordId: participantId,
      participantId,
      regionId: driver.regionId,
    }));
    return { name: 'Trefpunt – mijn ritten', zone, events, read };
  }
}
