import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { sameWindows } from '../../common/database/weekly-windows';
import { LocationsService } from '../locations/locations.service';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';
import { ChildcareProvider } from './childcare-provider.entity';
import { samePlaces } from './dto/childcare-places.dto';
import {
  ChildcareProviderListQueryDto,
  CreateChildcareProviderDto,
  UpdateChildcareProviderDto,
} from './dto/childcare-provider.dto';

const RELATIONS = { openingHours: true, places: true } as const;

/** Checked on the record as it will be stored, since a PATCH may change the kind or the location alone. */
function requireVolunteerLocation(provider: Pick<ChildcareProvider, 'kind' | 'locationId'>): void {
  if (provider.kind === 'volunteer' && !provider.locationId) {
    throw new BadRequestException('locationId: required when kind is volunteer (where the care is given)');
  }
}

@Injectable()
export class ChildcareProvidersService extends RegionRecordsService<
  ChildcareProvider,
  ChildcareProviderListQueryDto
> {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    regions: RegionsService,
    private readonly locations: LocationsService,
  ) {
    super(txHost, regions, {
      entity: ChildcareProvider,
      noun: 'childcare provider',
      idField: 'providerId',
      relations: RELATIONS,
    });
  }

  protected override async listWhere(
    query: ChildcareProviderListQueryDto,
  ): Promise<FindOptionsWhere<ChildcareProvider>> {
    const where = await super.listWhere(query);
    if (query.kind) where.kind = query.kind;
    return where;
  }

  @Transactional()
  async create(dto: CreateChildcareProviderDto): Promise<ChildcareProvider> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const provider = this.records.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      kind: dto.kind,
      locationId: dto.locationId ?? null,
      position: { lat: dto.position.lat, lon: dto.position.lon },
      pricePerHour: dto.pricePerHour ?? 0,
      openingHours: (dto.openingHours ?? []).map((window) =>
        this.txHost.tx.create(ChildcareOpeningHours, window),
      ),
      places: (dto.places ?? []).map((band) => this.txHost.tx.create(ChildcarePlaces, band)),
    });
    requireVolunteerLocation(provider);
    if (provider.locationId) await this.locations.requireInRegion(provider.locationId, regionId);
    const { id } = await this.records.save(provider);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateChildcareProviderDto): Promise<ChildcareProvider> {
    const provider = await this.get(id);
    // As in regions: null leaves a required field as it is; `ref` and `locationId` can be cleared.
    if (dto.ref !== undefined) provider.ref = dto.ref;
    provider.name = dto.name ?? provider.name;
    provider.kind = dto.kind ?? provider.kind;
    if (dto.locationId !== undefined && dto.locationId !== provider.locationId) {
      if (dto.locationId) await this.locations.requireInRegion(dto.locationId, provider.regionId);
      provider.locationId = dto.locationId;
    }
    requireVolunteerLocation(provider);
    if (dto.position) provider.position = { lat: dto.position.lat, lon: dto.position.lon };
    provider.pricePerHour = dto.pricePerHour ?? provider.pricePerHour;
    if (dto.openingHours && !sameWindows(dto.openingHours, provider.openingHours)) {
      provider.openingHours = dto.openingHours.map((window) =>
        this.txHost.tx.create(ChildcareOpeningHours, window),
      );
    }
    if (dto.places && !samePlaces(dto.places, provider.places)) {
      provider.places = dto.places.map((band) => this.txHost.tx.create(ChildcarePlaces, band));
    }
    await this.records.save(provider);
    return this.get(id);
  }
}
