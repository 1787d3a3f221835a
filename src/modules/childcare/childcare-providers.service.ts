import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { sameWindows } from '../../common/database/weekly-windows';
import { notFound } from '../../common/errors/not-found';
import { LocationsService } from '../locations/locations.service';
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
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

const RELATIONS = { openingHours: true, places: true } as const;

/** Checked on the record as it will be stored, since a PATCH may change the kind or the location alone. */
function requireVolunteerLocation(provider: Pick<ChildcareProvider, 'kind' | 'locationId'>): void {
  if (provider.kind === 'volunteer' && !provider.locationId) {
    throw new BadRequestException('locationId: required when kind is volunteer (where the care is given)');
  }
}

@Injectable()
export class ChildcareProvidersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly locations: LocationsService,
  ) {}

  private get providers() {
    return this.txHost.tx.getRepository(ChildcareProvider);
  }

  /** Where a childcare provider sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.providers, id);
  }

  async list(query: ChildcareProviderListQueryDto): Promise<Page<ChildcareProvider>> {
    const where: FindOptionsWhere<ChildcareProvider> = await this.regions.scope(query);
    if (query.kind) where.kind = query.kind;
    const [items, total] = await this.providers.findAndCount({
      where,
      relations: RELATIONS,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<ChildcareProvider> {
    const provider = await this.providers.findOne({ where: { id }, relations: RELATIONS });
    if (!provider) throw notFound('childcare provider', id);
    return provider;
  }

  /** Checks that a childcare provider exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'providerId'): Promise<void> {
    const found = await this.providers.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no childcare provider ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateChildcareProviderDto): Promise<ChildcareProvider> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const provider = this.providers.create({
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
    const { id } = await this.providers.save(provider);
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
    await this.providers.save(provider);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.providers.remove(await this.get(id));
  }
}
