import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateLanguageProviderDto, UpdateLanguageProviderDto } from './dto/language-provider.dto';
import { LanguageProvider } from './language-provider.entity';

@Injectable()
export class LanguageProvidersService extends RegionRecordsService<LanguageProvider> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, { entity: LanguageProvider, noun: 'language provider', idField: 'providerId' });
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
}
