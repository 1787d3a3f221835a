import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors/not-found';
import { AccessContext } from '../access/access-context';
import { ProgrammesService } from '../programmes/programmes.service';
import { ProgrammeBudget } from './programme-budget.entity';

/** Each programme's budget (the routes check that the caller reaches the programme). */
@Injectable()
export class ProgrammeBudgetsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly programmes: ProgrammesService,
    private readonly access: AccessContext,
  ) {}

  private get budgets() {
    return this.txHost.tx.getRepository(ProgrammeBudget);
  }

  async get(programmeId: string): Promise<ProgrammeBudget> {
    const budget = await this.budgets.findOne({ where: { programmeId } });
    if (!budget) throw notFound('budget of programme', programmeId);
    return budget;
  }

  /** Sets a programme's budget; it is the whole programme's, so not for a coordinator of some municipalities. */
  async set(programmeId: string, amountCents: number): Promise<ProgrammeBudget> {
    const scope = await this.programmes.scopeOf(programmeId);
    if (!scope) throw notFound('programme', programmeId);
    if (this.access.municipalityIds()) {
      throw new ForbiddenException('amountCents: you may not set the budget of a whole programme');
    }
    await this.budgets.upsert({ programmeId, regionId: scope.regionId, amountCents }, ['programmeId']);
    return this.get(programmeId);
  }

  /** The budgets of a region's programmes, by programme id. */
  async ofRegion(regionId: string): Promise<Map<string, number>> {
    const rows = await this.budgets.find({ where: { regionId } });
    return new Map(rows.map((row) => [row.programmeId, row.amountCents]));
  }
}
