import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { And, FindOptionsWhere, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { notFound } from '../../common/errors/not-found';
import {
  onlineMembers,
  onlineMembersOf,
  OnlineRange,
  rangesClash,
} from '../../planning/scheduling/online-periods';
import { addDays } from '../../planning/time/calendar';
import { instantToLocal, localToInstant } from '../../planning/time/wall-clock';
import { RegionsService } from '../regions/regions.service';
import { Group } from './group.entity';
import { requireEach } from './id-list-checks';
import { OnlinePeriod } from './online-period.entity';
import { ProgrammesService } from './programmes.service';
import { Session } from './session.entity';

/** What a new online period says; checked against the programme's groups and members here. */
export interface NewOnlinePeriod {
  from: string;
  to: string;
  groupId?: string | null;
  participantIds?: string[];
  videoUrl: string;
  durationMinutes: number;
}

const rangeOf = (period: OnlinePeriod): OnlineRange => ({
  id: period.id,
  programmeId: period.programmeId,
  groupId: period.groupId,
  from: period.from,
  to: period.to,
  participantIds: (period.participants ?? []).map((participant) => participant.id).sort(),
  videoUrl: period.videoUrl,
  durationMinutes: period.durationMinutes,
});

/**
 * The online periods of programmes: stored, checked, and asked which members of which sessions take part online.
 * What follows from a switch (care, rides, messages) is said by the online module.
 */
@Injectable()
export class OnlinePeriodsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly programmes: ProgrammesService,
    private readonly regions: RegionsService,
  ) {}

  private get periods() {
    return this.txHost.tx.getRepository(OnlinePeriod);
  }

  private get groups() {
    return this.txHost.tx.getRepository(Group);
  }

  /** A programme's periods, in order of their first date. */
  async list(programmeId: string): Promise<OnlineRange[]> {
    await this.programmes.get(programmeId);
    return (await this.load({ programmeId })).map(rangeOf);
  }

  async get(programmeId: string, id: string): Promise<OnlineRange> {
    const [period] = await this.load({ programmeId, id });
    if (!period) throw notFound('online period', id);
    return rangeOf(period);
  }

  /** Stores a period; 400 naming the field for a group or member outside the programme, 409 for an overlap. */
  async create(programmeId: string, input: NewOnlinePeriod): Promise<OnlineRange> {
    const programme = await this.programmes.get(programmeId);
    const groups = await this.membersByGroup(programmeId);
    const groupId = input.groupId ?? null;
    if (groupId !== null && !groups.has(groupId.toLowerCase()))
      throw new BadRequestException(`groupId: no group ${groupId} in this programme`);
    const covered = groupId === null ? [...groups.values()].flat() : groups.get(groupId.toLowerCase())!;
    const participantIds = input.participantIds ?? [];
    await requireEach(participantIds, 'participantIds', async (id, field) => {
      if (!covered.includes(id.toLowerCase()))
        throw new BadRequestException(
          `${field}: ${id} is not a member of ${groupId === null ? 'a group of this programme' : `group ${groupId}`}`,
        );
    });
    const range: OnlineRange = {
      id: '',
      programmeId,
      groupId: groupId?.toLowerCase() ?? null,
      from: input.from,
      to: input.to,
      participantIds: participantIds.map((id) => id.toLowerCase()),
      videoUrl: input.videoUrl,
      durationMinutes: input.durationMinutes,
    };
    const clash = (await this.list(programmeId)).find((other) =>
      rangesClash(range, other, (id) => groups.get(id) ?? [], [...groups.keys()]),
    );
    if (clash)
      throw new ConflictException(
        `from: online period ${clash.id} (${clash.from} to ${clash.to}) already puts some of these members online then`,
      );
    const { id } = await this.periods.save(
      this.periods.create({
        regionId: programme.regionId,
        programmeId,
        groupId: range.groupId,
        from: range.from,
        to: range.to,
        videoUrl: range.videoUrl,
        durationMinutes: range.durationMinutes,
        participants: range.participantIds.map((participantId) => ({ id: participantId })),
      }),
    );
    return this.get(programmeId, id);
  }

  async remove(programmeId: string, id: string): Promise<OnlineRange> {
    const period = await this.get(programmeId, id);
    await this.periods.delete({ id });
    return period;
  }

  /** Puts the periods of an import in place of a programme's, unless they are the same; answers whether it changed. */
  async replaceForProgramme(
    programmeId: string,
    regionId: string,
    wanted: NewOnlinePeriod[],
  ): Promise<boolean> {
    const key = (range: Omit<NewOnlinePeriod, 'groupId'> & { groupId?: string | null }) =>
      JSON.stringify([
        range.from,
        range.to,
        range.groupId ?? null,
        [...(range.participantIds ?? [])].sort(),
        range.videoUrl,
        range.durationMinutes,
      ]);
    const current = (await this.load({ programmeId })).map(rangeOf);
    if (current.map(key).sort().join() === wanted.map(key).sort().join()) return false;
    await this.periods.delete({ programmeId });
    for (const period of wanted) {
      await this.periods.save(
        this.periods.create({
          regionId,
          programmeId,
          groupId: period.groupId ?? null,
          from: period.from,
          to: period.to,
          videoUrl: period.videoUrl,
          durationMinutes: period.durationMinutes,
          participants: (period.participantIds ?? []).map((participantId) => ({ id: participantId })),
        }),
      );
    }
    return true;
  }

  /**
   * The planned sessions a period covers from `now` on, in order of start: those of its groups that start on its
   * dates, in the region's time zone.
   */
  async sessionsOf(range: OnlineRange, now: Date): Promise<Session[]> {
    const { regionId } = await this.programmes.get(range.programmeId);
    const zone = (await this.regions.timezones([regionId])).get(regionId)!;
    const groupIds =
      range.groupId === null ? [...(await this.membersByGroup(range.programmeId)).keys()] : [range.groupId];
    if (groupIds.length === 0) return [];
    const first = localToInstant(range.from, '00:00', zone);
    const sessions = await this.txHost.tx.getRepository(Session).find({
      where: {
        groupId: In(groupIds),
        status: 'planned',
        start: And(
          MoreThanOrEqual(first > now ? first : now),
          LessThan(localToInstant(addDays(range.to, 1), '00:00', zone)),
        ),
      },
      select: { id: true, regionId: true, groupId: true, locationId: true, start: true, end: true },
      order: { start: 'ASC', id: 'ASC' },
    });
    return sessions;
  }

  /** The members a period puts online in each of these sessions of its. */
  async membersOnline(range: OnlineRange, sessions: Session[]): Promise<Map<string, string[]>> {
    const members = await this.membersByGroup(range.programmeId);
    return new Map(
      sessions.map((session) => [
        session.id,
        onlineMembersOf(range, {
          id: session.id,
          groupId: session.groupId,
          programmeId: range.programmeId,
          date: '',
          memberIds: members.get(session.groupId) ?? [],
        }),
      ]),
    );
  }

  /**
   * Per session, the members who take part online and the period that puts them there (sessions without any are
   * left out). The planners of care and rides leave these women out; can-come counts them as there.
   */
  async onlineIn(sessions: Session[]): Promise<Map<string, Map<string, OnlineRange>>> {
    if (sessions.length === 0) return new Map();
    const groupIds = [...new Set(sessions.map((session) => session.groupId))];
    const groups = await this.groups.find({
      where: { id: In(groupIds) },
      relations: { members: true },
      select: { id: true, programmeId: true, members: { id: true } },
    });
    const programmeOf = new Map(groups.map((group) => [group.id, group.programmeId]));
    const membersOf = new Map(groups.map((group) => [group.id, group.members.map((member) => member.id)]));
    const periods = await this.load({ programmeId: In([...new Set(programmeOf.values())]) });
    if (periods.length === 0) return new Map();
    const zones = await this.regions.timezones(sessions.map((session) => session.regionId));
    return onlineMembers(
      periods.map(rangeOf),
      sessions.map((session) => ({
        id: session.id,
        groupId: session.groupId,
        programmeId: programmeOf.get(session.groupId) ?? '',
        date: instantToLocal(session.start, zones.get(session.regionId)!).date,
        memberIds: membersOf.get(session.groupId) ?? [],
      })),
    );
  }

  /** The periods of a programme as the scenario export writes them, with refs for groups and members. */
  async exportRanges(programmeId: string): Promise<OnlinePeriod[]> {
    return this.periods.find({
      where: { programmeId },
      relations: { participants: true, group: true },
      select: { participants: { id: true, ref: true }, group: { id: true, ref: true } },
      order: { from: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  private load(where: FindOptionsWhere<OnlinePeriod>): Promise<OnlinePeriod[]> {
    return this.periods.find({
      where,
      relations: { participants: true },
      select: { participants: { id: true } },
      order: { from: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The ids of each group of a programme and its members. */
  private async membersByGroup(programmeId: string): Promise<Map<string, string[]>> {
    const groups = await this.groups.find({
      where: { programmeId },
      relations: { members: true },
      select: { id: true, members: { id: true } },
      order: { name: 'ASC', id: 'ASC' },
    });
    return new Map(groups.map((group) => [group.id, group.members.map((member) => member.id)]));
  }
}
