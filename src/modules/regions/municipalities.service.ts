import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { FindOptionsWhere, In } from 'typeorm';
import { Page, RegionListQueryDto } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { CreateMunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { Municipality } from './municipality.entity';
import { RegionScope, RegionsService } from './regions.service';
import { AccessContext } from '../access/access-context';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

@Injectable()
export class MunicipalitiesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly access: AccessContext,
  ) {}

  private get municipalities() {
    return this.txHost.tx.getRepository(Municipality);
  }

  /** Where a municipality sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.municipalities, id);
  }

  async list(query: RegionListQueryDto): Promise<Page<Municipality>> {
    const where: FindOptionsWhere<Municipality> = await this.regions.scope(query);
    const [items, total] = await this.municipalities.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Municipality> {
    const municipality = await this.municipalities.findOneBy({ id });
    if (!municipality) throw notFound('municipality', id);
    return municipality;
  }

  /**
   * The ids of the municipalities a list filter names, by id or ref (a ref may recur in several regions);
   * 400 naming the field when there is none.
   */
  async resolveIds(
    idOrRef: string,
    regionId?: RegionScope['regionId'],
    field = 'municipality',
  ): Promise<string[]> {
    const byRef: FindOptionsWhere<Municipality> = regionId ? { ref: idOrRef, regionId } : { ref: idOrRef };
    const where = isUUID(idOrRef) ? [{ id: idOrRef }, byRef] : [byRef];
    const found = (await this.municipalities.find({ where, select: { id: true, regionId: true } })).filter(
      (municipality) =>
        this.access.reachesRegion(municipality.regionId) && this.access.reachesMunicipality(municipality.id),
    );
    if (found.length === 0) throw new BadRequestException(`${field}: no municipality "${idOrRef}"`);
    return found.map((municipality) => municipality.id);
  }

  /** Checks that a municipality exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'municipalityId'): Promise<void> {
    const found = await this.municipalities.existsBy({ id, regionId });
    if (!found || !this.access.reachesMunicipality(id)) {
      throw new BadRequestException(`${field}: no municipality ${id} in this region`);
    }
  }

  async findByIds(ids: string[]): Promise<Municipality[]> {
    return ids.length === 0 ? [] : this.municipalities.findBy({ id: In(ids) });
  }

  @Transactional()
  async create(dto: CreateMunicipalityDto): Promise<Municipality> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    return this.municipalities.save(this.municipalities.create(dto));
  }

  async update(id: string, dto: UpdateMunicipalityDto): Promise<Municipality> {
    const municipality = await this.get(id);
    return this.municipalities.save(this.municipalities.merge(municipality, dto));
  }

  async remove(id: string): Promise<void> {
    await this.municipalities.remove(await this.get(id));
  }
}
