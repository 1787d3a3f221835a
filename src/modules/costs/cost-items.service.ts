import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { toKmTenths } from '../../planning/costs/amounts';
import { CostItems, RideItem } from '../../planning/costs/cost-items';
import { REIMBURSED_MODES, ReimbursedMode } from '../../planning/costs/cost-rates';
import { Position } from '../../planning/travel/offline-travel';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { Participant } from '../participants/participant.entity';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RoutesService } from '../routes/routes.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { Vehicle } from '../transport/vehicle.entity';
import { Driver } from '../transport/driver.entity';
import { TravelTimesService } from '../travel/travel-times.service';

const MINUTE = 60 * 1000;
const key = (position: Position) => `${position.lat},${position.lon}`;

/** What the cost items were made of, for the names in the report. */
export interface CostSources {
  items: CostItems;
  participants: Map<string, Participant>;
  vehicles: Map<string, Vehicle>;
  drivers: Map<string, Driver>;
  providerNames: Map<string, string>;
  interpreters: Map<string, { ref: string | null; name: string }>;
}

/**
 * Gathers what costs money in a region up to the end of a month, from the other modules: childcare bookings that
 * held a place, the sessions that women who come by bus or bike can come to (not those a lesson or appointment
 * keeps them from), the routes of the vehicles and the interpreters at sessions. Each is charged to a month in
 * the region's zone, a municipality (the woman's for childcare and travel, the session location's for rides and
 * interpreters) and the programme of the session's group. Distances come from the travel module.
 */
@Injectable()
export class CostItemsService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly conflicts: ConflictsService,
    private readonly bookings: ChildcareBookingsService,
    private readonly providers: ChildcareScenarioService,
    private readonly routes: RoutesService,
    private readonly transport: TransportScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly travel: TravelTimesService,
  ) {}

  async upTo(regionId: string, zone: string, end: Date): Promise<CostSources> {
    const sessions = (await this.sessions.inRange(regionId, new Date(0), end)).filter(
      (session) => session.status === 'planned',
    );
    const groups = new Map((await this.programmes.groupsOfRegion(regionId)).map((g) => [g.id, g]));
    const locations = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l]));
    const participants = new Map(
      (await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]),
    );
    const vehicles = new Map((await this.transport.exportVehicles(regionId)).map((v) => [v.id, v]));
    const drivers = new Map((await this.transport.exportDrivers(regionId)).map((d) => [d.id, d]));
    const providers = await this.providers.exportProviders(regionId);
    const prices = new Map(providers.map((provider) => [provider.id, provider.pricePerHour]));
    const members = await this.groups.membersOf([...groups.keys()]);
    const sessionIds = sessions.map((session) => session.id);
    const absent = new Set(
      (await this.conflicts.forSessions(sessionIds)).map((c) => `${c.participantId}|${c.sessionId}`),
    );
    const routes = await this.routes.forSessions(sessionIds);
    const lastDate = DateTime.fromJSDate(end, { zone }).minus({ milliseconds: 1 }).toISODate()!;
    const bookings = await this.bookings.activeOn(regionId, '1970-01-01', lastDate);

    const month = (instant: Date) => DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM');
    const bySession = new Map(sessions.map((session) => [session.id, session]));
    const charged = (session: Session, instant: Date, municipalityId?: string) => ({
      month: month(instant),
      municipalityId: municipalityId ?? locations.get(session.locationId)!.municipalityId,
      programmeId: groups.get(session.groupId)!.programmeId,
    });
    const place = (session: Session) => locations.get(session.locationId)!.position;
    const travellers = (session: Session) =>
      (members.get(session.groupId) ?? [])
        .map((id) => participants.get(id))
        .filter(
          (p): p is Participant =>
            !!p &&
            REIMBURSED_MODES.includes(p.transport as ReimbursedMode) &&
            !absent.has(`${p.id}|${session.id}`),
        );

    // One matrix over every place a distance is needed between, so the travel module is asked once.
    const positions = new Map<string, Position>();
    const add = (position: Position) =>
      positions.set(key(position), { lat: position.lat, lon: position.lon });
    for (const session of sessions) {
      add(place(session));
      travellers(session).forEach((p) => add(p.position));
    }
    for (const route of routes) {
      add(vehicles.get(route.vehicleId)!.depot);
      route.stops.forEach(
        (stop) => participants.has(stop.participantId) && add(participants.get(stop.participantId)!.position),
      );
    }
    const all = [...positions.values()];
    const index = new Map(all.map((position, i) => [key(position), i]));
    const matrix = await this.travel.matrix(all, all);
    const km = (from: Position, to: Position) => matrix.km[index.get(key(from))!][index.get(key(to))!];

    const items: CostItems = { care: [], travel: [], rides: [], interpreting: [] };
    for (const booking of bookings) {
      const session = bySession.get(booking.sessionId);
      const mother = participants.get(booking.participantId);
      if (!session || !mother) continue;
      items.care.push({
        ...charged(session, booking.from, mother.municipalityId),
        month: booking.careDate.slice(0, 7),
        participantId: mother.id,
        providerId: booking.providerId,
        minutes: (booking.to.getTime() - booking.from.getTime()) / MINUTE,
        pricePerHour: prices.get(booking.providerId) ?? 0,
      });
    }
    for (const session of sessions) {
      const minutes = (session.end.getTime() - session.start.getTime()) / MINUTE;
      for (const woman of travellers(session)) {
        items.travel.push({
          ...charged(session, session.start, woman.municipalityId),
          participantId: woman.id,
          mode: woman.transport as ReimbursedMode,
          kmTenths: toKmTenths(km(woman.position, place(session))),
        });
      }
      for (const interpreter of session.interpreters) {
        items.interpreting.push({
          ...charged(session, session.start),
          interpreterId: interpreter.id,
          minutes,
        });
      }
    }
    for (const route of routes) {
      const session = bySession.get(route.sessionId)!;
      const vehicle = vehicles.get(route.vehicleId)!;
      const homes = route.stops.flatMap((stop) => participants.get(stop.participantId)?.position ?? []);
      // `to`: from the depot past the homes to the location; `from`: from the location past the homes to the depot.
      const path =
        route.direction === 'to'
          ? [vehicle.depot, ...homes, place(session)]
          : [place(session), ...homes, vehicle.depot];
      const length = path.slice(1).reduce((sum, to, i) => sum + km(path[i], to), 0);
      const ride: RideItem = {
        ...charged(session, route.depart),
        vehicleId: vehicle.id,
        driverKey: route.driverId ?? vehicle.id,
        volunteer: vehicle.volunteerDriven,
        kmTenths: toKmTenths(length),
        minutes: (route.arrive.getTime() - route.depart.getTime()) / MINUTE,
      };
      items.rides.push(ride);
    }
    return {
      items,
      participants,
      vehicles,
      drivers,
      providerNames: new Map(providers.map((provider) => [provider.id, provider.name])),
      interpreters: new Map((await this.staff.exportInterpreters(regionId)).map((i) => [i.id, i])),
    };
  }
}
