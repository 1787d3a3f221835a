import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  And,
  DeepPartial,
  FindManyOptions,
  FindOperator,
  FindOptionsWhere,
  In,
  LessThan,
  MoreThanOrEqual,
} from 'typeorm';
import { Page } from '../../common/api/page';
import { chunks } from '../../common/database/bulk-writes';
import { notFound } from '../../common/errors/not-found';
import { SESSIONS_CHANGED, SessionsChanged } from '../../common/events/sessions-changed.event';
import { localToInstant } from '../../planning/time/wall-clock';
import { LocationsService } from '../locations/locations.service';
import { RegionsService } from '../regions/regions.service';
import { InterpretersService } from '../staff/interpreters.service';
import { CreateSessionDto, parseInstant, SessionListQueryDto, UpdateSessionDto } from './dto/session.dto';
import { Group } from './group.entity';
import { GroupsService } from './groups.service';
import { requireEach, sameIds } from './id-list-checks';
import { SessionOuting } from './session-outing.entity';
import { Session } from './session.entity';
import { SessionRole } from './session-role.entity';
import { RoleHolder } from '../../planning/scheduling/model';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';
import { emitInOrder } from '../../common/events/emit-in-order';

/** Loads a session with the ids of its interpreters and of the people in its roles only. */
const WITH_INTERPRETER_IDS = {
  relations: { interpreters: true, roles: true },
  select: {
    id: true,
    createdAt: true,
    updatedAt: true,
    regionId: true,
    ref: true,
    groupId: true,
    locationId: true,
    start: true,
    end: true,
    trainerId: true,
    status: true,
    interpreters: { id: true },
    roles: { sessionId: true, role: true, staffMemberId: true },
  },
} satisfies FindManyOptions<Session>;

/** A session the planner made, before it is stored. */
export interface NewSession {
  regionId: string;
  groupId: string;
  locationId: string;
  start: Date;
  end: Date;
  trainerId: string | null;
  interpreterIds: string[];
  roles: RoleHolder[];
}

const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

@Injectable()
export class SessionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly groups: GroupsService,
    private readonly locations: LocationsService,
    private readonly interpreters: InterpretersService,
    private readonly events: EventEmitter2,
  ) {}

  private get sessions() {
    return this.txHost.tx.getRepository(Session);
  }

  /** Where a session sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.sessions, id);
  }

  async list(query: SessionListQueryDto): Promise<Page<Session>> {
    const scope = await this.regions.scope(query);
    const where: FindOptionsWhere<Session> = { ...scope };
    if (query.group) where.groupId = In(await this.groups.resolveIds(query.group, scope.regionId));
    if (query.status) where.status = query.status;
    const [items, total] = await this.sessions.findAndCount({
      ...WITH_INTERPRETER_IDS,
      where: query.from || query.to ? await this.startingOnLocalDates(where, query.from, query.to) : where,
      order: { start: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  /**
   * Narrows `where` to sessions that start on the local dates from…to (inclusive) of their own region: the
   * dates become instants per time zone, so that the `start` index serves and a session at 00:30 in January
   * counts for its local date, not for the UTC one before it.
   */
  private async startingOnLocalDates(
    where: FindOptionsWhere<Session>,
    from?: string,
    to?: string,
  ): Promise<FindOptionsWhere<Session>[]> {
    const regionIds =
      typeof where.regionId === 'string'
        ? [where.regionId]
        : where.regionId instanceof FindOperator
          ? (where.regionId.value as unknown as string[])
          : (
              await this.sessions
                .createQueryBuilder('session')
                .select('DISTINCT session.regionId', 'regionId')
                .getRawMany<{ regionId: string }>()
            ).map((row) => row.regionId);
    const regionsByZone = new Map<string, string[]>();
    for (const [regionId, timezone] of await this.regions.timezones(regionIds)) {
      regionsByZone.set(timezone, [...(regionsByZone.get(timezone) ?? []), regionId]);
    }
    // No session anywhere yet: an empty In() matches nothing, where an empty list of conditions would match all.
    if (regionsByZone.size === 0) return [{ ...where, regionId: In([]) }];
    return [...regionsByZone].map(([zone, ids]) => {
      const bounds: FindOperator<Date>[] = [];
      if (from) bounds.push(MoreThanOrEqual(localToInstant(from, '00:00', zone)));
      if (to) bounds.push(LessThan(localToInstant(nextDay(to), '00:00', zone)));
      return { ...where, regionId: In(ids), start: bounds.length === 1 ? bounds[0] : And(...bounds) };
    });
  }

  /** The time zone of each region the sessions belong to, to answer their times in local time. */
  timezones(sessions: Session[]): Promise<Map<string, string>> {
    return this.regions.timezones(sessions.map((session) => session.regionId));
  }

  async get(id: string): Promise<Session> {
    const session = await this.sessions.findOne({ ...WITH_INTERPRETER_IDS, where: { id } });
    if (!session) throw notFound('session', id);
    return session;
  }

  /** These sessions, in the order asked, in as few queries as it takes; 404 for one that does not exist. */
  async getMany(ids: string[]): Promise<Session[]> {
    const found = new Map<string, Session>();
    for (const chunk of chunks([...new Set(ids)])) {
      for (const session of await this.sessions.find({ ...WITH_INTERPRETER_IDS, where: { id: In(chunk) } })) {
        found.set(session.id, session);
      }
    }
    return ids.map((id) => {
      const session = found.get(id);
      if (!session) throw notFound('session', id);
      return session;
    });
  }

  @Transactional()
  async create(dto: CreateSessionDto): Promise<Session> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    await this.groups.requireInRegion(dto.groupId, regionId, 'groupId');
    const group = await this.groups.get(dto.groupId);
    if (dto.locationId) await this.locations.requireInRegion(dto.locationId, regionId, 'locationId');
    if (dto.trainerId) requireGroupTrainer(group, dto.trainerId);
    const interpreterIds = dto.interpreterIds ?? [];
    await this.requireInterpreters(interpreterIds, regionId);
    const { id } = await this.sessions.save(
      this.sessions.create({
        regionId,
        ref: dto.ref,
        groupId: group.id,
        locationId: dto.locationId ?? group.locationId,
        start: parseInstant(dto.start),
        end: parseInstant(dto.end),
        trainerId: dto.trainerId ?? null,
        status: dto.status ?? 'planned',
        interpreters: interpreterIds.map((interpreterId) => ({ id: interpreterId })),
      }),
    );
    await emitInOrder(this.events, SESSIONS_CHANGED, new SessionsChanged([id], new Date()));
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateSessionDto): Promise<Session> {
    const session = await this.get(id);
    const start = dto.start ? parseInstant(dto.start)! : session.start;
    const end = dto.end ? parseInstant(dto.end)! : session.end;
    if (end <= start) throw new BadRequestException('end: must be after start');

    const groupId = dto.groupId ?? session.groupId;
    const groupChanged = groupId !== session.groupId;
    if (groupChanged) await this.groups.requireInRegion(groupId, session.regionId, 'groupId');
    if (dto.locationId && dto.locationId !== session.locationId) {
      await this.locations.requireInRegion(dto.locationId, session.regionId, 'locationId');
    }
    const trainerId = dto.trainerId === undefined ? session.trainerId : dto.trainerId;
    if (trainerId && (groupChanged || trainerId !== session.trainerId)) {
      requireGroupTrainer(await this.groups.get(groupId), trainerId);
    }
    const changes: DeepPartial<Session> = {
      id,
      ref: dto.ref,
      groupId: dto.groupId,
      locationId: dto.locationId,
      start,
      end,
      trainerId,
      status: dto.status,
    };
    const interpreterIds = dto.interpreterIds;
    const current = session.interpreters.map((interpreter) => interpreter.id);
    if (interpreterIds && !sameIds(interpreterIds, current)) {
      await this.requireInterpreters(interpreterIds, session.regionId);
      changes.interpreters = interpreterIds.map((interpreterId) => ({ id: interpreterId }));
    }
    await this.sessions.save(changes);
    // Childcare, rides and messages follow the session: moved with it, or cancelled with it.
    await emitInOrder(
      this.events,
      SESSIONS_CHANGED,
      new SessionsChanged([id], new Date(), undefined, {
        start: session.start,
        locationId: session.locationId,
        status: session.status,
      }),
    );
    return this.get(id);
  }

  /**
   * Holds a session at another location (an outing, or back at its usual place): its members' conflicts, care and
   * rides follow it, as for a move by hand; telling the members is left to the caller, who knows why it moved.
   */
  @Transactional()
  async relocate(id: string, locationId: string, now: Date): Promise<Session> {
    await this.sessions.update({ id }, { locationId });
    await emitInOrder(this.events, SESSIONS_CHANGED, new SessionsChanged([id], now));
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.sessions.delete({ id });
  }

  private requireInterpreters(ids: string[], regionId: string): Promise<void> {
    return requireEach(ids, 'interpreterIds', (id, field) =>
      this.interpreters.requireInRegion(id, regionId, field),
    );
  }
  /**
   * Puts `planned` in place of the planned sessions of these groups that start after `now`; sessions already
   * held, and cancelled ones, stay. The k-th planned session of a group takes the place (and the id) of its k-th
   * such session as it stood, so that what hangs off it (childcare, rides, calendar events) follows it; the rest
   * are added or removed. Answers the sessions in order of start.
   */
  @Transactional()
  async replacePlanned(groupIds: string[], now: Date, planned: NewSession[]): Promise<Session[]> {
    const standing = await this.plannedFrom(groupIds, now);
    // An outing made by hand stays where it goes: the re-plan moves its time, not its place. One of a date
    // (`byDate`) is put again on the session of its date after the re-plan.
    const outings = new Set(
      (standing.length === 0
        ? []
        : await this.txHost.tx.getRepository(SessionOuting).find({
            select: { sessionId: true },
            where: { sessionId: In(standing.map((s) => s.id)), byDate: false },
          })
      ).map((outing) => outing.sessionId),
    );
    const inOrder = <T extends { groupId: string; start: Date }>(rows: T[], groupId: string) =>
      rows.filter((row) => row.groupId === groupId).sort((a, b) => a.start.getTime() - b.start.getTime());
    const kept: string[] = [];
    const added: NewSession[] = [];
    const removed: string[] = [];
    for (const groupId of new Set([...groupIds, ...planned.map((session) => session.groupId)])) {
      const before = inOrder(standing, groupId);
      const after = inOrder(planned, groupId);
      for (let k = 0; k < Math.max(before.length, after.length); k++) {
        if (before[k] && after[k]) {
          const next = outings.has(before[k].id)
            ? { ...after[k], locationId: before[k].locationId }
            : after[k];
          await this.moveTo(before[k], next);
          kept.push(before[k].id);
        } else if (after[k]) added.push(after[k]);
        else removed.push(before[k].id);
      }
    }
    for (const chunk of chunks(removed)) await this.sessions.delete({ id: In(chunk) });
    const ids = [...kept, ...(await this.insertPlanned(added))];
    return (await this.getMany(ids)).sort(
      (a, b) => a.start.getTime() - b.start.getTime() || a.groupId.localeCompare(b.groupId),
    );
  }

  /** A standing session takes the times, place, trainer and interpreters of its planned successor. */
  private async moveTo(session: Session, next: NewSession): Promise<void> {
    if (
      session.start.getTime() !== next.start.getTime() ||
      session.end.getTime() !== next.end.getTime() ||
      session.locationId !== next.locationId ||
      session.trainerId !== next.trainerId
    ) {
      await this.sessions.update(
        { id: session.id },
        { start: next.start, end: next.end, locationId: next.locationId, trainerId: next.trainerId },
      );
    }
    const current = session.interpreters.map((interpreter) => interpreter.id);
    if (!sameIds(current, next.interpreterIds)) {
      await this.txHost.tx
        .createQueryBuilder()
        .delete()
        .from('session_interpreters')
        .where('session_id = :id', { id: session.id })
        .execute();
      await this.linkInterpreters([session.id], [next]);
    }
    const held = session.roles.map(({ role, staffMemberId }) => `${role}|${staffMemberId}`);
    if (
      !sameIds(
        held,
        next.roles.map(({ role, staffId }) => `${role}|${staffId}`),
      )
    ) {
      await this.txHost.tx.getRepository(SessionRole).delete({ sessionId: session.id });
      await this.linkRoles([session.id], [next]);
    }
  }

  /** Inserts new planned sessions in a few statements; answers their ids in the order given. */
  private async insertPlanned(planned: NewSession[]): Promise<string[]> {
    const ids: string[] = [];
    for (const chunk of chunks(planned)) {
      const result = await this.sessions.insert(
        chunk.map(({ interpreterIds: _, roles: __, ...session }) => ({
          ...session,
          ref: null,
          status: 'planned' as const,
        })),
      );
      const chunkIds = result.identifiers.map((identifier) => identifier.id as string);
      await this.linkInterpreters(chunkIds, chunk);
      await this.linkRoles(chunkIds, chunk);
      ids.push(...chunkIds);
    }
    return ids;
  }

  private async linkInterpreters(ids: string[], sessions: NewSession[]): Promise<void> {
    const links = sessions.flatMap((session, offset) =>
      session.interpreterIds.map((interpreterId) => ({
        session_id: ids[offset],
        interpreter_id: interpreterId,
      })),
    );
    if (links.length > 0) {
      await this.txHost.tx.createQueryBuilder().insert().into('session_interpreters').values(links).execute();
    }
  }

  private async linkRoles(ids: string[], sessions: NewSession[]): Promise<void> {
    const rows = sessions.flatMap((session, offset) =>
      session.roles.map(({ role, staffId }) => ({ sessionId: ids[offset], role, staffMemberId: staffId })),
    );
    if (rows.length > 0) await this.txHost.tx.getRepository(SessionRole).insert(rows);
  }

  /** The sessions of a region that start within [from, to), for plans and exports. */
  async inRange(regionId: string, from: Date, to: Date): Promise<Session[]> {
    return this.sessions.find({
      ...WITH_INTERPRETER_IDS,
      where: { regionId, start: And(MoreThanOrEqual(from), LessThan(to)) },
      order: { start: 'ASC', id: 'ASC' },
    });
  }

  /** The planned sessions of a programme's groups from `from` on. */
  plannedOfProgramme(programmeId: string, from: Date): Promise<Session[]> {
    return this.sessions.find({
      ...WITH_INTERPRETER_IDS,
      where: { group: { programmeId }, status: 'planned', start: MoreThanOrEqual(from) },
      order: { start: 'ASC', id: 'ASC' },
    });
  }

  /** The planned sessions of these groups from `from` on. */
  async plannedFrom(groupIds: string[], from: Date): Promise<Session[]> {
    if (groupIds.length === 0) return [];
    return this.sessions.find({
      ...WITH_INTERPRETER_IDS,
      where: { groupId: In(groupIds), status: 'planned', start: MoreThanOrEqual(from) },
      order: { start: 'ASC', id: 'ASC' },
    });
  }
}

function requireGroupTrainer(group: Group, trainerId: string): void {
  if (!group.trainers.some((trainer) => trainer.id === trainerId.toLowerCase())) {
    throw new BadRequestException(
      `trainerId: trainer ${trainerId} is not one of the trainers of group ${group.id}`,
    );
  }
}
