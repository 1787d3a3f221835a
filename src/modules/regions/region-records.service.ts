import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException } from '@nestjs/common';
import {
  EntityTarget,
  FindOptionsOrder,
  FindOptionsSelect,
  FindOptionsRelations,
  FindOptionsWhere,
  Repository,
} from 'typeorm';
import { Page, RegionListQueryDto } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';
import { RegionRecord } from './region-record';
import { RegionsService } from './regions.service';

/** What the shared reads need to know of one kind of region-owned record. */
export interface RegionRecordKind<T> {
  entity: EntityTarget<T>;
  /** How messages name a record: `trainer`, `childcare provider`. */
  noun: string;
  /** The body field that usually refers to such a record, named by requireInRegion unless told otherwise. */
  idField: string;
  /** Loaded with every record read (get and list), e.g. a weekly availability. */
  relations?: FindOptionsRelations<T>;
}

/**
 * The reads every service of region-owned records answers alike, so that their messages and scoping cannot drift
 * apart: a page of records within the caller's regions, one record or 404, a reference checked to lie in the same
 * region, and where a record sits for @ScopedBy. A subclass adds its writes, and its own list filters by
 * overriding `listWhere`.
 */
export abstract class RegionRecordsService<
  T extends RegionRecord & { name: string },
  Q extends RegionListQueryDto = RegionListQueryDto,
> {
  protected constructor(
    protected readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    protected readonly regions: RegionsService,
    private readonly kind: RegionRecordKind<T>,
  ) {}

  /** Read through the transaction in progress, if any. */
  protected get records(): Repository<T> {
    return this.txHost.tx.getRepository(this.kind.entity);
  }

  /** Where a record sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.records, id);
  }

  /** Ordered by name, then id, so that pages neither overlap nor skip records that share a name. */
  async list(query: Q): Promise<Page<T>> {
    const [items, total] = await this.records.findAndCount({
      where: await this.listWhere(query),
      relations: this.kind.relations,
      // The casts: TypeORM cannot see through a generic T that it has these columns (RegionRecord and `name`).
      order: { name: 'ASC', id: 'ASC' } as FindOptionsOrder<T>,
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  /** The region and ref filters, within the regions the caller may reach (unknown region: 400). */
  protected async listWhere(query: Q): Promise<FindOptionsWhere<T>> {
    return (await this.regions.scope(query)) as FindOptionsWhere<T>;
  }

  /**
   * Deletes a record, its own lists with it (ON DELETE CASCADE); a record still in use elsewhere answers 409 (the
   * schema refuses). One statement: removing the loaded record would have TypeORM load its lists with several
   * queries at once on one connection (see replaceRows).
   */
  async remove(id: string): Promise<void> {
    const { affected } = await this.records.delete(id);
    if (!affected) throw notFound(this.kind.noun, id);
  }

  async get(id: string): Promise<T> {
    const where = { id } as FindOptionsWhere<T>;
    const record = await this.records.findOne({ where, relations: this.kind.relations });
    if (!record) throw notFound(this.kind.noun, id);
    return record;
  }

  /** Checks that a record named in a list filter exists within the caller's regions; 400 naming the filter. */
  async requireExists(id: string, field = this.kind.idField): Promise<void> {
    const found = await this.records.findOne({
      where: { id } as FindOptionsWhere<T>,
      select: { id: true, regionId: true } as FindOptionsSelect<T>,
    });
    if (!found || !this.regions.reaches(found.regionId))
      throw new BadRequestException(`${field}: no ${this.kind.noun} ${id}`);
  }

  /** Checks that a record exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = this.kind.idField): Promise<void> {
    const found = await this.records.existsBy({ id, regionId } as FindOptionsWhere<T>);
    if (!found) throw new BadRequestException(`${field}: no ${this.kind.noun} ${id} in this region`);
  }
}
