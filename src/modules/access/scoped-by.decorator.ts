import { SetMetadata, Type } from '@nestjs/common';
import { RecordScope } from './access-context';

/** A service that can say where one of its records sits. */
export interface ScopedRecords {
  scopeOf(id: string): Promise<RecordScope | undefined>;
}

export interface ScopedByOptions {
  service: Type<ScopedRecords>;
  /** What the record is called in a 404, e.g. "participant". */
  what: string;
  /** The path parameter that holds its id. */
  param?: string;
  /**
   * The scope may be kept per version of the data (DataVersion): only for records in tables that bump it, on
   * endpoints asked often enough to be worth it.
   */
  keptPerVersion?: boolean;
}

export const SCOPED_BY = 'trefpunt:scoped-by';

/**
 * The records that `:id` (or `param`) names are checked before the handler runs: one out of the caller's reach
 * answers 404, the same as one that does not exist.
 */
export const ScopedBy = (
  service: Type<ScopedRecords>,
  what: string,
  param = 'id',
  options: Pick<ScopedByOptions, 'keptPerVersion'> = {},
) => SetMetadata(SCOPED_BY, { service, what, param, ...options } satisfies ScopedByOptions);
