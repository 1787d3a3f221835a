import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { Driver } from './driver.entity';
import { CreateDriverDto, DriverListQueryDto, UpdateDriverDto } from './dto/driver.dto';
import { VehiclesService } from './vehicles.service';

@Injectable()
export class DriversService extends RegionRecordsService<Driver, DriverListQueryDto> {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    regions: RegionsService,
    private readonly vehicles: VehiclesService,
  ) {
    super(txHost, regions, { entity: Driver, noun: 'driver', idField: 'driverId' });
  }

  protected override async listWhere(query: DriverListQueryDto): Promise<FindOptionsWhere<Driver>> {
    const where = await super.listWhere(query);
    if (query.vehicle) {
      // An unknown vehicle is more likely a mistake than a vehicle nobody drives: say so.
      await this.vehicles.requireExists(query.vehicle, 'vehicle');
      where.vehicleId = query.vehicle;
    }
    return where;
  }

  @Transactional()
  async create(dto: CreateDriverDto): Promise<Driver> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    if (dto.vehicleId) await this.vehicles.requireInRegion(dto.vehicleId, regionId);
    return this.records.save(
      this.records.create({
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
    return this.records.save(driver);
  }
}
