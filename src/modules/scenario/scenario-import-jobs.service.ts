import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { JobsService, JobView, ReportProgress } from '../jobs/jobs.service';
import { RegionsService } from '../regions/regions.service';
import { ScenarioImportDocument } from './scenario-import-document.entity';
import { ImportSummary, ScenarioImportService } from './scenario-import.service';

export const IMPORT_SCENARIO = 'import-scenario';

/** What pg-boss keeps of an import: where its document waits, and the region it names (no personal data). */
interface ImportScenarioInput {
  documentId: string;
  regionRef: string;
}

/**
 * A document whose job never ran its work (it failed before, or took its instances down) is deleted after this
 * long: no import waits that long in the queue.
 */
const DOCUMENTS_KEPT_MS = 2 * 24 * 3600 * 1000;

/**
 * Importing a scenario as a job: checked in the request (400 with every problem, 403, nothing queued), stored
 * by any instance, one job of a region at a time (also with its plans), the region being possibly new.
 */
@Injectable()
export class ScenarioImportJobsService implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly importer: ScenarioImportService,
    private readonly regions: RegionsService,
    @InjectRepository(ScenarioImportDocument) private readonly documents: Repository<ScenarioImportDocument>,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      IMPORT_SCENARIO,
      (input: ImportScenarioInput, progress: ReportProgress) => this.run(input, progress),
      {
        // Run with no caller (the system): the region by its ref, whoever may see it.
        regionAtStart: async ({ regionRef }: ImportScenarioInput) => (await this.regions.find(regionRef))?.id,
      },
    );
  }

  /** Checks the document and queues its import; the document waits in a table of its own meanwhile. */
  async queue(document: Uint8Array | unknown): Promise<JobView> {
    const checked = await this.importer.check(document);
    const regionRef = checked.scenario.region;
    await this.documents.delete({ createdAt: LessThan(new Date(Date.now() - DOCUMENTS_KEPT_MS)) });
    const documentId = randomUUID();
    await this.documents.insert({
      id: documentId,
      regionRef,
      document: checked.scenario,
      warnings: checked.warnings,
      checkedMs: checked.checkedMs,
    });
    const existing = await this.regions.find(regionRef);
    const input: ImportScenarioInput = { documentId, regionRef };
    // Keyed by the ref: a new region has no id yet, and two imports of it must not run together either.
    return this.jobs.enqueue(IMPORT_SCENARIO, input, existing?.id ?? null, `region-ref:${regionRef}`);
  }

  private async run({ documentId }: ImportScenarioInput, progress: ReportProgress): Promise<ImportSummary> {
    const pending = await this.documents.findOneBy({ id: documentId });
    if (!pending) throw new Error('the document of this import is no longer kept');
    try {
      return await this.importer.importChecked(
        { scenario: pending.document, warnings: pending.warnings, checkedMs: pending.checkedMs },
        progress,
      );
    } finally {
      await this.documents.delete({ id: documentId });
    }
  }
}
