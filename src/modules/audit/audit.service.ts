import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { Page } from '../../common/api/page';
import { AccessContext } from '../access/access-context';
import { AuditAction, AuditEntry } from './audit-entry.entity';
import { AuditBuffer } from './audit-buffer';

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
    const actor = this.access.principal();
    const rows = records.map((record) => ({
      ...record,
      action,
      actorTokenId: actor.tokenId ?? null,
      actorRole: actor.role,
      actorLabel: actor.label,
    }));
    if (READS.has(action)) {
      const at = new Date();
      this.buffer.add(rows.map((row) => ({ ...row, at })));
      return;
    }
    for (let start = 0; start < rows.length; start += CHUNK) {
      await this.entries.insert(rows.slice(start, start + CHUNK));
    }
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
