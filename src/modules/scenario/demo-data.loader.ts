import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Environment } from '../../../config/environment';
import { RegionsService } from '../regions/regions.service';
import { ScenarioImportService } from './scenario-import.service';
import { SetupStep } from './setup-step.entity';

export const DEMO_SCENARIO_FILE = join(__dirname, 'demo', 'berkelland.json');
const STEP = 'demo-region-loaded';
/** Any fixed number: instances starting together on one database take turns. */
const DEMO_LOCK = 7_201_772;

/**
 * On the first start of an empty database, loads the demo region that ships with the service, so that a
 * newcomer has something to look at. Once only: a region deleted later does not come back.
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
    }
    await steps.insert({ name: STEP });
  }
}
