import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { RegionsService } from '../regions/regions.service';
import { Child } from './child.entity';
import { ChildListQueryDto, CreateChildDto, UpdateChildDto } from './dto/child.dto';
import { ParticipantsService } from './participants.service';
import { RecordScope } from '../access/access-context';
import { participantScopeOf } from '../access/record-scopes';

@Injectable()
export class ChildrenService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
  ) {}

  private get children() {
    return this.txHost.tx.getRepository(Child);
  }

  /** Where a child sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return participantScopeOf(this.children, id);
  }

  async list(query: ChildListQueryDto): Promise<Page<Child>> {
    const where: FindOptionsWhere<Child> = {
      ...(await this.regions.scope(query)),
      participant: await this.participants.reachableWhere(),
    };
    if (query.participant) {
      await this.participants.regionIdOf(query.participant, 'participant');
      where.participantId = query.participant;
    }
    const [items, total] = await this.children.findAndCount({
      where,
      order: { participantId: 'ASC', birthDate: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Child> {
    const child = await this.children.findOneBy({ id });
    if (!child) throw notFound('child', id);
    return child;
  }

  @Transactional()
  async create(dto: CreateChildDto): Promise<Child> {
    // The child's region is her mother's, so that (region, ref) and region filters need no join.
    const regionId = await this.participants.regionIdOf(dto.participantId);
    return this.children.save(
      this.children.create({ ...dto, regionId, careByPartner: dto.careByPartner ?? false }),
    );
  }

  async update(id: string, dto: UpdateChildDto): Promise<Child> {
    const child = await this.get(id);
    return this.children.save(this.children.merge(child, dto));
  }

  async remove(id: string): Promise<void> {
    await this.children.remove(await this.get(id));
  }
}
