import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { FindOptionsWhere, In } from 'typeorm';
import { AccessContext } from '../access/access-context';
import { CreateMunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { Municipality } from './municipality.entity';
import { RegionRecordsService } from './region-records.service';
import { RegionScope, RegionsService } from './regions.service';

@Injectable()
export class MunicipalitiesService extends RegionRecordsService<Municipality> {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    regions: RegionsService,
    private readonly access: AccessContext,
  ) {
    super(txHost, regions, { entity: Municipality, noun: 'municipality', idField: 'municipalityId' });
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
    const found = (await this.records.find({ where, select: { id: true, regionId: true } })).filter(
      (municipality) =>
        this.access.reachesRegion(municipality.regionId) && this.access.reachesMunicipality(municipality.id),
    );
    if (found.length === 0) throw new BadRequestException(`${field}: no municipality "${idOrRef}"`);
    return found.map((municipality) => municipality.id);
  }

  /**
   * Checks that a municipality exists in the given region; 400 naming the field when it does not. Unlike other
   * region records, a municipality can be out of a coordinator's reach within her region: answered alike.
   */
  override async requireInRegion(id: string, regionId: string, field = 'municipalityId'): Promise<void> {
    const found = await this.records.existsBy({ id, regionId });
    if (!found || !this.access.reachesMunicipality(id)) {
      throw new BadRequestException(`${field}: no municipality ${id} in this region`);
    }
  }

  async findByIds(ids: string[]): Promise<Municipality[]> {
    return ids.length === 0 ? [] : this.records.findBy({ id: In(ids) });
  }

  @Transactional()
  async create(dto: CreateMunicipalityDto): Promise<Municipality> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    return this.records.save(this.records.create(dto));
  }

  async update(id: string, dto: UpdateMunicipalityDto): Promise<Municipality> {
    const municipality = await this.get(id);
    return this.records.save(this.records.merge(municipality, dto));
  }
}
