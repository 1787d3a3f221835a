import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService, JobView } from '../jobs/jobs.service';
import { ParticipantsService } from '../participants/participants.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { SessionsService } from '../programmes/sessions.service';
import { RoutesPlanDto } from './dto/routes-plan.dto';
import { RoutePlanningService } from './route-planning.service';

export const PLAN_SESSION_ROUTES = 'plan-session-routes';
export const REPLAN_SESSION_ROUTES = 'replan-session-routes';
export const PLAN_PROGRAMME_ROUTES = 'plan-programme-routes';

/** What pg-boss keeps of a routes job: ids, and the ISO week of a programme's plan. */
interface SessionRoutesInput {
  sessionId: string;
}
interface ProgrammeRoutesInput {
  programmeId: string;
  week?: string;
}

/**
 * Planning routes as jobs, queued for their region (never beside another job of it). The result names the
 * women not collected or whose time changed: shown to each reader as far as she may see them (audited then).
 */
@Injectable()
export class RoutePlanJobsService implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly planning: RoutePlanningService,
    private readonly sessions: SessionsService,
    private readonly programmes: ProgrammesService,
    private readonly participants: ParticipantsService,
  ) {}

  onModuleInit(): void {
    const reveal = { reveal: (plan: RoutesPlanDto) => this.withinReach(plan) };
    this.jobs.register(
      PLAN_SESSION_ROUTES,
      ({ sessionId }: SessionRoutesInput) => this.planning.plan([sessionId]),
      reveal,
    );
    this.jobs.register(
      REPLAN_SESSION_ROUTES,
      ({ sessionId }: SessionRoutesInput) => this.planning.replan([sessionId]),
      reveal,
    );
    this.jobs.register(
      PLAN_PROGRAMME_ROUTES,
      async ({ programmeId, week }: ProgrammeRoutesInput) =>
        // The sessions as they stand when the job runs, not when it was queued.
        this.planning.plan(await this.planning.sessionsOfProgramme(programmeId, week)),
      reveal,
    );
  }

  /** Queues the plan (or the minimal re-plan) of a session the caller may reach. */
  async queueSession(sessionId: string, replan: boolean): Promise<JobView> {
    const { regionId } = await this.sessions.get(sessionId);
    const input: SessionRoutesInput = { sessionId };
    return this.jobs.enqueue(replan ? REPLAN_SESSION_ROUTES : PLAN_SESSION_ROUTES, input, regionId);
  }

  /** Queues the plan of a programme's sessions (or one ISO week of them); a week that does not exist: 400. */
  async queueProgramme(programmeId: string, week?: string): Promise<JobView> {
    const { regionId } = await this.programmes.get(programmeId);
    await this.planning.sessionsOfProgramme(programmeId, week);
    const input: ProgrammeRoutesInput = { programmeId, ...(week && { week }) };
    return this.jobs.enqueue(PLAN_PROGRAMME_ROUTES, input, regionId);
  }

  /**
   * A plan's answer for a coordinator limited to some municipalities: who could not be collected and whose time
   * changed, of her participants only; the entries about others are counted in `hiddenEntries`.
   */
  private async withinReach(plan: RoutesPlanDto): Promise<RoutesPlanDto> {
    const reachable = await this.participants.reachableIds([
      ...plan.unrouted.map((entry) => entry.participantId),
      ...plan.changes.map((entry) => entry.participantId),
    ]);
    const unrouted = plan.unrouted.filter((entry) => reachable.has(entry.participantId));
    const changes = plan.changes.filter((entry) => reachable.has(entry.participantId));
    const hiddenEntries = plan.unrouted.length - unrouted.length + plan.changes.length - changes.length;
    return { ...plan, unrouted, changes, hiddenEntries };
  }
}
