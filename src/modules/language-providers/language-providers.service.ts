import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { AccessContext } from '../access/access-context';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateLanguageProviderDto, UpdateLanguageProviderDto } from './dto/language-provider.dto';
import { LanguageProvider } from './language-provider.entity';

@Injectable()
export class LanguageProvidersService extends RegionRecordsService<LanguageProvider> {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    regions: RegionsService,
  ) {
    super(txHost, regions, { entity: LanguageProvider, noun: 'language provider', idField: 'providerId' });
  }

  /** Checks that a language provider named in a list filter exists; 400 naming the field when it does not. */
  async requireExists(id: string, field = 'provider'): Promise<void> {
    const found = await this.records.findOne({ where: { id }, select: { id: true, regionId: true } });
    if (!found || !this.access.reachesRegion(found.regionId))
      throw new BadRequestException(`${field}: no language provider ${id}`);
  }

  @Transactional()
  async create(dto: CreateLanguageProviderDto): Promise<LanguageProvider> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    return this.records.save(this.records.create(dto));
  }

  async update(id: string, dto: UpdateLanguageProviderDto): Promise<LanguageProvider> {
    const provider = await this.get(id);
    return this.records.save(this.records.merge(provider, dto));
  }

  /** A provider that still gives lessons answers 409 (the schema restricts it). */
  async remove(id: string): Promise<void> {
    await this.records.remove(await this.get(id));
  }
}
