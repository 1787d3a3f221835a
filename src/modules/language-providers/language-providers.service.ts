import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page, RegionListQueryDto } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { CreateLanguageProviderDto, UpdateLanguageProviderDto } from './dto/language-provider.dto';
import { LanguageProvider } from './language-provider.entity';
import { AccessContext, RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

@Injectable()
export class LanguageProvidersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
  ) {}

  private get providers() {
    return this.txHost.tx.getRepository(LanguageProvider);
  }

  /** Where a language provider sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.providers, id);
  }

  async list(query: RegionListQueryDto): Promise<Page<LanguageProvider>> {
    const where: FindOptionsWhere<LanguageProvider> = await this.regions.scope(query);
    const [items, total] = await this.providers.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<LanguageProvider> {
    const provider = await this.providers.findOneBy({ id });
    if (!provider) throw notFound('language provider', id);
    return provider;
  }

  /** Checks that a language provider named in a list filter exists; 400 naming the field when it does not. */
  async requireExists(id: string, field = 'provider'): Promise<void> {
    const found = await this.providers.findOne({ where: { id }, select: { id: true, regionId: true } });
    if (!found || !this.access.reachesRegion(found.regionId))
      throw new BadRequestException(`${field}: no language provider ${id}`);
  }

  /** Checks that a language provider exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'providerId'): Promise<void> {
    const found = await this.providers.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no language provider ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateLanguageProviderDto): Promise<LanguageProvider> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    return this.providers.save(this.providers.create(dto));
  }

  async update(id: string, dto: UpdateLanguageProviderDto): Promise<LanguageProvider> {
    const provider = await this.get(id);
    return this.providers.save(this.providers.merge(provider, dto));
  }

  /** A provider that still gives lessons answers 409 (the schema restricts it). */
  async remove(id: string): Promise<void> {
    await this.providers.remove(await this.get(id));
  }
}
