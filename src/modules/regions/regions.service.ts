import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { FindOperator, FindOptionsWhere, In } from 'typeorm';
import { AccessContext } from '../access/access-context';
import { isUUID } from 'class-validator';
import { Page, RefListQueryDto } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { Region } from './region.entity';
import { RegionClosedDate } from './region-closed-date.entity';
import { RegionSchoolHours } from './region-school-hours.entity';
import { replaceRows, replaceWindows } from '../../common/database/replace-rows';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto';
import { DEFAULT_POLICY } from './dto/policy.dto';

/** The region part of a list's `where`: one region, or those the caller may reach. */
export interface RegionScope {
  regionId?: string | FindOperator<string>;
  ref?: string;
}

type ClosedDate = Pick<RegionClosedDate, 'from' | 'to' | 'reason'>;
const closedDateKey = (dates: ClosedDate[]) =>
  JSON.stringify(dates.map(({ from, to, reason }) => [from, to, reason ?? '']).sort());
const sameClosedDates = (a: ClosedDate[], b: ClosedDate[]) => closedDateKey(a) === closedDateKey(b);

const RELATIONS = { schoolHours: true, closedDates: true } as const;

@Injectable()
export class RegionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
  ) {}

  private get regions() {
    return this.txHost.tx.getRepository(Region);
  }

  async list(query: RefListQueryDto): Promise<Page<Region>> {
    const where: FindOptionsWhere<Region> = {};
    if (query.ref) where.ref = query.ref;
    const reachable = this.access.regionIds();
    if (reachable) where.id = In(reachable);
    const [items, total] = await this.regions.findAndCount({
      where,
      relations: RELATIONS,
      order: { ref: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  /** A region the caller may reach, by its id or its ref (`berkelland`), or undefined. */
  async find(idOrRef: string): Promise<Region | undefined> {
    const where = isUUID(idOrRef) ? [{ id: idOrRef }, { ref: idOrRef }] : [{ ref: idOrRef }];
    const region = await this.regions.findOne({ where, relations: RELATIONS });
    return region && this.access.reachesRegion(region.id) ? region : undefined;
  }

  /** The time zone of each of these regions, to answer their times in local time; one query. */
  async timezones(regionIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(regionIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.regions.find({ where: { id: In(unique) }, select: { id: true, timezone: true } });
    return new Map(rows.map((region) => [region.id, region.timezone]));
  }

  async get(idOrRef: string): Promise<Region> {
    const region = await this.find(idOrRef);
    if (!region) throw notFound('region', idOrRef);
    return region;
  }

  /**
   * The id of the region named in a list filter or a body field; 400 naming that field when there is none
   * within the caller's reach (a region out of reach is answered as one that does not exist).
   */
  async resolveId(idOrRef: string, field = 'region'): Promise<string> {
    const where = isUUID(idOrRef) ? [{ id: idOrRef }, { ref: idOrRef }] : [{ ref: idOrRef }];
    const region = await this.regions.findOne({ where, select: { id: true } });
    if (!region || !this.access.reachesRegion(region.id))
      throw new BadRequestException(`${field}: no region "${idOrRef}"`);
    return region.id;
  }

  /** Whether the caller may reach records of this region. */
  reaches(regionId: string): boolean {
    return this.access.reachesRegion(regionId);
  }

  /**
   * Whether the caller may import a scenario of this region: into a region of hers, or (an admin) any region,
   * new ones included. A coordinator limited to some municipalities may not: a scenario is the whole region.
   */
  async assertImportable(ref: string): Promise<void> {
    if (this.access.isAdmin()) return;
    const region = await this.regions.findOne({ where: { ref }, select: { id: true } });
    if (!region || !this.access.reachesRegion(region.id) || this.access.municipalityIds()) {
      throw new ForbiddenException(`region: you may not import region "${ref}"`);
    }
  }

  /**
   * The `where` of a list of region-owned records, from the `region` (id or ref) and `ref` filters, within the
   * regions the caller may reach. An unknown region answers 400 naming the `region` filter.
   */
  async scope(query: { region?: string; ref?: string }): Promise<RegionScope> {
    const where: RegionScope = {};
    const reachable = this.access.regionIds();
    if (query.region) where.regionId = await this.resolveId(query.region);
    else if (reachable) where.regionId = In(reachable);
    if (query.ref) where.ref = query.ref;
    return where;
  }

  @Transactional()
  async create(dto: CreateRegionDto): Promise<Region> {
    const region = this.regions.create({
      ref: dto.ref,
      name: dto.name,
      timezone: dto.timezone ?? 'Europe/Amsterdam',
      policy: { ...DEFAULT_POLICY, ...dto.policy },
      schoolHours: dto.schoolHours ?? [],
      closedDates: dto.closedDates ?? [],
    });
    const { id } = await this.regions.save(region);
    return this.get(id);
  }

  @Transactional()
  async update(idOrRef: string, dto: UpdateRegionDto): Promise<Region> {
    const region = await this.get(idOrRef);
    this.regions.merge(region, {
      ref: dto.ref ?? region.ref,
      name: dto.name ?? region.name,
      timezone: dto.timezone ?? region.timezone,
      policy: dto.policy ? { ...region.policy, ...dto.policy } : region.policy,
    });
    // Saved without its lists, which are replaced apart when they change (see replaceRows for why).
    const { schoolHours, closedDates, ...record } = region;
    await this.regions.save(record);
    const owner = { regionId: region.id };
    await replaceWindows(this.txHost.tx, RegionSchoolHours, owner, dto.schoolHours, schoolHours);
    if (dto.closedDates && !sameClosedDates(dto.closedDates, closedDates)) {
      const rows = dto.closedDates.map((closed) => ({ ...closed, ...owner }));
      await replaceRows(this.txHost.tx, RegionClosedDate, owner, rows);
    }
    return this.get(region.id);
  }

  /**
   * Deletes an empty region, its school hours and closed dates with it (ON DELETE CASCADE); a region that still
   * holds records answers 409. One statement: removing the loaded region would have TypeORM load its lists with
   * several queries at once on one connection (see replaceRows).
   */
  async remove(idOrRef: string): Promise<void> {
    const region = await this.get(idOrRef);
    await this.regions.delete(region.id);
  }
}
