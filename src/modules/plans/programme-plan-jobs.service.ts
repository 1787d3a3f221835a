import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService, JobView, ReportProgress } from '../jobs/jobs.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { PlanningCascadeService } from './planning-cascade.service';

export const PLAN_PROGRAMME = 'plan-programme';

interface PlanProgrammeInput {
  programmeId: string;
  /** The instant of the request: the plan replaces what was planned from then on, whenever the job runs. */
  now: string;
}

/** Planning a programme as a job: queued for its region (one plan of a region at a time), run by any instance. */
@Injectable()
export class ProgrammePlanJobsService implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly programmes: ProgrammesService,
    private readonly cascade: PlanningCascadeService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PLAN_PROGRAMME, ({ programmeId, now }: PlanProgrammeInput, progress: ReportProgress) =>
      this.cascade.planProgramme(programmeId, new Date(now), progress),
    );
  }

  /** Queues the plan of a programme the caller may reach (unknown or out of reach: 404, nothing queued). */
  async queue(programmeId: string, now: Date): Promise<JobView> {
    const { regionId } = await this.programmes.get(programmeId);
    const input: PlanProgrammeInput = { programmeId, now: now.toISOString() };
    return this.jobs.enqueue(PLAN_PROGRAMME, input, regionId);
  }
}
