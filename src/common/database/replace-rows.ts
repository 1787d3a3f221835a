import { DeepPartial, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { sameWindows, WeeklyWindow } from './weekly-windows';

/**
 * Replaces one list of a record (a region's school hours, a provider's places) by these rows: deletes the old
 * rows, then inserts the new ones, one statement after the other.
 *
 * Not through a cascading save of the record with its lists: TypeORM 0.3 loads the stored lists for such a save
 * with several queries at once on the transaction's one connection, which pg warns about since 8.19 and will
 * refuse in pg 9. The record itself is saved without its lists.
 */
export async function replaceRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  owner: FindOptionsWhere<T>,
  rows: DeepPartial<T>[],
): Promise<void> {
  await manager.delete(entity, owner);
  if (rows.length > 0) await manager.insert(entity, manager.create(entity, rows));
}

/**
 * Replaces a record's weekly windows (availability, opening hours, school hours) by those given, when they differ
 * from those stored; none given keeps them. `owner` names the record, as column and id. Answers whether they changed.
 */
export async function replaceWindows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  owner: Record<string, string>,
  given: WeeklyWindow[] | undefined,
  stored: WeeklyWindow[],
): Promise<boolean> {
  if (!given || sameWindows(given, stored)) return false;
  const rows = given.map((window) => ({ ...window, ...owner }) as unknown as DeepPartial<T>);
  await replaceRows(manager, entity, owner as FindOptionsWhere<T>, rows);
  return true;
}
