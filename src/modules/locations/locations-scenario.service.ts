import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { RowChanges, UpsertOutcome, upsertWithWindows } from '../../common/database/bulk-writes';
import { WeeklyWindow } from '../../common/database/weekly-windows';
import { LocationOpeningHours } from './location-opening-hours.entity';
import { Location } from './location.entity';

export interface LocationImport {
  ref: string;
  municipalityId: string;
  name: string;
  address: string;
  position: { lat: number; lon: number };
  rooms: number;
  openingHours: WeeklyWindow[];
}

/** The locations module's part of scenario import and export. */
@Injectable()
export class LocationsScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  importLocations(
    regionId: string,
    rows: LocationImport[],
  ): Promise<UpsertOutcome & { windows: RowChanges }> {
    const { tx } = this.txHost;
    return upsertWithWindows(
      tx.getRepository(Location),
      tx.getRepository(LocationOpeningHours),
      'locationId',
      regionId,
      'openingHours',
      rows,
    );
  }

  exportLocations(regionId: string): Promise<Location[]> {
    return this.txHost.tx
      .getRepository(Location)
      .find({ where: { regionId }, relations: { openingHours: true } });
  }
}
