import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { replaceWindows } from '../../common/database/replace-rows';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateVehicleDto, UpdateVehicleDto } from './dto/vehicle.dto';
import { VehicleAvailability } from './vehicle-availability.entity';
import { Vehicle } from './vehicle.entity';

const RELATIONS = { availability: true } as const;

/** Checked on the record as it will be stored, since a PATCH may change either number alone. */
function requireChildSeatsFit(vehicle: Pick<Vehicle, 'seats' | 'childSeats'>): void {
  if (vehicle.childSeats > vehicle.seats) {
    throw new BadRequestException(
      `childSeats: must be at most seats (${vehicle.seats}), not ${vehicle.childSeats}`,
    );
  }
}

@Injectable()
export class VehiclesService extends RegionRecordsService<Vehicle> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, { entity: Vehicle, noun: 'vehicle', idField: 'vehicleId', relations: RELATIONS });
  }

  @Transactional()
  async create(dto: CreateVehicleDto): Promise<Vehicle> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const vehicle = this.records.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      kind: dto.kind,
      seats: dto.seats,
      childSeats: dto.childSeats ?? 0,
      depot: { lat: dto.depot.lat, lon: dto.depot.lon },
      volunteerDriven: dto.volunteerDriven ?? false,
      availability: (dto.availability ?? []).map((window) =>
        this.txHost.tx.create(VehicleAvailability, window),
      ),
    });
    requireChildSeatsFit(vehicle);
    const { id } = await this.records.save(vehicle);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateVehicleDto): Promise<Vehicle> {
    // Saved without its availability, which is replaced apart when it changes (see replaceRows for why).
    const { availability, ...vehicle } = await this.get(id);
    // As in regions: null leaves a required field as it is; only `ref` can be cleared.
    if (dto.ref !== undefined) vehicle.ref = dto.ref;
    vehicle.name = dto.name ?? vehicle.name;
    vehicle.kind = dto.kind ?? vehicle.kind;
    vehicle.seats = dto.seats ?? vehicle.seats;
    vehicle.childSeats = dto.childSeats ?? vehicle.childSeats;
    if (dto.depot) vehicle.depot = { lat: dto.depot.lat, lon: dto.depot.lon };
    vehicle.volunteerDriven = dto.volunteerDriven ?? vehicle.volunteerDriven;
    requireChildSeatsFit(vehicle);
    await this.records.save(vehicle);
    await replaceWindows(
      this.txHost.tx,
      VehicleAvailability,
      { vehicleId: id },
      dto.availability,
      availability,
    );
    return this.get(id);
  }
}
