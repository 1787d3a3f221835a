import { SetMetadata } from '@nestjs/common';

export interface AuditedOptions {
  /** participant, child, lesson, appointment */
  recordType: string;
  /** The field of an answered item that holds the record's id (default `id`). */
  idField?: string;
}

export const AUDITED = 'trefpunt:audited';

/**
 * The endpoint reads or changes a participant's personal data: each record it answers (or, for a delete, the
 * record in its path) is written to the audit log, in the same transaction as the work itself.
 */
export const Audited = (recordType: string, options: Omit<AuditedOptions, 'recordType'> = {}) =>
  SetMetadata(AUDITED, { recordType, ...options } satisfies AuditedOptions);
