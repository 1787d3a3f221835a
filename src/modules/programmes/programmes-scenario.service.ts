import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { RowChanges, upsertByRef, UpsertOutcome } from '../../common/database/bulk-writes';
import { Group } from './group.entity';
import { Programme } from './programme.entity';
import { ProgrammePhase } from './programme-phase';
import { OnlinePeriod } from './online-period.entity';
import { NewOnlinePeriod, OnlinePeriodsService } from './online-periods.service';

export interface ProgrammeImport {
  ref: string;
  name: string;
  startDate: string;
  sessionsPerGroup: number;
  sessionsPerWeek: number;
  intervalWeeks: number;
  durationMinutes: number;
  phases: ProgrammePhase[];
  avoidReligiousPeriods: boolean;
}

export interface GroupImport {
  ref: string;
  name: string;
  locationId: string;
  interpreterLanguages: string[];
  participantIds: string[];
  trainerIds: string[];
  startDate: string | null;
  rollingStartMinReady: number | null;
  /** The ref of the group it follows, of the same import. */
  afterRef: string | null;
}

/** The programmes module's part of scenario import and export: the programme and its groups. */
@Injectable()
export class ProgrammesScenarioService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly online: OnlinePeriodsService,
  ) {}

  async importProgramme(
    regionId: string,
    programme: ProgrammeImport,
    groups: GroupImport[],
    keepMembers: Set<string> = new Set(),
  ): Promise<{ programme: UpsertOutcome; groups: UpsertOutcome; members: RowChanges }> {
    const programmeOutcome = await upsertByRef(this.txHost.tx.getRepository(Programme), regionId, [
      programme,
    ]);
    const programmeId = programmeOutcome.ids.get(programme.ref)!;
    const groupOutcome = await upsertByRef(
      this.txHost.tx.getRepository(Group),
      regionId,
      groups.map(({ participantIds: _, trainerIds: __, afterRef: ___, ...group }) => ({
        ...group,
        programmeId,
      })),
    );
    // Who follows whom, once every group has its id; a link set again as it was is no change.
    let linksChanged = 0;
    for (const group of groups) {
      const afterGroupId = group.afterRef === null ? null : groupOutcome.ids.get(group.afterRef)!;
      const result = await this.txHost.tx
        .getRepository(Group)
        .createQueryBuilder()
        .update()
        .set({ afterGroupId })
        .where('id = :id AND after_group_id IS DISTINCT FROM :after', {
          id: groupOutcome.ids.get(group.ref)!,
          after: afterGroupId,
        })
        .execute();
      linksChanged += result.affected ?? 0;
    }
    const relinked = Math.min(linksChanged, groupOutcome.unchanged);
    groupOutcome.updated += relinked;
    groupOutcome.unchanged -= relinked;
    const members = { created: 0, deleted: 0 };
    for (const group of groups) {
      const groupId = groupOutcome.ids.get(group.ref)!;
      for (const [relation, wanted] of [
        ['members', group.participantIds],
        ['trainers', group.trainerIds],
      ] as const) {
        const change = await this.syncRelation(
          groupId,
          relation,
          wanted,
          relation === 'members' ? keepMembers : new Set(),
        );
        members.created += change.created;
        members.deleted += change.deleted;
      }
    }
    return { programme: programmeOutcome, groups: groupOutcome, members };
  }

  private async syncRelation(
    groupId: string,
    relation: 'members' | 'trainers',
    wanted: string[],
    keep: Set<string>,
  ): Promise<RowChanges> {
    const builder = this.txHost.tx.createQueryBuilder().relation(Group, relation).of(groupId);
    const current = new Set((await builder.loadMany<{ id: string }>()).map((row) => row.id));
    const target = new Set(wanted);
    const add = [...target].filter((id) => !current.has(id));
    const remove = [...current].filter((id) => !target.has(id) && !keep.has(id));
    if (add.length > 0 || remove.length > 0) await builder.addAndRemove(add, remove);
    return { created: add.length, deleted: remove.length };
  }

  /**
   * The programme's online periods as the file says (version 2), group and members already ids; a list without
   * ids of its own, so made as the file says. Answers whether anything changed.
   */
  importOnline(programmeId: string, regionId: string, periods: NewOnlinePeriod[]): Promise<boolean> {
    return this.online.replaceForProgramme(programmeId, regionId, periods);
  }

  /** The region's programme by ref, or else the one created first; undefined when it has none. */
  async exportProgramme(
    regionId: string,
    ref?: string,
  ): Promise<{ programme: Programme; groups: Group[]; online: OnlinePeriod[] } | undefined> {
    const programmes = this.txHost.tx.getRepository(Programme);
    const programme = ref
      ? await programmes.findOne({ where: { regionId, ref } })
      : await programmes.findOne({ where: { regionId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (!programme) return undefined;
    const groups = await this.txHost.tx.getRepository(Group).find({
      where: { programmeId: programme.id },
      relations: { members: true, trainers: true },
      select: { members: { id: true, ref: true }, trainers: { id: true, ref: true } },
    });
    return { programme, groups, online: await this.online.exportRanges(programme.id) };
  }

  /** A programme with its groups, their members' and trainers' ids, for planning. */
  async withGroups(programmeId: string): Promise<{ programme: Programme; groups: Group[] } | undefined> {
    const programme = await this.txHost.tx.getRepository(Programme).findOne({ where: { id: programmeId } });
    if (!programme) return undefined;
    const groups = await this.txHost.tx.getRepository(Group).find({
      where: { programmeId },
      relations: { members: true, trainers: true },
      select: { members: { id: true, ref: true }, trainers: { id: true, ref: true } },
      order: { name: 'ASC', id: 'ASC' },
    });
    return { programme, groups };
  }

  /** Every group of a region (ids, refs and locations), for plan exports and the planning cascade. */
  programmesOfRegion(regionId: string): Promise<Programme[]> {
    return this.txHost.tx
      .getRepository(Programme)
      .find({ where: { regionId }, select: { id: true, ref: true, name: true } });
  }

  groupsOfRegion(regionId: string): Promise<Group[]> {
    return this.txHost.tx.getRepository(Group).find({
      where: { regionId },
      select: { id: true, ref: true, name: true, locationId: true, programmeId: true },
    });
  }
}
