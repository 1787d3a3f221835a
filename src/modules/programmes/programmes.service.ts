import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page, RegionListQueryDto } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { CreateProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { Programme } from './programme.entity';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
  ) {}

  private get programmes() {
    return this.txHost.tx.getRepository(Programme);
  }

  /** Where a programme sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.programmes, id);
  }

  async list(query: RegionListQueryDto): Promise<Page<Programme>> {
    const where: FindOptionsWhere<Programme> = await this.regions.scope(query);
    const [items, total] = await this.programmes.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Programme> {
    const programme = await this.programmes.findOneBy({ id });
    if (!programme) throw notFound('programme', id);
    return programme;
  }

  /** Checks that a programme exists in the given region; 400 naming the field when it does not. */
  async requireInRegion(id: string, regionId: string, field = 'programmeId'): Promise<void> {
    const found = await this.programmes.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no programme ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateProgrammeDto): Promise<Programme> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    return this.programmes.save(
      this.programmes.create({
        ...dto,
        sessionsPerWeek: dto.sessionsPerWeek ?? 1,
        intervalWeeks: dto.intervalWeeks ?? 1,
      }),
    );
  }

  async update(id: string, dto: UpdateProgrammeDto): Promise<Programme> {
    const programme = await this.get(id);
    return this.programmes.save(this.programmes.merge(programme, dto));
  }

  /** A programme that still has groups answers 409 (the groups refer to it). */
  async remove(id: string): Promise<void> {
    await this.programmes.remove(await this.get(id));
  }
}
