import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
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
    const { sql, params } = entriesQuery(filter);
    const manager = this.txHost.tx;
    const [rows, [{ total }]] = await Promise.all([
      manager.query(
        `${sql} ORDER BY at DESC, source DESC, sequence DESC, n DESC LIMIT $${params.length + 1} ` +
          `OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ) as Promise<EntryRow[]>,
      manager.query(`SELECT count(*)::int AS total FROM (${sql}) e`, params) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toEntry), total };
  }
}

interface EntryRow {
  id: string;
  at: Date;
  actor_token_id: string | null;
  actor_role: string;
  actor_label: string;
  action: AuditAction;
  record_type: string;
  record_id: string;
  participant_id: string;
  region_id: string;
}

const toEntry = (row: EntryRow): AuditEntry =>
  Object.assign(new AuditEntry(), {
    id: row.id,
    at: row.at,
    actorTokenId: row.actor_token_id,
    actorRole: row.actor_role,
    actorLabel: row.actor_label,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    participantId: row.participant_id,
    regionId: row.region_id,
  });

/**
 * The entries of changes (`audit_log`, a row per record) and of reads (`audit_reads`, a row per read with its
 * records as arrays, unnested here), narrowed on both sides so that the arrays' GIN indexes pick the reads.
 * A read's entry is `read-<read>-<n>`, its n-th record.
 */
function entriesQuery(filter: { participantIds?: string[]; regionIds?: string[] }): {
  sql: string;
  params: unknown[];
} {
  const params: unknown[] = [];
  const changes: string[] = [];
  const reads: string[] = [];
  const records: string[] = [];
  if (filter.participantIds) {
    params.push(filter.participantIds);
    changes.push(`participant_id = ANY($${params.length}::uuid[])`);
    reads.push(`r.participant_ids && $${params.length}::uuid[]`);
    records.push(`u.participant_id = ANY($${params.length}::uuid[])`);
  }
  if (filter.regionIds) {
    params.push(filter.regionIds);
    changes.push(`region_id = ANY($${params.length}::uuid[])`);
    reads.push(`r.region_ids && $${params.length}::uuid[]`);
    records.push(`u.region_id = ANY($${params.length}::uuid[])`);
  }
  const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const sql =
    `SELECT id::text AS id, 1 AS source, id AS sequence, 0::bigint AS n, at, actor_token_id, actor_role, ` +
    `actor_label, action, record_type, record_id, participant_id, region_id FROM audit_log ${where(changes)} ` +
    `UNION ALL SELECT 'read-' || r.id || '-' || u.n, 2, r.id, u.n, r.at, r.actor_token_id, r.actor_role, ` +
    `r.actor_label, r.action, r.record_type, u.record_id, u.participant_id, u.region_id FROM audit_reads r ` +
    `CROSS JOIN LATERAL unnest(r.record_ids, r.participant_ids, r.region_ids) WITH ORDINALITY ` +
    `AS u(record_id, participant_id, region_id, n) ${where([...reads, ...records])}`;
  return { sql, params };
}
