import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page, RegionListQueryDto } from '../../common/api/page';
import { sameWindows } from '../../common/database/weekly-windows';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { CreateTrainerDto, UpdateTrainerDto } from './dto/trainer.dto';
import { TrainerAvailability } from './trainer-availability.entity';
import { Trainer } from './trainer.entity';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

const RELATIONS = { availability: true } as const;

@Injectable()
export class TrainersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
  ) {}

  private get trainers() {
    return this.txHost.tx.getRepository(Trainer);
  }

  /** Where a trainer sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.trainers, id);
  }

  async list(query: RegionListQueryDto): Promise<Page<Trainer>> {
    const where: FindOptionsWhere<Trainer> = await this.regions.scope(query);
    const [items, total] = await this.trainers.findAndCount({
      where,
      relations: RELATIONS,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Trainer> {
    const trainer = await this.trainers.findOne({ where: { id }, relations: RELATIONS });
    if (!trainer) throw notFound('trainer', id);
    return trainer;
  }

  /** Checks that a trainer exists in the given region; 400 naming the field when she does not. */
  async requireInRegion(id: string, regionId: string, field = 'trainerId'): Promise<void> {
    const found = await this.trainers.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no trainer ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateTrainerDto): Promise<Trainer> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const trainer = this.trainers.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      availability: (dto.availability ?? []).map((window) =>
        this.txHost.tx.create(TrainerAvailability, window),
      ),
    });
    const { id } = await this.trainers.save(trainer);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateTrainerDto): Promise<Trainer> {
    const trainer = await this.get(id);
    if (dto.ref !== undefined) trainer.ref = dto.ref;
    trainer.name = dto.name ?? trainer.name;
    if (dto.availability && !sameWindows(dto.availability, trainer.availability)) {
      trainer.availability = dto.availability.map((window) =>
        this.txHost.tx.create(TrainerAvailability, window),
      );
    }
    await this.trainers.save(trainer);
    return this.get(id);
  }

  /** A trainer still planned for a session answers 409; her group memberships go with her. */
  async remove(id: string): Promise<void> {
    await this.trainers.remove(await this.get(id));
  }
}
