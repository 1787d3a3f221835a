import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { ArrayContains, FindOptionsWhere } from 'typeorm';
import { replaceWindows } from '../../common/database/replace-rows';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateInterpreterDto, InterpreterListQueryDto, UpdateInterpreterDto } from './dto/interpreter.dto';
import { InterpreterAvailability } from './interpreter-availability.entity';
import { Interpreter } from './interpreter.entity';

const RELATIONS = { availability: true } as const;

/** The languages once each, in the order given: the planner matches on them, duplicates add nothing. */
const distinct = (languages: string[]) => [...new Set(languages)];

@Injectable()
export class InterpretersService extends RegionRecordsService<Interpreter, InterpreterListQueryDto> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, {
      entity: Interpreter,
      noun: 'interpreter',
      idField: 'interpreterId',
      relations: RELATIONS,
    });
  }

  protected override async listWhere(query: InterpreterListQueryDto): Promise<FindOptionsWhere<Interpreter>> {
    const where = await super.listWhere(query);
    if (query.language) where.languages = ArrayContains([query.language]);
    return where;
  }

  @Transactional()
  async create(dto: CreateInterpreterDto): Promise<Interpreter> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const interpreter = this.records.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      languages: distinct(dto.languages),
      availability: (dto.availability ?? []).map((window) =>
        this.txHost.tx.create(InterpreterAvailability, window),
      ),
    });
    const { id } = await this.records.save(interpreter);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateInterpreterDto): Promise<Interpreter> {
    // Saved without her availability, which is replaced apart when it changes (see replaceRows for why).
    const { availability, ...interpreter } = await this.get(id);
    if (dto.ref !== undefined) interpreter.ref = dto.ref;
    interpreter.name = dto.name ?? interpreter.name;
    if (dto.languages) interpreter.languages = distinct(dto.languages);
    await this.records.save(interpreter);
    await replaceWindows(
      this.txHost.tx,
      InterpreterAvailability,
      { interpreterId: id },
      dto.availability,
      availability,
    );
    return this.get(id);
  }

  /** Her session assignments go with her (the join rows cascade). */
}
