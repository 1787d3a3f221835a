import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { And, In, LessThan, MoreThan, MoreThanOrEqual, Not } from 'typeorm';
import { chunks } from '../../common/database/bulk-writes';
import { notFound } from '../../common/errors/not-found';
import { RecordScope } from '../access/access-context';
import { participantScopeOf } from '../access/record-scopes';
import { Direction, Route } from './route.entity';
import { RouteStop, StopStatus } from './route-stop.entity';
import { UnroutedPickup } from './unrouted-pickup.entity';

/** Rows per multi-row INSERT of routes, stops and pickups (well under PostgreSQL's parameter limit). */
const WRITE_CHUNK = 500;

/** A route as planned, before it is stored. */
export interface NewRoute {
  regionId: string;
  sessionId: string;
  vehicleId: string;
  driverId: string | null;
  direction: Direction;
  depart: Date;
  arrive: Date;
  driveMinutes: number;
  stops: { participantId: string; time: Date; children: number }[];
}

/** The stored routes, their stops and the pickups no vehicle could take. */
@Injectable()
export class RoutesService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get routes() {
    return this.txHost.tx.getRepository(Route);
  }

  private get stops() {
    return this.txHost.tx.getRepository(RouteStop);
  }

  private get unrouted() {
    return this.txHost.tx.getRepository(UnroutedPickup);
  }

  /** A stop is part of its passenger's personal data. */
  stopScopeOf(id: string): Promise<RecordScope | undefined> {
    return participantScopeOf(this.stops, id);
  }

  async stop(id: string): Promise<RouteStop & { route: Route }> {
    const stop = await this.stops.findOne({ where: { id }, relations: { route: true } });
    if (!stop) throw notFound('route stop', id);
    return stop;
  }

  async setStopStatus(id: string, status: StopStatus, at: Date): Promise<void> {
    await this.stops.update({ id }, { status, statusAt: at });
  }

  /** The routes of these sessions, with their stops in order. */
  async forSessions(sessionIds: string[], direction?: Direction): Promise<Route[]> {
    if (sessionIds.length === 0) return [];
    const routes = await this.routes.find({
      where: { sessionId: In(sessionIds), ...(direction && { direction }) },
      relations: { stops: true },
      order: { depart: 'ASC', id: 'ASC' },
    });
    routes.forEach((route) => route.stops.sort((a, b) => a.position - b.position));
    return routes;
  }

  /** Her pickup and drop-off times in these sessions, by `sessionId|direction`. */
  async ridesOf(participantId: string, sessionIds: string[]): Promise<Map<string, Date>> {
    if (sessionIds.length === 0) return new Map();
    const stops = await this.stops.find({
      where: { participantId, route: { sessionId: In(sessionIds) } },
      relations: { route: true },
    });
    return new Map(stops.map((stop) => [`${stop.route.sessionId}|${stop.route.direction}`, stop.time]));
  }

  unroutedFor(sessionIds: string[]): Promise<UnroutedPickup[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.unrouted.find({
      where: { sessionId: In(sessionIds) },
      order: { direction: 'DESC', id: 'ASC' },
    });
  }

  /** Whether routes were ever planned for these sessions (some route or unrouted pickup stands). */
  async plannedSessionIds(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const where = { sessionId: In(sessionIds) };
    const select = { sessionId: true } as const;
    const rows = [
      ...(await this.routes.find({ where, select })),
      ...(await this.unrouted.find({ where, select })),
    ];
    return new Set(rows.map((row) => row.sessionId));
  }

  /** The routes of these vehicles that take any time within [from, to), but those of `exceptSessionIds`. */
  busyBetween(vehicleIds: string[], from: Date, to: Date, exceptSessionIds: string[] = []): Promise<Route[]> {
    if (vehicleIds.length === 0) return Promise.resolve([]);
    return this.routes
      .find({
        where: {
          vehicleId: In(vehicleIds),
          depart: LessThan(to),
          arrive: MoreThan(from),
          ...(exceptSessionIds.length > 0 && { sessionId: Not(In(exceptSessionIds)) }),
        },
        select: {
          id: true,
          sessionId: true,
          vehicleId: true,
          direction: true,
          depart: true,
          arrive: true,
          // Its first and last stop say where the vehicle is before and after it.
          stops: { id: true, participantId: true, position: true },
        },
        relations: { stops: true },
      })
      .then((routes) => {
        routes.forEach((route) => route.stops.sort((a, b) => a.position - b.position));
        return routes;
      });
  }

  /**
   * The routes of a driver leaving within [from, to): those of the vehicle she drives now, and those planned
   * with her by name. Rides belong to a vehicle, so a driver added (or moved to it) after planning sees them.
   */
  forDriver(driver: { id: string; vehicleId: string | null }, from: Date, to: Date): Promise<Route[]> {
    const depart = And(MoreThanOrEqual(from), LessThan(to));
    return this.routes
      .find({
        where: [
          { driverId: driver.id, depart },
          ...(driver.vehicleId ? [{ vehicleId: driver.vehicleId, depart }] : []),
        ],
        relations: { stops: true },
        order: { depart: 'ASC', id: 'ASC' },
      })
      .then((routes) => {
        routes.forEach((route) => route.stops.sort((a, b) => a.position - b.position));
        return routes;
      });
  }

  /** Replaces the routes and unrouted pickups of a session in one direction. */
  async replace(
    sessionId: string,
    direction: Direction,
    routes: NewRoute[],
    unrouted: { participantId: string; reason: string }[],
  ): Promise<Route[]> {
    await this.routes.delete({ sessionId, direction });
    await this.unrouted.delete({ sessionId, direction });
    const saved: Route[] = [];
    for (const route of routes) {
      saved.push(
        await this.routes.save(
          this.routes.create({
            ...route,
            stops: route.stops.map((stop, index) => this.stops.create({ ...stop, position: index + 1 })),
          }),
        ),
      );
    }
    if (unrouted.length > 0) {
      await this.unrouted.insert(unrouted.map((row) => ({ ...row, sessionId, direction })));
    }
    return saved;
  }

  /**
   * Replaces the routes and unrouted pickups of these sessions, both directions, in a few statements: what
   * `replace` does per session and direction, for a whole programme (one statement per route was most of the
   * time of storing a large region's plan).
   */
  async replaceForSessions(
    sessionIds: string[],
    routes: NewRoute[],
    unrouted: { sessionId: string; direction: Direction; participantId: string; reason: string }[],
  ): Promise<void> {
    for (const chunk of chunks(sessionIds)) {
      await this.routes.delete({ sessionId: In(chunk) });
      await this.unrouted.delete({ sessionId: In(chunk) });
    }
    for (const chunk of chunks(routes, WRITE_CHUNK)) {
      const { identifiers } = await this.routes.insert(chunk.map(({ stops: _, ...route }) => route));
      const stops = chunk.flatMap((route, index) =>
        route.stops.map((stop, at) => ({
          ...stop,
          routeId: identifiers[index].id as string,
          position: at + 1,
        })),
      );
      for (const part of chunks(stops, WRITE_CHUNK)) await this.stops.insert(part);
    }
    for (const chunk of chunks(unrouted, WRITE_CHUNK)) await this.unrouted.insert(chunk);
  }

  async removeForSessions(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.routes.delete({ sessionId: In(sessionIds) });
    await this.unrouted.delete({ sessionId: In(sessionIds) });
  }

  /** Takes her off a session's rides in one direction, with the reason; a ride left empty goes. */
  async dropRider(
    sessionId: string,
    direction: Direction,
    participantId: string,
    reason: string,
  ): Promise<void> {
    const routes = await this.routes.find({ where: { sessionId, direction }, relations: { stops: true } });
    for (const route of routes) {
      if (!route.stops.some((stop) => stop.participantId === participantId)) continue;
      await this.stops.delete({ routeId: route.id, participantId });
      if (route.stops.length === 1) await this.routes.delete({ id: route.id });
    }
    await this.unrouted.insert({ sessionId, direction, participantId, reason });
  }

  /** For erasure: her stops and unrouted pickups go; the routes stay for the others on them. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.stops.delete({ participantId });
    await this.unrouted.delete({ participantId });
  }
}
