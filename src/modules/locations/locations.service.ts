import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { MunicipalListQueryDto } from '../../common/api/page';
import { replaceWindows } from '../../common/database/replace-rows';
import { AccessContext } from '../access/access-context';
import { MunicipalitiesService } from '../regions/municipalities.service';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';
import { LocationOpeningHours } from './location-opening-hours.entity';
import { Location } from './location.entity';

const RELATIONS = { openingHours: true } as const;

@Injectable()
export class LocationsService extends RegionRecordsService<Location, MunicipalListQueryDto> {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    regions: RegionsService,
    private readonly municipalities: MunicipalitiesService,
  ) {
    super(txHost, regions, {
      entity: Location,
      noun: 'location',
      idField: 'locationId',
      relations: RELATIONS,
    });
  }

  protected override async listWhere(query: MunicipalListQueryDto): Promise<FindOptionsWhere<Location>> {
    const scope = await this.regions.scope(query);
    const where: FindOptionsWhere<Location> = { ...scope };
    const municipalityIds = this.access.narrowMunicipalities(
      query.municipality
        ? await this.municipalities.resolveIds(query.municipality, scope.regionId)
        : undefined,
    );
    if (municipalityIds) where.municipalityId = In(municipalityIds);
    return where;
  }

  @Transactional()
  async create(dto: CreateLocationDto): Promise<Location> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    await this.municipalities.requireInRegion(dto.municipalityId, regionId);
    const location = this.records.create({
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
    const { id } = await this.records.save(location);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateLocationDto): Promise<Location> {
    // Saved without its opening hours, which are replaced apart when they change (see replaceRows for why).
    const { openingHours, ...location } = await this.get(id);
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
    await this.records.save(location);
    await replaceWindows(
      this.txHost.tx,
      LocationOpeningHours,
      { locationId: id },
      dto.openingHours,
      openingHours,
    );
    return this.get(id);
  }

  /** The municipality of each of these locations, in one read. */
  async municipalitiesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.records.find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, municipalityId: true },
    });
    return new Map(found.map((location) => [location.id, location.municipalityId]));
  }

  /**
   * The location of a place visited on an outing: the region's location of that name and address when there is
   * one (the library visited twice is one place), else a new one in the municipality given, without a ref.
   */
  async placeFor(
    regionId: string,
    municipalityId: string,
    place: { name: string; address: string; position: { lat: number; lon: number } },
  ): Promise<Location> {
    const found = await this.records.findOne({
      where: { regionId, name: place.name, address: place.address },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (found) return found;
    const { lat, lon } = place.position;
    return this.records.save(
      this.records.create({
        regionId,
        ref: null,
        municipalityId,
        ...place,
        position: { lat, lon },
        rooms: 1,
      }),
    );
  }

  /** A location still used by groups, sessions or volunteer childcare answers 409. */
}
