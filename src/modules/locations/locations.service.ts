import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { MunicipalListQueryDto, Page } from '../../common/api/page';
import { sameWindows } from '../../common/database/weekly-windows';
import { notFound } from '../../common/errors/not-found';
import { MunicipalitiesService } from '../regions/municipalities.service';
import { RegionsService } from '../regions/regions.service';
import { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';
import { LocationOpeningHours } from './location-opening-hours.entity';
import { Location } from './location.entity';
import { AccessContext, RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

const RELATIONS = { openingHours: true } as const;

@Injectable()
export class LocationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  private get locations() {
    return this.txHost.tx.getRepository(Location);
  }

  /** Where a location sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.locations, id);
  }

  async list(query: MunicipalListQueryDto): Promise<Page<Location>> {
    const scope = await this.regions.scope(query);
    const where: FindOptionsWhere<Location> = { ...scope };
    const municipalityIds = this.access.narrowMunicipalities(
      query.municipality
        ? await this.municipalities.resolveIds(query.municipality, scope.regionId)
        : undefined,
    );
    if (municipalityIds) where.municipalityId = In(municipalityIds);
    const [items, total] = await this.locations.findAndCount({
      where,
      relations: RELATIONS,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Location> {
    const location = await this.locations.findOne({ where: { id }, relations: RELATIONS });
    if (!location) throw notFound('location', id);
    return location;
  }

  /** Checks that a location exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'locationId'): Promise<void> {
    const found = await this.locations.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no location ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateLocationDto): Promise<Location> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    await this.municipalities.requireInRegion(dto.municipalityId, regionId);
    const location = this.locations.create({
      regionId,
      ref: dto.ref ?? null,
      municipalityId: dto.municipalityId,
      name: dto.name,
      address: dto.address,
      position: { lat: dto.position.lat, lon: dto.position.lon },
      rooms: dto.rooms ?? 1,
      openingHours: (dto.openingHours ?? []).map((window) =>
        this.txHost.tx.create(LocationOpeningHours, window),
      ),
    });
    const { id } = await this.locations.save(location);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateLocationDto): Promise<Location> {
    const location = await this.get(id);
    if (dto.municipalityId && dto.municipalityId !== location.municipalityId) {
      await this.municipalities.requireInRegion(dto.municipalityId, location.regionId);
      location.municipalityId = dto.municipalityId;
    }
    // As in regions: null leaves a required field as it is; only `ref` can be cleared.
    if (dto.ref !== undefined) location.ref = dto.ref;
    location.name = dto.name ?? location.name;
    location.address = dto.address ?? location.address;
    if (dto.position) location.position = { lat: dto.position.lat, lon: dto.position.lon };
    location.rooms = dto.rooms ?? location.rooms;
    if (dto.openingHours && !sameWindows(dto.openingHours, location.openingHours)) {
      location.openingHours = dto.openingHours.map((window) =>
        this.txHost.tx.create(LocationOpeningHours, window),
      );
    }
    await this.locations.save(location);
    return this.get(id);
  }

  /** A location still used by groups, sessions or volunteer childcare answers 409. */
  async remove(id: string): Promise<void> {
    await this.locations.remove(await this.get(id));
  }
}
