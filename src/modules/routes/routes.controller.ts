import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';
import { JobsService } from '../jobs/jobs.service';
import { answerWithJob, RespondsAsync } from '../jobs/respond-async';
import { ParticipantsService } from '../participants/participants.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { instantToLocalIso } from '../../planning/time/wall-clock';
import { ProgrammeRoutesQueryDto, RoutesPlanDto } from './dto/routes-plan.dto';
import { RoutePlanJobsService } from './route-plan-jobs.service';
import { RoutesService } from './routes.service';

const JOB =
  'It runs as a job (one job of a region at a time, on any instance): with `Prefer: respond-async` the answer is ' +
  '202 with the job at once (follow it at GET /jobs/{id}); without, the answer waits for it. The women it names ' +
  'are an audited read of whoever reads the answer, when she reads it.';

const PLAN_DESCRIPTION =
  'For every participant of the session who is collected (`transport: pickup`) and can come: a ride from home ' +
  'to the location, arriving at least `arriveMinutesBefore` before the start, and a ride home after the end. ' +
  'Seats count her and the children riding with her (those cared for at the location), child seats count the ' +
  'children; a vehicle is only used when it is available and not on another ride; each ride stays within the ' +
  "policy's limit. Fewest vehicles first, then least driving; last week's vehicle and time are kept where that " +
  'costs little. Who cannot be collected is listed with the reason. ' +
  JOB;

@ApiTags('routes')
@ApiBearerAuth()
@Controller()
export class RoutesController {
  constructor(
    private readonly planJobs: RoutePlanJobsService,
    private readonly jobs: JobsService,
    private readonly routes: RoutesService,
    private readonly sessions: SessionsService,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
  ) {}

  @Post('sessions/:id/routes/plan')
  @HttpCode(200)
  @ScopedBy(SessionsService, 'session')
  @ApiOperation({ summary: 'Plan the pickup and return routes of a session', description: PLAN_DESCRIPTION })
  @ApiOkResponse({ type: RoutesPlanDto })
  @RespondsAsync()
  async plan(
    @IdParam() id: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return answerWithJob(this.jobs, await this.planJobs.queueSession(id, false), prefer, response);
  }

  @Post('sessions/:id/routes/replan')
  @HttpCode(200)
  @ScopedBy(SessionsService, 'session')
  @ApiOperation({
    summary: 'Change the routes of a session as little as possible (after an absence or a new participant)',
    description:
      'Starts from the routes as they are: the others keep their vehicle and their pickup time within a few ' +
      'minutes where possible. `changes` lists whose time moved by more than 5 minutes or whose vehicle changed. ' +
      JOB,
  })
  @ApiOkResponse({ type: RoutesPlanDto })
  @RespondsAsync()
  async replan(
    @IdParam() id: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return answerWithJob(this.jobs, await this.planJobs.queueSession(id, true), prefer, response);
  }

  @Post('programmes/:id/routes/plan')
  @HttpCode(200)
  @ScopedBy(ProgrammesService, 'programme')
  @ApiOperation({
    summary: 'Plan the routes of every planned session of a programme, or of one week',
    description: PLAN_DESCRIPTION,
  })
  @ApiOkResponse({ type: RoutesPlanDto })
  @RespondsAsync()
  async planProgramme(
    @IdParam() id: string,
    @Query() query: ProgrammeRoutesQueryDto,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const job = await this.planJobs.queueProgramme(id, query.week);
    return answerWithJob(this.jobs, job, prefer, response);
  }

  @Get('sessions/:id/routes')
  @ScopedBy(SessionsService, 'session')
  @Audited('participant', { idField: 'participantId' })
  @ApiOperation({ summary: 'The routes of a session with their stops, and who could not be collected' })
  async list(@IdParam() id: string) {
    const session = await this.sessions.get(id);
    const { timezone } = await this.regions.get(session.regionId);
    const local = (instant: Date) => instantToLocalIso(instant, timezone);
    const routes = await this.routes.forSessions([id]);
    const unrouted = await this.routes.unroutedFor([id]);
    // A coordinator limited to some municipalities sees the riders of those only; the others are counted.
    const reachable = await this.participants.reachableIds([
      ...routes.flatMap((route) => route.stops.map((stop) => stop.participantId)),
      ...unrouted.map((pickup) => pickup.participantId),
    ]);
    const shownUnrouted = unrouted.filter((pickup) => reachable.has(pickup.participantId));
    const shownRoutes = routes.map((route) => ({
      route,
      stops: route.stops.filter((stop) => reachable.has(stop.participantId)),
    }));
    return {
      routes: shownRoutes.map(({ route, stops }) => ({
        id: route.id,
        vehicleId: route.vehicleId,
        driverId: route.driverId,
        direction: route.direction,
        depart: local(route.depart),
        arrive: local(route.arrive),
        driveMinutes: route.driveMinutes,
        stops: stops.map((stop) => ({
          id: stop.id,
          participantId: stop.participantId,
          position: stop.position,
          time: local(stop.time),
          children: stop.children,
          status: stop.status,
        })),
        hiddenStops: route.stops.length - stops.length,
      })),
      unrouted: shownUnrouted.map(({ participantId, direction, reason }) => ({
        participantId,
        direction,
        reason,
      })),
      hiddenUnrouted: unrouted.length - shownUnrouted.length,
      // Each rider named is an audited read of her data.
      items: [
        ...new Set([
          ...shownRoutes.flatMap(({ stops }) => stops.map((s) => s.participantId)),
          ...shownUnrouted.map((u) => u.participantId),
        ]),
      ].map((participantId) => ({ participantId })),
    };
  }
}
