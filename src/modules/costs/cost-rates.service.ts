import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { CostRates, NO_COST_RATES } from '../../planning/costs/cost-rates';
import { AccessContext } from '../access/access-context';
import { RegionsService } from '../regions/regions.service';
import { CostRatesDto, costRatesOf } from './dto/cost-rates.dto';
import { RegionCostRates } from './region-cost-rates.entity';

const toRow = (regionId: string, rates: CostRates): Omit<RegionCostRates, 'updatedAt'> => ({
  regionId,
  ownContributionPercent: rates.childcare.ownContributionPercent,
  ownContributionCentsPerHour: rates.childcare.ownContributionCentsPerHour,
  publicCentsPerTrip: rates.travel.public.centsPerTrip,
  publicCentsPerKm: rates.travel.public.centsPerKm,
  bikeCentsPerTrip: rates.travel.bike.centsPerTrip,
  bikeCentsPerKm: rates.travel.bike.centsPerKm,
  driverCentsPerKm: rates.drivers.centsPerKm,
  driverMonthlyCapCents: rates.drivers.monthlyCapCents,
  driverYearlyCapCents: rates.drivers.yearlyCapCents,
  taxiCentsPerKm: rates.taxi.centsPerKm,
  taxiCentsPerHour: rates.taxi.centsPerHour,
  interpreterCentsPerHour: rates.interpreters.centsPerHour,
});

const fromRow = (row: RegionCostRates): CostRates => ({
  childcare: {
    ownContributionPercent: row.ownContributionPercent,
    ownContributionCentsPerHour: row.ownContributionCentsPerHour,
  },
  travel: {
    public: { centsPerTrip: row.publicCentsPerTrip, centsPerKm: row.publicCentsPerKm },
    bike: { centsPerTrip: row.bikeCentsPerTrip, centsPerKm: row.bikeCentsPerKm },
  },
  drivers: {
    centsPerKm: row.driverCentsPerKm,
    monthlyCapCents: row.driverMonthlyCapCents,
    yearlyCapCents: row.driverYearlyCapCents,
  },
  taxi: { centsPerKm: row.taxiCentsPerKm, centsPerHour: row.taxiCentsPerHour },
  interpreters: { centsPerHour: row.interpreterCentsPerHour },
});

/** A region's cost policy: read by anyone of the region, set for the whole region only. */
@Injectable()
export class CostRatesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly access: AccessContext,
  ) {}

  private get rows() {
    return this.txHost.tx.getRepository(RegionCostRates);
  }

  /** The rates of a region the caller may reach (404 otherwise); a region that set none pays no extras. */
  async get(regionIdOrRef: string): Promise<CostRates> {
    const region = await this.regions.get(regionIdOrRef);
    return this.ofRegion(region.id);
  }

  async ofRegion(regionId: string): Promise<CostRates> {
    const row = await this.rows.findOne({ where: { regionId } });
    return row ? fromRow(row) : NO_COST_RATES;
  }

  /** Replaces the rates; a coordinator limited to some municipalities may not set the region's rates. */
  async set(regionIdOrRef: string, dto: CostRatesDto): Promise<CostRates> {
    const region = await this.regions.get(regionIdOrRef);
    if (this.access.municipalityIds()) {
      throw new ForbiddenException(`region: you may not set the cost rates of region "${region.ref}"`);
    }
    await this.importRates(region.id, dto);
    return this.ofRegion(region.id);
  }

  /** Stores the rates of a region, as a scenario's `costs` gives them (in the import's transaction). */
  async importRates(regionId: string, dto: CostRatesDto): Promise<void> {
    await this.rows.upsert(toRow(regionId, costRatesOf(dto)), ['regionId']);
  }
}
