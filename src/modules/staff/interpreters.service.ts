import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { ArrayContains, FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { sameWindows } from '../../common/database/weekly-windows';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { CreateInterpreterDto, InterpreterListQueryDto, UpdateInterpreterDto } from './dto/interpreter.dto';
import { InterpreterAvailability } from './interpreter-availability.entity';
import { Interpreter } from './interpreter.entity';
import { RecordScope } from '../access/access-context';
import { regionScopeOf } from '../access/record-scopes';

const RELATIONS = { availability: true } as const;

/** The languages once each, in the order given: the planner matches on them, duplicates add nothing. */
const distinct = (languages: string[]) => [...new Set(languages)];

@Injectable()
export class InterpretersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
  ) {}

  private get interpreters() {
    return this.txHost.tx.getRepository(Interpreter);
  }

  /** Where a interpreter sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return regionScopeOf(this.interpreters, id);
  }

  async list(query: InterpreterListQueryDto): Promise<Page<Interpreter>> {
    const where: FindOptionsWhere<Interpreter> = await this.regions.scope(query);
    if (query.language) where.languages = ArrayContains([query.language]);
    const [items, total] = await this.interpreters.findAndCount({
      where,
      relations: RELATIONS,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Interpreter> {
    const interpreter = await this.interpreters.findOne({ where: { id }, relations: RELATIONS });
    if (!interpreter) throw notFound('interpreter', id);
    return interpreter;
  }

  /** Checks that an interpreter exists in the given region; 400 naming the field when she does not. */
  async requireInRegion(id: string, regionId: string, field = 'interpreterId'): Promise<void> {
    const found = await this.interpreters.existsBy({ id, regionId });
    if (!found) throw new BadRequestException(`${field}: no interpreter ${id} in this region`);
  }

  @Transactional()
  async create(dto: CreateInterpreterDto): Promise<Interpreter> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const interpreter = this.interpreters.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      languages: distinct(dto.languages),
      availability: (dto.availability ?? []).map((window) =>
        this.txHost.tx.create(InterpreterAvailability, window),
      ),
    });
    const { id } = await this.interpreters.save(interpreter);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateInterpreterDto): Promise<Interpreter> {
    const interpreter = await this.get(id);
    if (dto.ref !== undefined) interpreter.ref = dto.ref;
    interpreter.name = dto.name ?? interpreter.name;
    if (dto.languages) interpreter.languages = distinct(dto.languages);
    if (dto.availability && !sameWindows(dto.availability, interpreter.availability)) {
      interpreter.availability = dto.availability.map((window) =>
        this.txHost.tx.create(InterpreterAvailability, window),
      );
    }
    await this.interpreters.save(interpreter);
    return this.get(id);
  }

  /** Her session assignments go with her (the join rows cascade). */
  async remove(id: string): Promise<void> {
    await this.interpreters.remove(await this.get(id));
  }
}
