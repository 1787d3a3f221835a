import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Environment } from '../../../config/environment';
import { ProgrammePlanJobsService } from '../plans/programme-plan-jobs.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { RegionsService } from '../regions/regions.service';
import { ScenarioImportService } from './scenario-import.service';
import { SetupStep } from './setup-step.entity';

export const DEMO_SCENARIO_FILE = join(__dirname, 'demo', 'berkelland.json');
const STEP = 'demo-region-loaded';
/** Any fixed number: instances starting together on one database take turns. */
const DEMO_LOCK = 7_201_772;

/**
 * On the first start of an empty database, loads the demo region that ships with the service and queues the plan
 * of its programme, so that a newcomer has a planned week to look at. Once only: a region deleted later does not
 * come back, and a demo region loaded by an earlier version is not planned over what was done with it since.
 */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly environment: Environment,
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly importer: ScenarioImportService,
    private readonly programmes: ProgrammesService,
    private readonly planJobs: ProgrammePlanJobsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.environment.TREFPUNT_DEMO_DATA) return;
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [DEMO_LOCK]);
      await this.loadOnce();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  private async loadOnce(): Promise<void> {
    const steps = this.txHost.tx.getRepository(SetupStep);
    if (await steps.existsBy({ name: STEP })) return;
    const { total } = await this.regions.list({ limit: 1, offset: 0 });
    if (total === 0) {
      const summary = await this.importer.importScenario(
        JSON.parse(await readFile(DEMO_SCENARIO_FILE, 'utf8')),
      );
      this.logger.log(
        `loaded the demo region "${summary.region.ref}" (TREFPUNT_DEMO_DATA=false turns this off)`,
      );
      await this.queuePlans(summary.region.id);
    }
    await steps.insert({ name: STEP });
  }

  /** Queued, not awaited: the plan takes seconds, and any instance may run it while this one goes on starting. */
  private async queuePlans(regionId: string): Promise<void> {
    const { items } = await this.programmes.list({ region: regionId, limit: 100, offset: 0 });
    for (const programme of items) {
      const job = await this.planJobs.queue(programme.id, new Date());
      this.logger.log(`queued the plan of the demo programme "${programme.name}" as job ${job.id}`);
    }
  }
}
