import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ConflictException, forwardRef, Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DeepPartial, FindManyOptions, FindOptionsWhere, In, IsNull, Not, Raw } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { LocationsService } from '../locations/locations.service';
import { ParticipantsService } from '../participants/participants.service';
import { RegionScope, RegionsService } from '../regions/regions.service';
import { AccessContext } from '../access/access-context';
import { TrainersService } from '../staff/trainers.service';
import { CreateGroupDto, GroupListQueryDto, UpdateGroupDto } from './dto/group.dto';
import { Group } from './group.entity';
import { requireEach, sameIds } from './id-list-checks';
import { ProgrammesService } from './programmes.service';
import { Session } from './session.entity';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';
import { emitInOrder } from '../../common/events/emit-in-order';

/** Loads a group with the ids of its members and trainers only: their personal data is not needed here. */
const WITH_MEMBER_IDS = {
  relations: { members: true, trainers: true },
  select: {
    id: true,
    createdAt: true,
    updatedAt: true,
    regionId: true,
    ref: true,
    programmeId: true,
    name: true,
    locationId: true,
    interpreterLanguages: true,
    startDate: true,
    afterGroupId: true,
    rollingStartMinReady: true,
    members: { id: true },
    trainers: { id: true },
  },
} satisfies FindManyOptions<Group>;

@Injectable()
export class GroupsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventEmitter2,
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
    private readonly programmes: ProgrammesService,
    private readonly locations: LocationsService,
    @Inject(forwardRef(() => ParticipantsService)) private readonly participants: ParticipantsService,
    private readonly trainers: TrainersService,
  ) {}

  private get groups() {
    return this.txHost.tx.getRepository(Group);
  }

  /** Where a group sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.groups, id);
  }

  async list(query: GroupListQueryDto): Promise<Page<Group>> {
    const where: FindOptionsWhere<Group> = await this.regions.scope(query);
    // Each filter names a record within the caller's reach, or answers 400 as for one that does not exist.
    if (query.programme) {
      await this.programmes.requireExists(query.programme, 'programme');
      where.programmeId = query.programme;
    }
    if (query.location) {
      await this.locations.requireExists(query.location, 'location');
      where.locationId = query.location;
    }
    if (query.participant) {
      const participant = query.participant;
      await this.participants.findReachable(participant, 'participant');
      // A subquery rather than a join on `members`, which would also narrow the members loaded to her alone.
      where.id = Raw(
        (id) => `${id} IN (SELECT "group_id" FROM "group_members" WHERE "participant_id" = :participant)`,
        {
          participant,
        },
      );
    }
    const [items, total] = await this.groups.findAndCount({
      ...WITH_MEMBER_IDS,
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Group> {
    const group = await this.groups.findOne({ ...WITH_MEMBER_IDS, where: { id } });
    if (!group) throw notFound('group', id);
    return group;
  }

  /**
   * The members of these groups the caller may see: all of them, unless she is limited to some municipalities,
   * when a group's answer names only the members of those.
   */
  reachableMembers(groups: Group[]): Promise<Set<string>> {
    return this.participants.reachableIds(
      groups.flatMap((group) => group.members.map((member) => member.id)),
    );
  }

  /** The members of a group the caller does not see (none, unless she is limited to some municipalities). */
  private async hiddenMembers(group: Group): Promise<string[]> {
    const members = group.members.map((member) => member.id);
    const reachable = await this.participants.reachableIds(members);
    return members.filter((member) => !reachable.has(member));
  }

  /** The ids of the participants in a group, sorted; 404 for an unknown group. */
  async memberIds(groupId: string): Promise<string[]> {
    const group = await this.get(groupId);
    return group.members.map((member) => member.id).sort();
  }

  /**
   * The ids of the groups a list filter names, by id or ref (a ref may recur in several regions);
   * 400 naming the field when there is none.
   */
  async resolveIds(idOrRef: string, regionId?: RegionScope['regionId'], field = 'group'): Promise<string[]> {
    const byRef: FindOptionsWhere<Group> = regionId ? { ref: idOrRef, regionId } : { ref: idOrRef };
    const where = isUUID(idOrRef) ? [{ id: idOrRef }, byRef] : [byRef];
    const found = (await this.groups.find({ where, select: { id: true, regionId: true } })).filter((group) =>
      this.access.reachesRegion(group.regionId),
    );
    if (found.length === 0) throw new BadRequestException(`${field}: no group "${idOrRef}"`);
    return found.map((group) => group.id);
  }

  /** The participants who are members of the groups a list filter names (by id or ref). */
  async memberIdsOfFilter(
    idOrRef: string,
    regionId?: RegionScope['regionId'],
    field = 'group',
  ): Promise<string[]> {
    const members = await this.membersOf(await this.resolveIds(idOrRef, regionId, field));
    return [...new Set([...members.values()].flat())];
  }

  /** The ids of the participants of each of these groups, sorted, in one query (an unknown group has none). */
  async membersOf(groupIds: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(groupIds)];
    const members = new Map(unique.map((id) => [id, [] as string[]]));
    if (unique.length === 0) return members;
    const groups = await this.groups.find({
      where: { id: In(unique) },
      relations: { members: true },
      select: { id: true, members: { id: true } },
    });
    for (const group of groups) members.set(group.id, group.members.map((member) => member.id).sort());
    return members;
  }

  /** Checks that a group exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'groupId'): Promise<void> {
    const found = await this.groups.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no group ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateGroupDto): Promise<Group> {
    const [id] = await this.createMany([dto]);
    return this.get(id);
  }

  /**
   * Several groups (accepting a group proposal) in one write, each checked as `create` checks it (400 naming the
   * field); none when one is refused. What they share (region, programme, location, trainers) is checked once.
   * Their ids, in the order given.
   */
  @Transactional()
  async createMany(dtos: CreateGroupDto[]): Promise<string[]> {
    if (dtos.length === 0) return [];
    const checked = new Map<string, Promise<unknown>>();
    const once = <T>(key: string, check: () => Promise<T>): Promise<T> => {
      if (!checked.has(key)) checked.set(key, check());
      return checked.get(key) as Promise<T>;
    };
    const groups: Group[] = [];
    for (const dto of dtos) {
      const regionId = await once(`region|${dto.regionId}`, () =>
        this.regions.resolveId(dto.regionId, 'regionId'),
      );
      await once(`programme|${regionId}|${dto.programmeId}`, () =>
        this.programmes.requireInRegion(dto.programmeId, regionId, 'programmeId'),
      );
      await once(`location|${regionId}|${dto.locationId}`, () =>
        this.locations.requireInRegion(dto.locationId, regionId, 'locationId'),
      );
      const participantIds = dto.participantIds ?? [];
      const trainerIds = dto.trainerIds ?? [];
      await this.requireParticipants(participantIds, regionId);
      await once(`trainers|${regionId}|${JSON.stringify(trainerIds)}`, () =>
        this.requireTrainers(trainerIds, regionId),
      );
      if (dto.afterGroupId) await this.requireFollowable(undefined, dto.afterGroupId, dto.programmeId);
      groups.push(
        this.groups.create({
          regionId,
          ref: dto.ref,
          programmeId: dto.programmeId,
          name: dto.name,
          locationId: dto.locationId,
          interpreterLanguages: dto.interpreterLanguages ?? [],
          startDate: dto.startDate ?? null,
          afterGroupId: dto.afterGroupId ?? null,
          rollingStartMinReady: dto.rollingStart?.minReady ?? null,
          members: participantIds.map((participantId) => ({ id: participantId })),
          trainers: trainerIds.map((trainerId) => ({ id: trainerId })),
        }),
      );
    }
    return (await this.groups.save(groups)).map((group) => group.id);
  }

  @Transactional()
  async update(id: string, dto: UpdateGroupDto): Promise<Group> {
    const group = await this.get(id);
    const changes: DeepPartial<Group> = {
      id,
      ref: dto.ref,
      name: dto.name,
      programmeId: dto.programmeId,
      locationId: dto.locationId,
      interpreterLanguages: dto.interpreterLanguages,
      startDate: dto.startDate,
      afterGroupId: dto.afterGroupId,
      rollingStartMinReady: dto.rollingStart === undefined ? undefined : (dto.rollingStart?.minReady ?? null),
    };
    if (dto.programmeId && dto.programmeId !== group.programmeId) {
      await this.programmes.requireInRegion(dto.programmeId, group.regionId, 'programmeId');
    }
    const afterGroupId = dto.afterGroupId === undefined ? group.afterGroupId : dto.afterGroupId;
    if (afterGroupId && (afterGroupId !== group.afterGroupId || changes.programmeId))
      await this.requireFollowable(id, afterGroupId, dto.programmeId ?? group.programmeId);
    if (dto.locationId && dto.locationId !== group.locationId) {
      await this.locations.requireInRegion(dto.locationId, group.regionId, 'locationId');
    }
    // A coordinator limited to some municipalities replaces the members she sees; those she does not see stay.
    const participantIds = dto.participantIds && [
      ...dto.participantIds,
      ...(await this.hiddenMembers(group)),
    ];
    if (
      participantIds &&
      !sameIds(
        participantIds,
        group.members.map((member) => member.id),
      )
    ) {
      await this.requireParticipants(dto.participantIds!, group.regionId);
      changes.members = participantIds.map((participantId) => ({ id: participantId }));
    }
    const trainerIds = dto.trainerIds;
    if (
      trainerIds &&
      !sameIds(
        trainerIds,
        group.trainers.map((trainer) => trainer.id),
      )
    ) {
      await this.requireTrainers(trainerIds, group.regionId);
      await this.requireNoSessionsLedByOthers(id, trainerIds);
      changes.trainers = trainerIds.map((trainerId) => ({ id: trainerId }));
    }
    await this.groups.save(changes);
    if (changes.members) {
      const before = group.members.map((member) => member.id);
      const changed = [...before, ...participantIds!].filter(
        (member) => !before.includes(member) || !participantIds!.includes(member),
      );
      await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged(changed));
    }
    return this.get(id);
  }

  /** The groups each of these participants is a member of (for finding their sessions). */
  async groupIdsOf(participantIds: string[]): Promise<Map<string, string[]>> {
    const groups =
      participantIds.length === 0
        ? []
        : await this.groups.find({
            where: { members: { id: In(participantIds) } },
            relations: { members: true },
            select: { id: true, members: { id: true } },
          });
    const byParticipant = new Map<string, string[]>(participantIds.map((id) => [id, []]));
    for (const group of groups) {
      for (const member of group.members) byParticipant.get(member.id)?.push(group.id);
    }
    return byParticipant;
  }

  /** A group that still has sessions answers 409 (the sessions refer to it). */
  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.groups.delete({ id });
  }

  /**
   * A group may follow another group of its own programme, not itself, and not one that (through others) follows
   * it: a circle has no first group. 400 naming `afterGroupId`.
   */
  private async requireFollowable(groupId: string | undefined, afterGroupId: string, programmeId: string) {
    const after = afterGroupId.toLowerCase();
    if (after === groupId) throw new BadRequestException('afterGroupId: a group cannot follow itself');
    const siblings = await this.groups.find({
      where: { programmeId },
      select: { id: true, afterGroupId: true },
    });
    const follows = new Map(siblings.map((sibling) => [sibling.id, sibling.afterGroupId]));
    if (!follows.has(after))
      throw new BadRequestException(`afterGroupId: no group ${afterGroupId} in programme ${programmeId}`);
    const seen = new Set<string>();
    for (let next: string | null | undefined = after; next && !seen.has(next); next = follows.get(next)) {
      seen.add(next);
      if (next === groupId)
        throw new BadRequestException(
          `afterGroupId: group ${afterGroupId} leads back to this group in a circle`,
        );
    }
  }

  private requireParticipants(ids: string[], regionId: string): Promise<void> {
    return requireEach(ids, 'participantIds', (id, field) =>
      this.participants.requireInRegion(id, regionId, field),
    );
  }

  private requireTrainers(ids: string[], regionId: string): Promise<void> {
    return requireEach(ids, 'trainerIds', (id, field) => this.trainers.requireInRegion(id, regionId, field));
  }

  /** A session is led by one of its group's trainers, so a trainer who still leads some cannot leave the group. */
  private async requireNoSessionsLedByOthers(groupId: string, trainerIds: string[]): Promise<void> {
    const session = await this.txHost.tx.getRepository(Session).findOne({
      where: { groupId, trainerId: trainerIds.length > 0 ? Not(In(trainerIds)) : Not(IsNull()) },
      select: { id: true, trainerId: true },
      order: { start: 'ASC', id: 'ASC' },
    });
    if (session) {
      throw new ConflictException(
        `trainerIds: trainer ${session.trainerId} still leads sessions of this group; give them another trainer first`,
      );
    }
  }
}
