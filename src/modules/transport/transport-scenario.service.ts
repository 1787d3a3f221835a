import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { RowChanges, UpsertOutcome, upsertWithWindows } from '../../common/database/bulk-writes';
import { WeeklyWindow } from '../../common/database/weekly-windows';
import { VehicleAvailability } from './vehicle-availability.entity';
import { Driver } from './driver.entity';
import { Vehicle, VehicleKind } from './vehicle.entity';

export interface VehicleImport {
  ref: string;
  name: string;
  kind: VehicleKind;
  seats: number;
  childSeats: number;
  depot: { lat: number; lon: number };
  volunteerDriven: boolean;
  municipalityIds: string[];
  availability: WeeklyWindow[];
}

/** The transport module's part of scenario import and export: vehicles with their availability. */
@Injectable()
export class TransportScenarioService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  importVehicles(regionId: string, rows: VehicleImport[]): Promise<UpsertOutcome & { windows: RowChanges }> {
    const { tx } = this.txHost;
    return upsertWithWindows(
      tx.getRepository(Vehicle),
      tx.getRepository(VehicleAvailability),
      'vehicleId',
      regionId,
      'availability',
      rows,
    );
  }

  exportVehicles(regionId: string): Promise<Vehicle[]> {
    return this.txHost.tx
      .getRepository(Vehicle)
      .find({ where: { regionId }, relations: { availability: true } });
  }

  /** The region's drivers, for the routes of their vehicles. */
  exportDrivers(regionId: string): Promise<Driver[]> {
    return this.txHost.tx
      .getRepository(Driver)
      .find({ where: { regionId }, order: { name: 'ASC', id: 'ASC' } });
  }
}
