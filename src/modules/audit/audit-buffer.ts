import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction } from './audit-entry.entity';

/** One entry of the audit log as the service reads it; `at` is when the data was read, not when it was written. */
export interface AuditRow {
  at: Date;
  actorTokenId: string | null;
  actorRole: string;
  actorLabel: string;
  action: AuditAction;
  recordType: string;
  recordId: string;
  participantId: string;
  regionId: string;
}

/** The rows of one read: who read what kind of record when, and the records, as columns of equal length. */
export interface AuditRead extends Omit<AuditRow, 'recordId' | 'participantId' | 'regionId'> {
  recordIds: readonly string[];
  participantIds: readonly string[];
  regionIds: readonly string[];
}

/** Rows are written at most this long after the read… */
export const AUDIT_FLUSH_MS = 100;
/** …or as soon as this many wait. */
export const AUDIT_FLUSH_ROWS = 500;

/**
 * The records ($1–$4: the read each belongs to, numbered from 1, and its ids) gathered into one row per read
 * with its reads ($5–$10): who read and when is sent and stored once per read, not once per record.
 */
const INSERT =
  'INSERT INTO audit_reads (at, actor_token_id, actor_role, actor_label, action, record_type, record_ids, ' +
  'participant_ids, region_ids) ' +
  'SELECT g.at, g.actor_token_id, g.actor_role, g.actor_label, g.action, g.record_type, r.record_ids, ' +
  'r.participant_ids, r.region_ids ' +
  'FROM (SELECT read, array_agg(record_id ORDER BY n) AS record_ids, ' +
  'array_agg(participant_id ORDER BY n) AS participant_ids, array_agg(region_id ORDER BY n) AS region_ids ' +
  'FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY ' +
  'AS r(read, record_id, participant_id, region_id, n) GROUP BY read) r ' +
  'JOIN unnest($5::timestamptz[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY ' +
  'AS g(at, actor_token_id, actor_role, actor_label, action, record_type, read) ON g.read = r.read ' +
  'ORDER BY r.read';

/**
 * A PostgreSQL array literal of ids, written here in one go: the driver would escape each of thousands of
 * elements. Ids are uuids (hex and dashes, never read as NULL); anything else is quoted, so that no value splits.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  const element = (value: string | number) =>
    typeof value === 'number' || /^[0-9A-Fa-f-]+$/.test(value)
      ? String(value)
      : `"${value.replace(/[\\"]/g, '\\$&')}"`;
  return `{${values.map(element).join(',')}}`;
}

/**
 * The audit rows of reads, written in batches: a read changes nothing, so there is no transaction its row must
 * commit with, and one multi-row INSERT per batch instead of one per request keeps reads from waiting on the
 * disk. Everything still pending is written when the service shuts down; a batch that fails to write is kept
 * and tried again.
 */
@Injectable()
export class AuditBuffer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(AuditBuffer.name);
  private pending: AuditRead[] = [];
  private pendingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** The rows waiting to be written. */
  get size(): number {
    return this.pendingRows;
  }

  add(rows: AuditRow[]): void {
    for (const { recordId, participantId, regionId, ...read } of rows) {
      this.addRead({
        ...read,
        recordIds: [recordId],
        participantIds: [participantId],
        regionIds: [regionId],
      });
    }
  }

  addRead(read: AuditRead): void {
    if (read.recordIds.length === 0) return;
    this.pending.push(read);
    this.pendingRows += read.recordIds.length;
    if (this.pendingRows >= AUDIT_FLUSH_ROWS) void this.flush().catch(() => undefined);
    else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), AUDIT_FLUSH_MS).unref();
  }

  /** Writes every pending row; resolves when they (and any batch still being written) are stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // One batch at a time, in order: what comes in meanwhile goes in the next batch.
    this.writing = this.writing.catch(() => undefined).then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    const rows = this.pendingRows;
    this.pending = [];
    this.pendingRows = 0;
    const reads = batch.flatMap((read, index) => read.recordIds.map(() => index + 1));
    const ids = (key: 'recordIds' | 'participantIds' | 'regionIds') =>
      arrayLiteral(batch.flatMap((read) => read[key]));
    const column = <K extends keyof AuditRead>(key: K) => batch.map((read) => read[key]);
    try {
      await this.dataSource.query(INSERT, [
        arrayLiteral(reads),
        ids('recordIds'),
        ids('participantIds'),
        ids('regionIds'),
        column('at'),
        column('actorTokenId'),
        column('actorRole'),
        column('actorLabel'),
        column('action'),
        column('recordType'),
      ]);
    } catch (error) {
      this.pending = [...batch, ...this.pending];
      this.pendingRows += rows;
      this.logger.error(`could not write ${rows} audit rows; they are kept and tried again`);
      this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), AUDIT_FLUSH_MS).unref();
      throw error;
    }
  }

  /** Before the database connections close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  /** Reads answered while the HTTP server closed came after the first flush. */
  async onApplicationShutdown(): Promise<void> {
    if (this.pendingRows === 0) return;
    if (!this.dataSource.isInitialized) {
      this.logger.error(`${this.pendingRows} audit rows were not written: the database closed first`);
      return;
    }
    await this.flush();
  }
}
