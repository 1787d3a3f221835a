import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { replaceWindows } from '../../common/database/replace-rows';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateTrainerDto, UpdateTrainerDto } from './dto/trainer.dto';
import { TrainerAvailability } from './trainer-availability.entity';
import { Trainer } from './trainer.entity';

const RELATIONS = { availability: true } as const;

@Injectable()
export class TrainersService extends RegionRecordsService<Trainer> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, { entity: Trainer, noun: 'trainer', idField: 'trainerId', relations: RELATIONS });
  }

  @Transactional()
  async create(dto: CreateTrainerDto): Promise<Trainer> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const trainer = this.records.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      availability: (dto.availability ?? []).map((window) =>
        this.txHost.tx.create(TrainerAvailability, window),
      ),
    });
    const { id } = await this.records.save(trainer);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateTrainerDto): Promise<Trainer> {
    // Saved without her availability, which is replaced apart when it changes (see replaceRows for why).
    const { availability, ...trainer } = await this.get(id);
    if (dto.ref !== undefined) trainer.ref = dto.ref;
    trainer.name = dto.name ?? trainer.name;
    await this.records.save(trainer);
    await replaceWindows(
      this.txHost.tx,
      TrainerAvailability,
      { trainerId: id },
      dto.availability,
      availability,
    );
    return this.get(id);
  }

  /** A trainer still planned for a session answers 409; her group memberships go with her. */
}
