import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { ProgrammePlanOutcome } from './programme-plan-outcome.entity';

/** What each programme's last whole plan found, kept for the plan export (see ProgrammePlanOutcome). */
@Injectable()
export class PlanOutcomesService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get outcomes() {
    return this.txHost.tx.getRepository(ProgrammePlanOutcome);
  }

  /** Keeps the outcome of a programme's plan in place of the one before, in the plan's own transaction. */
  async record(outcome: ProgrammePlanOutcome): Promise<void> {
    await this.outcomes.upsert(outcome, ['programmeId']);
  }

  ofRegion(regionId: string): Promise<ProgrammePlanOutcome[]> {
    return this.outcomes.find({ where: { regionId }, order: { plannedAt: 'ASC', programmeId: 'ASC' } });
  }
}
