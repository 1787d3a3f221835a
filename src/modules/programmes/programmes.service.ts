import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { Programme } from './programme.entity';

@Injectable()
export class ProgrammesService extends RegionRecordsService<Programme> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, { entity: Programme, noun: 'programme', idField: 'programmeId' });
  }

  @Transactional()
  async create(dto: CreateProgrammeDto): Promise<Programme> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    return this.records.save(
      this.records.create({
        ...dto,
        sessionsPerWeek: dto.sessionsPerWeek ?? 1,
        intervalWeeks: dto.intervalWeeks ?? 1,
      }),
    );
  }

  async update(id: string, dto: UpdateProgrammeDto): Promise<Programme> {
    const programme = await this.get(id);
    return this.records.save(this.records.merge(programme, dto));
  }

  /** A programme that still has groups answers 409 (the groups refer to it). */
}
