import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { Driver } from './driver.entity';
import { CreateDriverDto, DriverListQueryDto, UpdateDriverDto } from './dto/driver.dto';
import { VehiclesService } from './vehicles.service';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

@Injectable()
export class DriversService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly vehicles: VehiclesService,
  ) {}

  private get drivers() {
    return this.txHost.tx.getRepository(Driver);
  }

  /** Where a driver sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.drivers, id);
  }

  async list(query: DriverListQueryDto): Promise<Page<Driver>> {
    const where: FindOptionsWhere<Driver> = await this.regions.scope(query);
    if (query.vehicle) {
      // An unknown vehicle is more likely a mistake than a vehicle nobody drives: say so.
      await this.vehicles.requireExists(query.vehicle, 'vehicle');
      where.vehicleId = query.vehicle;
    }
    const [items, total] = await this.drivers.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Driver> {
    const driver = await this.drivers.findOneBy({ id });
    if (!driver) throw notFound('driver', id);
    return driver;
  }

  /** Checks that a driver exists in the given region; 400 naming the field when she does not. */
  async requireInRegion(id: string, regionId: string, field = 'driverId'): Promise<void> {
    const found = await this.drivers.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no driver ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateDriverDto): Promise<Driver> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    if (dto.vehicleId) await this.vehicles.requireInRegion(dto.vehicleId, regionId);
    return this.drivers.save(
      this.drivers.create({
        regionId,
        ref: dto.ref ?? null,
        name: dto.name,
        phone: dto.phone ?? null,
        vehicleId: dto.vehicleId ?? null,
      }),
    );
  }

  @Transactional()
  async update(id: string, dto: UpdateDriverDto): Promise<Driver> {
    const driver = await this.get(id);
    if (dto.vehicleId && dto.vehicleId !== driver.vehicleId) {
      await this.vehicles.requireInRegion(dto.vehicleId, driver.regionId);
    }
    // Validation refuses a null name; null clears the optional fields.
    if (dto.ref !== undefined) driver.ref = dto.ref;
    if (dto.name !== undefined) driver.name = dto.name;
    if (dto.phone !== undefined) driver.phone = dto.phone;
    if (dto.vehicleId !== undefined) driver.vehicleId = dto.vehicleId;
    return this.drivers.save(driver);
  }

  async remove(id: string): Promise<void> {
    await this.drivers.remove(await this.get(id));
  }
}
