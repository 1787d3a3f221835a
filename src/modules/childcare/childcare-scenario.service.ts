import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import {
  RowChanges,
  syncOwnedRows,
  UpsertOutcome,
  upsertWithWindows,
} from '../../common/database/bulk-writes';
import { WeeklyWindow } from '../../common/database/weekly-windows';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';
import { ChildcareKind, ChildcareProvider } from './childcare-provider.entity';

export interface ChildcareProviderImport {
  ref: string;
  name: string;
  kind: ChildcareKind;
  locationId: string | null;
  position: { lat: number; lon: number };
  pricePerHour: number;
  openingHours: WeeklyWindow[];
  places: { minAgeMonths: number; maxAgeMonths: number; capacity: number }[];
}

/** The childcare module's part of scenario import and export: providers, opening hours and places. */
@Injectable()
export class ChildcareScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async importProviders(
    regionId: string,
    rows: ChildcareProviderImport[],
  ): Promise<UpsertOutcome & { windows: RowChanges; places: RowChanges }> {
    const { tx } = this.txHost;
    const outcome = await upsertWithWindows(
      tx.getRepository(ChildcareProvider),
      tx.getRepository(ChildcareOpeningHours),
      'providerId',
      regionId,
      'openingHours',
      rows.map(({ places: _, ...provider }) => provider),
    );
    const places = await syncOwnedRows(
      tx.getRepository(ChildcarePlaces),
      'providerId',
      [...outcome.ids.values()],
      rows.flatMap((row) => row.places.map((band) => ({ ...band, providerId: outcome.ids.get(row.ref)! }))),
      (band) => JSON.stringify([band.providerId, band.minAgeMonths, band.maxAgeMonths, band.capacity]),
    );
    return { ...outcome, places };
  }

  exportProviders(regionId: string): Promise<ChildcareProvider[]> {
    return this.txHost.tx
      .getRepository(ChildcareProvider)
      .find({ where: { regionId }, relations: { openingHours: true, places: true } });
  }
}
