import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import {
  RowChanges,
  syncOwnedRows,
  upsertByRef,
  UpsertOutcome,
  windowKey,
} from '../../common/database/bulk-writes';
import { WeeklyWindow } from '../../common/database/weekly-windows';
import { Municipality } from './municipality.entity';
import { RegionClosedDate } from './region-closed-date.entity';
import { RegionSchoolHours } from './region-school-hours.entity';
import { Policy, Region } from './region.entity';

export interface RegionImport {
  ref: string;
  name: string;
  timezone: string;
  policy: Policy;
  schoolHours: WeeklyWindow[];
  closedDates: { from: string; to: string; reason: string }[];
}

/** The regions module's part of scenario import and export: the region itself and its municipalities. */
@Injectable()
export class RegionsScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private repository<T extends object>(entity: new () => T) {
    return this.txHost.tx.getRepository(entity);
  }

  /** Creates or updates the region by its ref; returns its id and whether anything changed. */
  async importRegion(
    row: RegionImport,
  ): Promise<{ id: string; created: boolean; changes: RowChanges & { updated: boolean } }> {
    const regions = this.repository(Region);
    const before = await regions.findOne({ where: { ref: row.ref }, select: { id: true } });
    const result = await regions.upsert(
      { ref: row.ref, name: row.name, timezone: row.timezone, policy: row.policy },
      { conflictPaths: ['ref'], skipUpdateIfNoValuesChanged: true },
    );
    const { id } = await regions.findOneOrFail({ where: { ref: row.ref }, select: { id: true } });
    const school = await syncOwnedRows(
      this.repository(RegionSchoolHours),
      'regionId',
      [id],
      row.schoolHours.map((window) => ({ ...window, regionId: id })),
      windowKey('regionId'),
    );
    const closed = await syncOwnedRows(
      this.repository(RegionClosedDate),
      'regionId',
      [id],
      row.closedDates.map((closure) => ({ ...closure, regionId: id })),
      (closure) => JSON.stringify([closure.regionId, closure.from, closure.to, closure.reason ?? '']),
    );
    return {
      id,
      created: !before,
      changes: {
        updated: Boolean(before) && (result.raw as unknown[]).length > 0,
        created: school.created + closed.created,
        deleted: school.deleted + closed.deleted,
      },
    };
  }

  importMunicipalities(regionId: string, rows: { ref: string; name: string }[]): Promise<UpsertOutcome> {
    return upsertByRef(this.repository(Municipality), regionId, rows);
  }

  exportRegion(regionId: string): Promise<Region> {
    return this.repository(Region).findOneOrFail({
      where: { id: regionId },
      relations: { schoolHours: true, closedDates: true },
    });
  }

  exportMunicipalities(regionId: string): Promise<Municipality[]> {
    return this.repository(Municipality).find({ where: { regionId } });
  }

  /** Every region's id, for jobs that go over all of them (the reminders). */
  async allIds(): Promise<string[]> {
    return (await this.repository(Region).find({ select: { id: true }, order: { id: 'ASC' } })).map(
      (r) => r.id,
    );
  }
}
