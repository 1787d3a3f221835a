import { reasonCode } from '../../planning/reasons';
import { Transactional } from '@nestjs-cls/transactional';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import {
  CHILDCARE_PLANNED,
  ChildcarePlanned,
  PICKUPS_CHANGED,
  PickupsChanged,
} from '../../common/events/sessions-changed.event';
import { toMinutes } from '../../planning/time/calendar';
import { readyOn } from '../../planning/scheduling/rolling-start';
import { instantToLocal, instantToLocalMinute, localMinuteToInstant } from '../../planning/time/wall-clock';
import {
  FleetVehicle,
  planSessionRides,
  PlannedRide,
  RideRequest,
  SessionRides,
} from '../../planning/transport/session-rides';
import {
  availableOn,
  collectsIn,
  oneWayRiders,
  neitherWayReason,
  rideLimit,
  ridersOf,
} from '../../planning/transport/ride-rules';
import { BusyRide, freeWindows } from '../../planning/transport/free-windows';
import { outingRides } from '../../planning/transport/group-bus';
import { Position } from '../../planning/travel/offline-travel';
import { AbsencesService } from '../attendance/absences.service';
import { CarPoolOffersService } from '../car-pool/car-pool-offers.service';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { OnlinePeriodsService } from '../programmes/online-periods.service';
import { OutingEnds, OutingsService } from '../programmes/outings.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { TravelTimesService } from '../travel/travel-times.service';
import { RoutesPlanDto, PickupChangeDto } from './dto/routes-plan.dto';
import { Direction, DIRECTIONS, Route } from './route.entity';
import { NewRoute, RoutesService } from './routes.service';
import { emitInOrder } from '../../common/events/emit-in-order';
import { limitsFrom, OutingWayEnds, rideWays } from '../../planning/transport/outing-ways';

/** A pickup time that moves by more than this is told to her (issue 7's change message). */
export const NOTICEABLE_CHANGE_MINUTES = 5;

/**
 * Plans the pickup and return rides of sessions: for each participant who is collected (`transport: pickup`)
 * and can come, with the children riding along (those cared for at the location itself). Sessions of one day
 * are planned in order of start, so that a vehicle is never in two places at once.
 */
@Injectable()
export class RoutePlanningService {
  private readonly logger = new Logger(RoutePlanningService.name);

  constructor(
    private readonly routes: RoutesService,
    private readonly sessions: SessionsService,
    private readonly programmes: ProgrammesService,
    private readonly groups: GroupsService,
    private readonly online: OnlinePeriodsService,
    private readonly outings: OutingsService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly bookings: ChildcareBookingsService,
    private readonly careProviders: ChildcareScenarioService,
    private readonly fleet: TransportScenarioService,
    private readonly travel: TravelTimesService,
    private readonly carPool: CarPoolOffersService,
    private readonly events: EventEmitter2,
  ) {}

  /** Plans the routes of these sessions afresh (last week's vehicle and time kept where cheap). */
  @Transactional()
  async plan(sessionIds: string[]): Promise<RoutesPlanDto> {
    return this.run(sessionIds, false);
  }

  /** Changes the routes of these sessions as little as possible, saying whose pickup time changed. */
  @Transactional()
  async replan(sessionIds: string[]): Promise<RoutesPlanDto> {
    return this.run(sessionIds, true);
  }

  /** The planned sessions of a programme, all or those of one ISO week (`2027-W02`). */
  async sessionsOfProgramme(programmeId: string, week?: string): Promise<string[]> {
    const { regionId } = await this.programmes.get(programmeId);
    const sessions = await this.sessions.plannedOfProgramme(programmeId, new Date(0));
    if (!week) return sessions.map((session) => session.id);
    const { timezone } = await this.regions.exportRegion(regionId);
    const first = DateTime.fromISO(week, { zone: timezone });
    if (!first.isValid) throw new BadRequestException('week: must be an ISO week such as 2027-W02');
    const from = first.startOf('week').toJSDate();
    const to = first.endOf('week').toJSDate();
    return sessions.filter((s) => s.start >= from && s.start <= to).map((session) => session.id);
  }

  /** After a change of sessions or of who comes: sessions that had routes get them changed minimally. */
  @OnEvent(CHILDCARE_PLANNED, { promisify: true, suppressErrors: false })
  async onChildcarePlanned(event: ChildcarePlanned): Promise<void> {
    const planned = await this.routes.plannedSessionIds(event.sessionIds);
    if (planned.size === 0) return;
    const sessions = await this.sessions.getMany([...planned]);
    await this.routes.removeForSessions(sessions.filter((s) => s.status !== 'planned').map((s) => s.id));
    const open = sessions.filter((s) => s.status === 'planned').map((s) => s.id);
    if (open.length > 0) await this.run(open, true);
  }

  /**
   * Where the rides of sessions go to (their location, an outing's first place) and leave from (its location, an
   * outing's last place), read once per session for the rides elsewhere of the vehicles.
   */
  private ridePlacesOf(locations: Map<string, { position: Position }>) {
    const known = new Map<string, { to: Position; from: Position }>();
    return {
      of: async (sessionIds: string[]) => {
        const missing = [...new Set(sessionIds)].filter((id) => !known.has(id));
        if (missing.length > 0) {
          const outings = await this.outings.endsOf(missing);
          for (const session of await this.sessions.getMany(missing)) {
            const to = locations.get(session.locationId)?.position;
            const last = outings.get(session.id)?.last.locationId;
            const from = last ? locations.get(last)?.position : to;
            if (to && from) known.set(session.id, { to, from });
          }
        }
        return known;
      },
    };
  }

  /**
   * Where the vehicles' rides for other sessions on these sessions' days begin and end: the first home of a ride
   * there, the last of a ride back, and those sessions' places.
   */
  private async ridesElsewhereEnds(
    sessions: Session[],
    vehicleIds: string[],
    zone: string,
    ridePlaces: ReturnType<RoutePlanningService['ridePlacesOf']>,
    homeOf: (participantId: string) => Position | undefined,
  ): Promise<Position[]> {
    const dayOf = (instant: Date) => DateTime.fromJSDate(instant, { zone }).startOf('day');
    const days = new Set(sessions.map((session) => dayOf(session.start).toMillis()));
    const busy = (
      await this.routes.busyBetween(
        vehicleIds,
        new Date(Math.min(...days)),
        DateTime.fromMillis(Math.max(...days), { zone })
          .plus({ days: 1 })
          .toJSDate(),
        sessions.map((session) => session.id),
      )
    ).filter((route) => days.has(dayOf(route.depart).toMillis()) || days.has(dayOf(route.arrive).toMillis()));
    const placesOf = await ridePlaces.of(busy.map((route) => route.sessionId));
    return busy.flatMap((route) => {
      const ends = rideEnds(route, homeOf, placesOf.get(route.sessionId));
      return ends ? [ends.first, ends.last] : [];
    });
  }

  private async run(sessionIds: string[], minimal: boolean): Promise<RoutesPlanDto> {
    const started = performance.now();
    const sessions = (await this.sessions.getMany(sessionIds))
      .filter((session) => session.status === 'planned')
      .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
    const result: RoutesPlanDto = {
      sessions: sessions.length,
      routes: 0,
      riders: 0,
      unrouted: [],
      changes: [],
      hiddenEntries: 0,
      durationMs: 0,
    };
    if (sessions.length === 0) return result;
    const regionIds = new Set(sessions.map((session) => session.regionId));
    if (regionIds.size > 1) throw new BadRequestException('sessions: all of one region');
    const regionId = sessions[0].regionId;
    const region = await this.regions.exportRegion(regionId);
    const zone = region.timezone;
    const locations = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l]));
    const people = new Map((await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]));
    const vehicles = await this.fleet.exportVehicles(regionId);
    const drivers = await this.fleet.exportDrivers(regionId);
    const volunteerCare = new Map(
      (await this.careProviders.exportProviders(regionId))
        .filter((provider) => provider.kind === 'volunteer' && provider.locationId)
        .map((provider) => [provider.id, provider.locationId!]),
    );
    const ids = sessions.map((session) => session.id);
    const away = new Set(
      [...(await this.conflicts.forSessions(ids)), ...(await this.absences.forSessions(ids))].map(
        (row) => `${row.participantId}|${row.sessionId}`,
      ),
    );
    // Who takes part online stays at home: no ride either way.
    for (const [sessionId, members] of await this.online.onlineIn(sessions))
      for (const participantId of members.keys()) away.add(`${participantId}|${sessionId}`);
    // Who rides with another woman in her car (an accepted car-pool offer) needs no vehicle either way.
    for (const [sessionId, riders] of await this.carPool.carPooledIn(ids))
      for (const participantId of riders) away.add(`${participantId}|${sessionId}`);
    const byId = new Map(sessions.map((session) => [session.id, session]));
    const riding = new Map<string, number>();
    for (const booking of await this.bookings.activeFor(ids)) {
      const session = byId.get(booking.sessionId)!;
      if (volunteerCare.get(booking.providerId) !== session.locationId) continue;
      const k = `${booking.participantId}|${booking.sessionId}`;
      riding.set(k, (riding.get(k) ?? 0) + 1);
    }

    // Every place involved, asked at once of the configured travel times (offline, or Google with a key).
    const memberIds = await this.groups.membersOf(sessions.map((session) => session.groupId));
    // An outing's rides go to its first place and home from its last (the session's location is the first).
    const outings = await this.outings.endsOf(ids);
    const places: Position[] = [
      ...sessions.map((session) => locations.get(session.locationId)!.position),
      ...[...outings.values()].map((outing) => locations.get(outing.last.locationId)!.position),
      ...vehicles.map((vehicle) => vehicle.depot),
      ...sessions.flatMap((session) =>
        memberIds
          .get(session.groupId)!
          .map((id) => people.get(id))
          .filter((person) => person?.transport === 'pickup' && person.position?.lat != null)
          .map((person) => person!.position),
      ),
    ];
    const ridePlaces = this.ridePlacesOf(locations);
    const homeOf = (participantId: string): Position | undefined => {
      const home = people.get(participantId)?.position;
      return home?.lat != null && home.lon != null ? { lat: home.lat, lon: home.lon } : undefined;
    };
    // A vehicle drives from where its ride for another session that day ends to where the next begins: with a
    // Google key those drives are asked too, not left to the offline model (which answers any pair unasked).
    const elsewhere = this.travel.usesGoogle
      ? await this.ridesElsewhereEnds(
          sessions,
          vehicles.map((vehicle) => vehicle.id),
          zone,
          ridePlaces,
          homeOf,
        )
      : [];
    const minutes = await this.travel.minutesLookup(
      [
        [places, places],
        [places, elsewhere],
        [elsewhere, places],
      ],
      DateTime.fromJSDate(sessions[0].start, { zone }),
    );

    const dayStart = (session: Session) => DateTime.fromJSDate(session.start, { zone }).startOf('day');
    const dateOf = (session: Session) => instantToLocal(session.start, zone).date;
    // Wall-clock minutes, also on the days the clocks change.
    const toInstant = (session: Session, minute: number) =>
      localMinuteToInstant(dateOf(session), minute, zone);
    const toMinute = (session: Session, instant: Date) =>
      instantToLocalMinute(instant, dateOf(session), zone);

    const groupSessions = new Map<string, Session[]>();
    for (const session of sessions) {
      const local = instantToLocal(session.start, zone);
      const location = locations.get(session.locationId)!.position;
      const start = toMinutes(local.time);
      const end = toMinute(session, session.end);
      const day = { from: dayStart(session).toJSDate(), to: dayStart(session).plus({ days: 1 }).toJSDate() };
      const requests: RideRequest[] = (memberIds.get(session.groupId) ?? [])
        .map((id) => people.get(id))
        .filter((person) => person?.transport === 'pickup' && person.position?.lat != null)
        .filter((person) => !away.has(`${person!.id}|${session.id}`))
        // Before she is ready the session is not hers: no ride.
        .filter((person) => readyOn(person!, local.date))
        .map((person) => ({
          ...(vehicles.some((vehicle) => vehicle.municipalityIds.length > 0) && {
            vehicleIds: vehicles.filter((v) => collectsIn(v, person!.municipalityId)).map((v) => v.id),
          }),
          participantId: person!.id,
          home: person!.position,
          children: riding.get(`${person!.id}|${session.id}`) ?? 0,
          maxRideMinutes: rideLimit(region.policy, minutes(person!.position, location)),
        }));
      const previous = minimal ? new Map() : await this.previousRides(session, groupSessions, zone);
      const plannedWays: Partial<Record<Direction, SessionRides>> = {};
      const outing = outings.get(session.id);
      const ways = rideWays(
        { location, start, end },
        outingWayEnds(outing, { start, end }, (id) => locations.get(id)!.position),
      );
      for (const direction of DIRECTIONS) {
        const way = ways[direction];
        const allRequests = outing ? limitsFrom(requests, way.location, region.policy, minutes) : requests;
        // Home only the women brought there: a seat home for one who has no ride there is lost to one who has.
        const there = direction === 'from' ? plannedWays.to : undefined;
        const brought = there && ridersOf(there);
        const wayRequests = brought
          ? allRequests.filter((request) => brought.has(request.participantId))
          : allRequests;
        const busy = (
          await this.routes.busyBetween(
            vehicles.map((v) => v.id),
            day.from,
            day.to,
          )
        ).filter((route) => !(route.sessionId === session.id && route.direction === direction));
        const placesOf = await ridePlaces.of(busy.map((route) => route.sessionId));
        // Each ride elsewhere with where it begins and ends, so that a ride before or after it can reach it.
        const busyRide = (route: Route): BusyRide => {
          const times: [number, number] = [toMinute(session, route.depart), toMinute(session, route.arrive)];
          const ends = rideEnds(route, homeOf, placesOf.get(route.sessionId));
          return ends ? [...times, ends] : times;
        };
        const fleet: FleetVehicle[] = vehicles.map((vehicle) => ({
          id: vehicle.id,
          depot: vehicle.depot,
          seats: vehicle.seats,
          childSeats: vehicle.childSeats,
          available: availableOn(vehicle, local.weekday),
          free: freeWindows(
            availableOn(vehicle, local.weekday),
            busy.filter((route) => route.vehicleId === vehicle.id).map(busyRide),
          ),
        }));
        const current = minimal
          ? (await this.routes.forSessions([session.id], direction)).map((route) =>
              toPlanned(route, (at) => toMinute(session, at)),
            )
          : undefined;
        const solve = (asked: RideRequest[], warm: PlannedRide[] | undefined) =>
          planSessionRides({
            direction,
            ...way,
            arriveMinutesBefore: region.policy.arriveMinutesBefore,
            requests: asked.map((request) => ({
              ...request,
              previous: previous.get(`${request.participantId}|${direction}`),
            })),
            vehicles: fleet,
            minutes,
            current: warm,
            seed: 1,
          });
        // The whole group in one trip of one bus where the fleet has one that takes them all in time (planned
        // afresh: last week's trips are no guide); else the usual rides.
        const planned = outing
          ? outingRides(wayRequests, fleet, (asked, together) => solve(asked, together ? undefined : current))
          : solve(wayRequests, current);
        const unrouted: { participantId: string; reason: string }[] = [
          ...planned.unrouted,
          ...(there?.unrouted ?? []).map((u) => ({
            participantId: u.participantId,
            reason: neitherWayReason('to', u.reason),
          })),
        ];
        const stored: NewRoute[] = planned.rides.map((ride) => ({
          regionId,
          sessionId: session.id,
          vehicleId: ride.vehicleId,
          driverId: drivers.find((driver) => driver.vehicleId === ride.vehicleId)?.id ?? null,
          direction,
          depart: toInstant(session, ride.depart),
          arrive: toInstant(session, ride.arrive),
          driveMinutes: ride.driveMinutes,
          stops: ride.stops.map((stop) => ({
            participantId: stop.participantId,
            time: toInstant(session, stop.time),
            children: stop.children,
          })),
        }));
        await this.routes.replace(session.id, direction, stored, unrouted);
        plannedWays[direction] = planned;
        result.routes += stored.length;
        result.riders += requests.length - unrouted.length;
        result.unrouted.push(
          ...unrouted.map((u) => ({
            ...u,
            sessionId: session.id,
            direction,
            reasonCode: reasonCode(u.reason),
          })),
        );
        if (current)
          result.changes.push(
            ...changesOf(session.id, direction, current, planned.rides, (m) => toInstant(session, m)),
          );
      }
      // A woman brought and not taken home (or the other way round) cannot come: she rides neither way.
      for (const { participantId, routed, reason } of oneWayRiders(plannedWays.to!, plannedWays.from!)) {
        await this.routes.dropRider(session.id, routed, participantId, reason);
        result.riders--;
        result.unrouted.push({
          participantId,
          sessionId: session.id,
          direction: routed,
          reason,
          reasonCode: reasonCode(reason),
        });
      }
    }
    if (result.changes.length > 0) {
      await emitInOrder(
        this.events,
        PICKUPS_CHANGED,
        new PickupsChanged(
          result.changes.map((change) => ({
            sessionId: change.sessionId,
            participantId: change.participantId,
            direction: change.direction as Direction,
            before: new Date(change.before),
            after: new Date(change.after),
            vehicleId: change.vehicleAfter,
          })),
        ),
      );
    }
    result.durationMs = Math.round(performance.now() - started);
    this.logger.log(
      {
        sessions: result.sessions,
        routes: result.routes,
        unrouted: result.unrouted.length,
        durationMs: result.durationMs,
      },
      'routes planned',
    );
    return result;
  }

  /** Last time's vehicle and time of day per rider and direction: the group's latest earlier session with routes. */
  private async previousRides(session: Session, groupSessions: Map<string, Session[]>, zone: string) {
    if (!groupSessions.has(session.groupId)) {
      groupSessions.set(session.groupId, await this.sessions.plannedFrom([session.groupId], new Date(0)));
    }
    const earlier = groupSessions
      .get(session.groupId)!
      .filter((other) => other.start < session.start)
      .reverse();
    const previous = new Map<string, { vehicleId: string; time: number }>();
    for (const other of earlier.slice(0, 3)) {
      const routes = await this.routes.forSessions([other.id]);
      if (routes.length === 0) continue;
      // Her time last week, as a time of day: the same wall-clock time also across a change of the clocks.
      const otherDate = instantToLocal(other.start, zone).date;
      const shift =
        instantToLocalMinute(session.start, instantToLocal(session.start, zone).date, zone) -
        instantToLocalMinute(other.start, otherDate, zone);
      for (const route of routes) {
        for (const stop of route.stops) {
          previous.set(`${stop.participantId}|${route.direction}`, {
            vehicleId: route.vehicleId,
            time: instantToLocalMinute(stop.time, otherDate, zone) + shift,
          });
        }
      }
      break;
    }
    return previous;
  }
}

/** Where the vehicle is as a ride begins and as it ends: her home (the first there, the last back) and its place. */
function rideEnds(
  route: Route,
  homeOf: (participantId: string) => Position | undefined,
  places: { to: Position; from: Position } | undefined,
): { first: Position; last: Position } | undefined {
  const stop = route.direction === 'to' ? route.stops[0] : route.stops.at(-1);
  const home = stop && homeOf(stop.participantId);
  if (!home || !places) return undefined;
  return route.direction === 'to' ? { first: home, last: places.to } : { first: places.from, last: home };
}

function toPlanned(route: Route, minute: (instant: Date) => number): PlannedRide {
  return {
    vehicleId: route.vehicleId,
    direction: route.direction,
    depart: minute(route.depart),
    arrive: minute(route.arrive),
    driveMinutes: route.driveMinutes,
    stops: route.stops.map((stop) => ({
      participantId: stop.participantId,
      time: minute(stop.time),
      children: stop.children,
    })),
  };
}

/** Riders whose pickup (or drop-off) time moved noticeably, or who changed vehicle, after a re-plan. */
function changesOf(
  sessionId: string,
  direction: Direction,
  before: PlannedRide[],
  after: PlannedRide[],
  instant: (minute: number) => Date,
): PickupChangeDto[] {
  const was = new Map(
    before.flatMap((ride) => ride.stops.map((stop) => [stop.participantId, { ride, stop }] as const)),
  );
  const changes: PickupChangeDto[] = [];
  for (const ride of after) {
    for (const stop of ride.stops) {
      const old = was.get(stop.participantId);
      if (!old) continue;
      if (
        Math.abs(old.stop.time - stop.time) > NOTICEABLE_CHANGE_MINUTES ||
        old.ride.vehicleId !== ride.vehicleId
      ) {
        changes.push({
          sessionId,
          participantId: stop.participantId,
          direction,
          before: instant(old.stop.time).toISOString(),
          after: instant(stop.time).toISOString(),
          vehicleBefore: old.ride.vehicleId,
          vehicleAfter: ride.vehicleId,
        });
      }
    }
  }
  return changes;
}

/** An outing's ends as the rides read them: its first place and arrival, its last place and leaving time. */
function outingWayEnds(
  outing: OutingEnds | undefined,
  usual: { start: number; end: number },
  positionOf: (locationId: string) => Position,
): OutingWayEnds | undefined {
  if (!outing) return undefined;
  return {
    first: {
      location: positionOf(outing.first.locationId),
      start: outing.first.arrive ? toMinutes(outing.first.arrive) : usual.start,
    },
    last: {
      location: positionOf(outing.last.locationId),
      end: outing.last.leave ? toMinutes(outing.last.leave) : usual.end,
    },
  };
}
