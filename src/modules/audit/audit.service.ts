import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { Page } from '../../common/api/page';
import { AccessContext } from '../access/access-context';
import { AuditAction, AuditEntry } from './audit-entry.entity';
import { AuditBuffer, AuditRead } from './audit-buffer';

export interface AuditedRecord {
  recordType: string;
  recordId: string;
  participantId: string;
  regionId: string;
}

const CHUNK = 1000;

/** Actions that change nothing: their rows need not commit with any work, so they are written in batches. */
const READS: ReadonlySet<AuditAction> = new Set(['read', 'export']);

/**
 * Writes who read or changed which participant's data: a change in the transaction of the request that made it,
 * a read (or export) within a moment after it was answered (AuditBuffer).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly buffer: AuditBuffer,
  ) {}

  private get entries() {
    return this.txHost.tx.getRepository(AuditEntry);
  }

  async record(action: AuditAction, records: AuditedRecord[]): Promise<void> {
    if (READS.has(action)) {
      const byType = new Map<
        string,
        { recordIds: string[]; participantIds: string[]; regionIds: string[] }
      >();
      for (const { recordType, recordId, participantId, regionId } of records) {
        let columns = byType.get(recordType);
        if (!columns)
          byType.set(recordType, (columns = { recordIds: [], participantIds: [], regionIds: [] }));
        columns.recordIds.push(recordId);
        columns.participantIds.push(participantId);
        columns.regionIds.push(regionId);
      }
      for (const [recordType, columns] of byType) this.recordRead(action, recordType, columns);
      return;
    }
    const actor = this.access.principal();
    const rows = records.map((record) => ({
      ...record,
      action,
      actorTokenId: actor.tokenId ?? null,
      actorRole: actor.role,
      actorLabel: actor.label,
    }));
    for (let start = 0; start < rows.length; start += CHUNK) {
      await this.entries.insert(rows.slice(start, start + CHUNK));
    }
  }

  /**
   * A read (or export) of participants' records in one region, from lists the caller may keep (a kept answer's):
   * nothing is copied per record.
   */
  recordParticipantsRead(
    action: 'read' | 'export',
    regionId: string,
    participantIds: readonly string[],
  ): void {
    this.recordRead(action, 'participant', {
      recordIds: participantIds,
      participantIds,
      regionIds: new Array<string>(participantIds.length).fill(regionId),
    });
  }

  private recordRead(
    action: AuditAction,
    recordType: string,
    records: Pick<AuditRead, 'recordIds' | 'participantIds' | 'regionIds'>,
  ): void {
    const actor = this.access.principal();
    this.buffer.addRead({
      at: new Date(),
      actorTokenId: actor.tokenId ?? null,
      actorRole: actor.role,
      actorLabel: actor.label,
      action,
      recordType,
      ...records,
    });
  }

  /** The log, newest first, of the given participants or regions (already narrowed to the caller's reach). */
  async list(
    filter: { participantIds?: string[]; regionIds?: string[] },
    page: { limit: number; offset: number },
  ): Promise<Page<AuditEntry>> {
    // This instance's reads so far are in the log it answers (another instance's follow within AUDIT_FLUSH_MS).
    await this.buffer.flush();
    const where: FindOptionsWhere<AuditEntry> = {};
    if (filter.participantIds) where.participantId = In(filter.participantIds);
    if (filter.regionIds) where.regionId = In(filter.regionIds);
    const [items, total] = await this.entries.findAndCount({
      where,
      order: { at: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }
}
