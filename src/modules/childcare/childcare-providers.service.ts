import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { replaceRows, replaceWindows } from '../../common/database/replace-rows';
import { overlappingBand } from '../../planning/childcare/age-bands';
import { LocationsService } from '../locations/locations.service';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';
import { ChildcareProvider } from './childcare-provider.entity';
import { ChildcareWaitingListService } from './childcare-waiting-list.service';
import { ChildcarePlacesDto, samePlaces } from './dto/childcare-places.dto';
import {
  ChildcareProviderListQueryDto,
  CreateChildcareProviderDto,
  UpdateChildcareProviderDto,
} from './dto/childcare-provider.dto';

const RELATIONS = { openingHours: true, places: true } as const;

/** A child of an age in two bands would be counted in one only: the bands of a provider must not overlap. */
function requireSeparateBands(places: ChildcarePlacesDto[] | undefined): void {
  const overlap = overlappingBand(places ?? []);
  if (!overlap) return;
  const [band, other] = [places![overlap.index], places![overlap.other]];
  throw new BadRequestException(
    `places[${overlap.index}].minAgeMonths: ages ${band.minAgeMonths} to ${band.maxAgeMonths} months overlap ` +
      `places[${overlap.other}] (${other.minAgeMonths} to ${other.maxAgeMonths}); a child's age must be in one band`,
  );
}

/** A band with more children booked at once than it would have places (no band: a booked age it leaves out). */
interface Overbooked {
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  capacity: number;
  booked: string;
  careDate: string;
  ageMonths: number;
}

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
    private readonly waitingList: ChildcareWaitingListService,
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
    requireSeparateBands(dto.places);
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
    // Bookings of this provider take the same lock (see the migration ChildcarePlacesRules): a booking and a
    // change of the places are judged one after the other, never both against the old bands.
    await this.records
      .createQueryBuilder('provider')
      .select('provider.id')
      .where('provider.id = :id', { id })
      .setLock('for_no_key_update')
      .getRawOne();
    // Saved without its lists, which are replaced apart when they change (see replaceRows for why).
    const { openingHours, places, ...provider } = await this.get(id);
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
    const newPlaces = dto.places && !samePlaces(dto.places, places) ? dto.places : undefined;
    if (newPlaces) requireSeparateBands(newPlaces);
    await this.records.save(provider);
    const owner = { providerId: id };
    const newHours = await replaceWindows(
      this.txHost.tx,
      ChildcareOpeningHours,
      owner,
      dto.openingHours,
      openingHours,
    );
    if (newPlaces) {
      const rows = newPlaces.map((band) => ({ ...band, ...owner }));
      await replaceRows(this.txHost.tx, ChildcarePlaces, owner, rows);
      await this.requirePlacesForBookings(id, newPlaces);
    }
    // More places, or longer hours, may be places for children on the waiting list.
    if (newPlaces || newHours) await this.waitingList.fill(provider.regionId);
    return this.get(id);
  }

  /**
   * Bookings keep their place: the new bands must hold every child booked from today on. Asked of the database
   * within this transaction (the rule is the schema's, see the migration ChildcarePlacesRules), to name the band.
   */
  private async requirePlacesForBookings(id: string, places: ChildcarePlacesDto[]): Promise<void> {
    const [short] = await this.txHost.tx.query<Overbooked[]>(
      `SELECT min_age_months AS "minAgeMonths", max_age_months AS "maxAgeMonths", capacity, booked,
         care_date::text AS "careDate", age_months AS "ageMonths"
       FROM childcare_places_overbooked($1) LIMIT 1`,
      [id],
    );
    if (!short) return;
    const index = places.findIndex(
      (band) => band.minAgeMonths === short.minAgeMonths && band.maxAgeMonths === short.maxAgeMonths,
    );
    throw new ConflictException(
      index < 0
        ? `places: no band takes the child of ${short.ageMonths} months booked on ${short.careDate}; cancel or ` +
            'move her booking first'
        : `places[${index}].capacity: ${short.capacity} places for ages ${short.minAgeMonths} to ` +
            `${short.maxAgeMonths} months, but ${short.booked} children are booked at once on ${short.careDate}; ` +
            'cancel or move bookings first',
    );
  }
}
