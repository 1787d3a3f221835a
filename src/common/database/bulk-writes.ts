import { DeepPartial, FindOptionsWhere, In, ObjectLiteral, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { WeeklyWindow } from './weekly-windows';

/** Rows per statement: well under PostgreSQL's 65 535 parameters for our widest tables. */
const CHUNK = 1000;

/**
 * Rows per statement of the bulk writes of an import: building and reading back a statement of 1000 rows keeps
 * the event loop busy for tens of milliseconds; pieces this small let other requests (/health) in between.
 */
const WRITE_CHUNK = 250;

/** `rows` in pieces of at most `size`, for statements that take a list (IN, multi-row INSERT). */
export const chunks = <T>(rows: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, index) =>
    rows.slice(index * size, (index + 1) * size),
  );

export interface ChangeCount {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UpsertOutcome extends ChangeCount {
  /** The id of every row written, by its ref. */
  ids: Map<string, string>;
}

interface RegionOwned extends ObjectLiteral {
  id: string;
  regionId: string;
  ref: string | null;
}

/**
 * Creates or updates a region's records by their ref in a few statements, leaving rows whose values are the
 * same untouched (so that importing the same file twice changes nothing, not even `updated_at`).
 * A ref that is the id of a record of the region without a ref (exported from a record made through the API)
 * adopts that record instead of creating a second one.
 */
export async function upsertByRef<T extends RegionOwned>(
  repository: Repository<T>,
  regionId: string,
  rows: (DeepPartial<T> & { ref: string })[],
): Promise<UpsertOutcome> {
  const refs = rows.map((row) => row.ref);
  if (refs.length === 0) return { ids: new Map(), created: 0, updated: 0, unchanged: 0 };
  await repository
    .createQueryBuilder()
    .update()
    .set({ ref: () => 'id::text' } as QueryDeepPartialEntity<T>)
    .where('region_id = :regionId AND ref IS NULL AND id::text = ANY(:refs)', { regionId, refs })
    .execute();
  const existing = await findIdsByRef(repository, regionId, refs);
  let affected = 0;
  for (const chunk of chunks(rows, WRITE_CHUNK)) {
    const result = await repository.upsert(
      chunk.map((row) => ({ ...row, regionId }) as QueryDeepPartialEntity<T>),
      { conflictPaths: ['regionId', 'ref'], skipUpdateIfNoValuesChanged: true },
    );
    affected += (result.raw as unknown[]).length;
  }
  const ids = await findIdsByRef(repository, regionId, refs);
  const created = refs.filter((ref) => !existing.has(ref)).length;
  return { ids, created, updated: affected - created, unchanged: rows.length - affected };
}

async function findIdsByRef<T extends RegionOwned>(
  repository: Repository<T>,
  regionId: string,
  refs: string[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(refs, WRITE_CHUNK)) {
    const found = await repository.find({
      where: { regionId, ref: In(chunk) } as FindOptionsWhere<T>,
      select: { id: true, ref: true } as never,
    });
    for (const row of found) ids.set(row.ref as string, row.id);
  }
  return ids;
}

/**
 * Makes the rows that belong to the given parents exactly `desired` (a list of values without identity, such as
 * opening hours or a participant's lessons): rows equal to a desired one (by `key`) stay with their id, the others
 * are deleted, and the missing ones inserted. Returns how many rows were created and deleted.
 */
export async function syncOwnedRows<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
  parentProperty: keyof T & string,
  parentIds: string[],
  desired: DeepPartial<T>[],
  key: (row: DeepPartial<T>) => string,
): Promise<{ created: number; deleted: number }> {
  const existing: T[] = [];
  for (const chunk of chunks(parentIds, WRITE_CHUNK)) {
    existing.push(
      ...(await repository.find({ where: { [parentProperty]: In(chunk) } as FindOptionsWhere<T> })),
    );
  }
  // Matched one to one, so that two equal desired rows keep two equal existing ones.
  const unmatched = new Map<string, T[]>();
  for (const row of existing) {
    const rowKey = key(row as DeepPartial<T>);
    unmatched.set(rowKey, [...(unmatched.get(rowKey) ?? []), row]);
  }
  const toInsert = desired.filter((row) => {
    const same = unmatched.get(key(row));
    return !(same && same.length > 0 && same.pop());
  });
  const toDelete = [...unmatched.values()].flat().map((row) => row.id);
  for (const chunk of chunks(toDelete, WRITE_CHUNK)) await repository.delete(chunk);
  for (const chunk of chunks(toInsert, WRITE_CHUNK)) {
    await repository.insert(chunk as QueryDeepPartialEntity<T>[]);
  }
  return { created: toInsert.length, deleted: toDelete.length };
}

/** Identity of a weekly window row within its parent, for syncOwnedRows. */
export const windowKey =
  (parentProperty: string) =>
  (row: object): string => {
    const window = row as Record<string, unknown>;
    return JSON.stringify([window[parentProperty], window.weekday, window.from, window.to]);
  };

/** Rows created and removed among the values without identity (lessons, opening hours, members…). */
export interface RowChanges {
  created: number;
  deleted: number;
}

/**
 * Upserts a region's records by ref together with one list of weekly windows each (opening hours,
 * availability) kept in `windows`, whose rows point at their record through `parentProperty`.
 */
export async function upsertWithWindows<
  T extends RegionOwned,
  W extends ObjectLiteral & { id: string },
  F extends string,
>(
  parents: Repository<T>,
  windows: Repository<W>,
  parentProperty: keyof W & string,
  regionId: string,
  windowsField: F,
  rows: (DeepPartial<T> & { ref: string } & Record<F, WeeklyWindow[]>)[],
): Promise<UpsertOutcome & { windows: RowChanges }> {
  const outcome = await upsertByRef(
    parents,
    regionId,
    rows.map((row) => {
      const { [windowsField]: _, ...record } = row;
      return record as unknown as DeepPartial<T> & { ref: string };
    }),
  );
  const windowChanges = await syncOwnedRows(
    windows,
    parentProperty,
    [...outcome.ids.values()],
    rows.flatMap((row) => {
      const rowWindows: WeeklyWindow[] = row[windowsField];
      return rowWindows.map(
        (window) => ({ ...window, [parentProperty]: outcome.ids.get(row.ref)! }) as unknown as DeepPartial<W>,
      );
    }),
    windowKey(parentProperty),
  );
  return { ...outcome, windows: windowChanges };
}
