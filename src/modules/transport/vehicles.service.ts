import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page, RegionListQueryDto } from '../../common/api/page';
import { sameWindows } from '../../common/database/weekly-windows';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { CreateVehicleDto, UpdateVehicleDto } from './dto/vehicle.dto';
import { VehicleAvailability } from './vehicle-availability.entity';
import { Vehicle } from './vehicle.entity';
import { AccessContext, RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

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
export class VehiclesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
  ) {}

  private get vehicles() {
    return this.txHost.tx.getRepository(Vehicle);
  }

  /** Where a vehicle sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.vehicles, id);
  }

  async list(query: RegionListQueryDto): Promise<Page<Vehicle>> {
    const where: FindOptionsWhere<Vehicle> = await this.regions.scope(query);
    const [items, total] = await this.vehicles.findAndCount({
      where,
      relations: RELATIONS,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Vehicle> {
    const vehicle = await this.vehicles.findOne({ where: { id }, relations: RELATIONS });
    if (!vehicle) throw notFound('vehicle', id);
    return vehicle;
  }

  /** Checks that a vehicle exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'vehicleId'): Promise<void> {
    const found = await this.vehicles.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no vehicle ${id} in this region`);
  }

  /** Checks that a vehicle exists in any region, for a list filter; 400 naming the field when it does not. */
  async requireExists(id: string, field = 'vehicleId'): Promise<void> {
    const found = await this.vehicles.findOne({ where: { id }, select: { id: true, regionId: true } });
    if (!found || !this.access.reachesRegion(found.regionId))
      throw new BadRequestException(`${field}: no vehicle ${id}`);
  }

  @Transactional()
  async create(dto: CreateVehicleDto): Promise<Vehicle> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const vehicle = this.vehicles.create({
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
    const { id } = await this.vehicles.save(vehicle);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateVehicleDto): Promise<Vehicle> {
    const vehicle = await this.get(id);
    // As in regions: null leaves a required field as it is; only `ref` can be cleared.
    if (dto.ref !== undefined) vehicle.ref = dto.ref;
    vehicle.name = dto.name ?? vehicle.name;
    vehicle.kind = dto.kind ?? vehicle.kind;
    vehicle.seats = dto.seats ?? vehicle.seats;
    vehicle.childSeats = dto.childSeats ?? vehicle.childSeats;
    if (dto.depot) vehicle.depot = { lat: dto.depot.lat, lon: dto.depot.lon };
    vehicle.volunteerDriven = dto.volunteerDriven ?? vehicle.volunteerDriven;
    requireChildSeatsFit(vehicle);
    if (dto.availability && !sameWindows(dto.availability, vehicle.availability)) {
      vehicle.availability = dto.availability.map((window) =>
        this.txHost.tx.create(VehicleAvailability, window),
      );
    }
    await this.vehicles.save(vehicle);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.vehicles.remove(await this.get(id));
  }
}
