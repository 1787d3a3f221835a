import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService, JobView } from '../jobs/jobs.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { ChildcarePlanningService } from './childcare-planning.service';

export const PLAN_CHILDCARE = 'plan-childcare';

/** What pg-boss keeps of a childcare job: the programme and the instant of the request. */
interface PlanChildcareInput {
  programmeId: string;
  /** Sessions from then on are booked, whenever the job runs. */
  now: string;
}

/**
 * Booking a programme's childcare as a job, queued for its region (never beside another job of it). The mothers
 * its answer names are an audited read of whoever reads it, when she reads it (JobsService).
 */
@Injectable()
export class ChildcarePlanJobsService implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly planning: ChildcarePlanningService,
    private readonly programmes: ProgrammesService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PLAN_CHILDCARE, ({ programmeId, now }: PlanChildcareInput) =>
      this.planning.planProgramme(programmeId, new Date(now)),
    );
  }

  /** Queues the childcare plan of a programme the caller may reach. */
  async queue(programmeId: string, now: Date): Promise<JobView> {
    const { regionId } = await this.programmes.get(programmeId);
    const input: PlanChildcareInput = { programmeId, now: now.toISOString() };
    return this.jobs.enqueue(PLAN_CHILDCARE, input, regionId);
  }
}
