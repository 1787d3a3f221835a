import { ForbiddenException, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { instantToLocalIso } from '../../planning/time/wall-clock';
import { AccessContext } from '../access/access-context';
import { AbsencesService } from '../attendance/absences.service';
import { AuditService } from '../audit/audit.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { DriversService } from '../transport/drivers.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { RouteSheetDto, RouteSheetRouteDto } from './dto/route-sheet.dto';
import { Route } from './route.entity';
import { StopStatus } from './route-stop.entity';
import { firstNameOf, passengerDetailsOpen } from './passenger-details';
import { RoutesService } from './routes.service';

/** A link that opens the whole route in Google Maps' navigation, stops in order (positions, not addresses). */
export function navigationUrl(
  route: Route,
  location: { lat: number; lon: number },
  stops: { lat: number; lon: number }[],
) {
  const point = (p: { lat: number; lon: number }) => `${p.lat},${p.lon}`;
  const ordered = route.direction === 'to' ? [...stops, location] : stops;
  // A route home whose stops the caller may not see (all in other municipalities) leads back to the location.
  const destination = ordered.at(-1) ?? location;
  const waypoints = ordered.slice(0, -1);
  const params = new URLSearchParams({ api: '1', destination: point(destination), travelmode: 'driving' });
  if (route.direction === 'from') params.set('origin', point(location));
  if (waypoints.length > 0) params.set('waypoints', waypoints.map(point).join('|'));
  return `https://www.google.com/maps/dir/?${params.toString()}`;
}

/** A link that navigates to one door (a position: addresses alone are ambiguous across villages). */
export const doorUrl = (p: { lat: number; lon: number }) =>
  `https://www.google.com/maps/dir/?api=1&destination=${p.lat},${p.lon}&travelmode=driving`;

/** A route sheet as built, with what each read of it needs: the region's zone and whose data it shows. */
export interface BuiltSheet {
  sheet: RouteSheetDto;
  zone: string;
  regionId: string;
  /** The participants whose details it shows (for the audit log of each read). */
  participantIds: string[];
}

/**
 * A driver's route sheet for a day: per route the stops in order with what she needs at the door. Passengers'
 * details are for the day of the ride and the day before only, when the driver asks herself.
 */
@Injectable()
export class RouteSheetsService {
  constructor(
    private readonly routes: RoutesService,
    private readonly drivers: DriversService,
    private readonly sessions: SessionsService,
    private readonly regions: RegionsService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly fleet: TransportScenarioService,
    private readonly absences: AbsencesService,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
  ) {}

  /** The sheet as the caller may see it; built without the checks of a read (RouteSheetAnswers does those). */
  async build(driverId: string, date: string): Promise<BuiltSheet> {
    const driver = await this.drivers.get(driverId);
    const { timezone: zone } = await this.regions.get(driver.regionId);
    const day = DateTime.fromISO(date, { zone });
    const routes = await this.routes.forDriver(driver, day.toJSDate(), day.plus({ days: 1 }).toJSDate());
    const locations = new Map((await this.locations.exportLocations(driver.regionId)).map((l) => [l.id, l]));
    const people = new Map(
      (
        await this.participants.participantsOf(
          driver.regionId,
          routes.flatMap((route) => route.stops.map((stop) => stop.participantId)),
        )
      ).map((p) => [p.id, p]),
    );
    // A coordinator limited to some municipalities gets the stops of their participants only; the others are
    // counted, not shown (a driver, and an unlimited coordinator, reach all of them).
    const reached = new Set(
      [...people.values()].filter((p) => this.access.reachesMunicipality(p.municipalityId)).map((p) => p.id),
    );
    const vehicles = new Map((await this.fleet.exportVehicles(driver.regionId)).map((v) => [v.id, v]));
    const local = (instant: Date) => instantToLocalIso(instant, zone);
    const sessions = new Map(
      (await this.sessions.getMany([...new Set(routes.map((route) => route.sessionId))])).map((s) => [
        s.id,
        s,
      ]),
    );
    const sheetRoutes: RouteSheetRouteDto[] = [];
    const read = new Set<string>();
    for (const route of routes) {
      const session = sessions.get(route.sessionId)!;
      const location = locations.get(session.locationId)!;
      const known = route.stops.filter((stop) => people.has(stop.participantId));
      const stops = known.filter((stop) => reached.has(stop.participantId));
      stops.forEach((stop) => read.add(stop.participantId));
      sheetRoutes.push({
        id: route.id,
        direction: route.direction,
        vehicle: { id: route.vehicleId, name: vehicles.get(route.vehicleId)?.name ?? '' },
        session: { id: session.id, start: local(session.start), end: local(session.end) },
        location: { name: location.name, address: location.address },
        depart: local(route.depart),
        arrive: local(route.arrive),
        navigationUrl: navigationUrl(
          route,
          location.position,
          stops.map((stop) => people.get(stop.participantId)!.position),
        ),
        stops: stops.map((stop) => {
          const person = people.get(stop.participantId)!;
          return {
            id: stop.id,
            position: stop.position,
            time: local(stop.time),
            firstName: firstNameOf(person.name),
            address: person.address ?? '',
            phone: person.phone ?? '',
            children: stop.children,
            childSeats: stop.children,
            status: stop.status,
            navigationUrl: doorUrl(person.position),
          };
        }),
        hiddenStops: known.length - stops.length,
      });
    }
    return {
      sheet: { driver: { id: driver.id, name: driver.name }, date, routes: sheetRoutes },
      zone,
      regionId: driver.regionId,
      participantIds: [...read],
    };
  }

  /**
   * Checks a read of a built sheet and writes it to the audit log: a driver sees her passengers' details on the
   * day of the rides and the day before only.
   */
  read(built: BuiltSheet, now: Date): void {
    if (
      this.access.principal().role === 'driver' &&
      !passengerDetailsOpen(built.sheet.date, now, built.zone)
    ) {
      throw new ForbiddenException('date: a route sheet opens the day before its rides (today or tomorrow)');
    }
    this.audit.recordParticipantsRead('read', built.regionId, built.participantIds);
  }

  /**
   * The driver marks a stop: picked up, or not there. A no-show on the way to a session is recorded as her
   * absence, which frees her children's places and takes her off the ride home.
   */
  async mark(stopId: string, status: Exclude<StopStatus, 'planned'>, now: Date): Promise<void> {
    const stop = await this.routes.stop(stopId);
    const principal = this.access.principal();
    if (principal.role === 'driver' && !(await this.drives(principal.driverId!, stop.route))) {
      throw new ForbiddenException('this stop is on another driver’s route');
    }
    await this.routes.setStopStatus(stopId, status, now);
    if (status === 'no-show' && stop.route.direction === 'to') {
      await this.absences.report(stop.route.sessionId, {
        participantId: stop.participantId,
        reason: 'no-show',
      });
    }
  }

  /** Her route: planned with her by name, or on the vehicle she drives now (as on her sheet). */
  private async drives(driverId: string, route: Route): Promise<boolean> {
    if (route.driverId === driverId) return true;
    const driver = await this.drivers.get(driverId);
    return driver.vehicleId !== null && driver.vehicleId === route.vehicleId;
  }
}
