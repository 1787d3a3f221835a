import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { PinnedTime } from '../../planning/scheduling/model';
import { PinnedSlot } from './pinned-slot.entity';

/** The weekly times coordinators pinned for their groups. */
@Injectable()
export class PinnedSlotsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get pinned() {
    return this.txHost.tx.getRepository(PinnedSlot);
  }

  async forGroups(groupIds: string[]): Promise<Map<string, PinnedTime[]>> {
    const rows =
      groupIds.length === 0
        ? []
        : await this.pinned.find({ where: { groupId: In(groupIds) }, order: { weekday: 'ASC' } });
    const byGroup = new Map<string, PinnedTime[]>();
    for (const row of rows)
      byGroup.set(row.groupId, [
        ...(byGroup.get(row.groupId) ?? []),
        { weekday: row.weekday, start: row.start },
      ]);
    return byGroup;
  }

  @Transactional()
  async replace(groupId: string, slots: PinnedTime[]): Promise<PinnedTime[]> {
    await this.pinned.delete({ groupId });
    if (slots.length > 0) await this.pinned.insert(slots.map((slot) => ({ ...slot, groupId })));
    return (await this.forGroups([groupId])).get(groupId) ?? [];
  }
}
