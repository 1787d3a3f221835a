import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction } from './audit-entry.entity';

/** One row of the audit log as the service writes it; `at` is when the data was read, not when it was written. */
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

/** Rows are written at most this long after the read… */
export const AUDIT_FLUSH_MS = 100;
/** …or as soon as this many wait. */
export const AUDIT_FLUSH_ROWS = 500;

const INSERT =
  'INSERT INTO audit_log (at, actor_token_id, actor_role, actor_label, action, record_type, record_id, ' +
  'participant_id, region_id) SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], ' +
  '$5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[])';

/**
 * The audit rows of reads, written in batches: a read changes nothing, so there is no transaction its row must
 * commit with, and one multi-row INSERT per batch instead of one per request keeps reads from waiting on the
 * disk. Everything still pending is written when the service shuts down; a batch that fails to write is kept
 * and tried again.
 */
@Injectable()
export class AuditBuffer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(AuditBuffer.name);
  private pending: AuditRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get size(): number {
    return this.pending.length;
  }

  add(rows: AuditRow[]): void {
    if (rows.length === 0) return;
    this.pending.push(...rows);
    if (this.pending.length >= AUDIT_FLUSH_ROWS) void this.flush().catch(() => undefined);
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
    this.pending = [];
    const column = <K extends keyof AuditRow>(key: K) => batch.map((row) => row[key]);
    try {
      await this.dataSource.query(INSERT, [
        column('at'),
        column('actorTokenId'),
        column('actorRole'),
        column('actorLabel'),
        column('action'),
        column('recordType'),
        column('recordId'),
        column('participantId'),
        column('regionId'),
      ]);
    } catch (error) {
      this.pending = [...batch, ...this.pending];
      this.logger.error(`could not write ${batch.length} audit rows; they are kept and tried again`);
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
    if (this.pending.length === 0) return;
    if (!this.dataSource.isInitialized) {
      this.logger.error(`${this.pending.length} audit rows were not written: the database closed first`);
      return;
    }
    await this.flush();
  }
}
