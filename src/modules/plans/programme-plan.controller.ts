import { Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { JobsService } from '../jobs/jobs.service';
import { answerWithJob, RespondsAsync } from '../jobs/respond-async';
import { ProgrammesService } from '../programmes/programmes.service';
import { ProgrammePlanAnswer } from './dto/programme-plan-answer.dto';
import { ProgrammePlanJobsService } from './programme-plan-jobs.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller()
export class ProgrammePlanController {
  constructor(
    private readonly planJobs: ProgrammePlanJobsService,
    private readonly jobs: JobsService,
  ) {}

  @Post('programmes/:id/plan')
  @HttpCode(200)
  @ScopedBy(ProgrammesService, 'programme')
  @ApiOperation({
    summary: 'Plan a programme: its sessions, then childcare and rides together',
    description:
      'Chooses for each group its weekly time(s), a trainer and interpreters, lays out its series from the start ' +
      'date around closed dates and public holidays, and stores the sessions (replacing planned sessions from now ' +
      'on; pinned times are kept) with the conflicts of each member. Then plans care and rides of those sessions ' +
      'together so that they agree (a woman is collected both ways or not at all; children cared for near the ' +
      'location ride along), and answers how many member-sessions she can actually come to (careAndRides.canCome), beside a bound no plan of ' +
      'any weekly times can beat with the care places and the fleet counted (careAndRides.upperBound). ' +
      "A programme that ends with closing talks (a scenario's `programme.closingTalks`) has them planned last, " +
      'anew (closingTalks: planned, and unplaced members with the reason). ' +
      'It runs as a job (one plan of a region at a time, on any instance): with `Prefer: respond-async` the ' +
      'answer is 202 with the job at once (follow it at GET /jobs/{id}); without, the answer waits for it.',
  })
  @ApiOkResponse({ type: ProgrammePlanAnswer })
  @RespondsAsync()
  async plan(
    @IdParam() id: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const job = await this.planJobs.queue(id, new Date());
    return answerWithJob(this.jobs, job, prefer, response);
  }
}
