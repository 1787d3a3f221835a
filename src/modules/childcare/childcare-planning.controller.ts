import { Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { JobsService } from '../jobs/jobs.service';
import { answerWithJob, RespondsAsync } from '../jobs/respond-async';
import { ProgrammesService } from '../programmes/programmes.service';
import { ChildcarePlanJobsService } from './childcare-plan-jobs.service';
import { ChildcarePlanningService } from './childcare-planning.service';
import { ChildcarePlanDto, ChildcareStateDto } from './dto/childcare-plan.dto';

@ApiTags('childcare')
@ApiBearerAuth()
@ScopedBy(ProgrammesService, 'programme')
@Controller('programmes')
export class ChildcarePlanningController {
  constructor(
    private readonly planning: ChildcarePlanningService,
    private readonly planJobs: ChildcarePlanJobsService,
    private readonly jobs: JobsService,
  ) {}

  @Post(':id/childcare/plan')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Book care for every child who needs it in the planned sessions of a programme',
    description:
      'A child under 4 always needs care; a child of 4 to 12 when the session with her mother’s travel is not ' +
      'within school hours, or there is no school that day; never when her partner cares for her, nor when her ' +
      'mother cannot come. Bookings that still fit stay (moved with their session), others are cancelled with ' +
      'the reason; each need left is booked (volunteer care at the location first, then her usual provider, ' +
      'then the nearest formal care, sisters and brothers together) or listed as unmet with the reason. Also ' +
      'done by itself when the programme is planned again or a session moves. It runs as a job (one job of a ' +
      'region at a time): with `Prefer: respond-async` the answer is 202 with the job at once (follow it at ' +
      'GET /jobs/{id}); without, the answer waits for it. The mothers it names are an audited read when read.',
  })
  @ApiOkResponse({ type: ChildcarePlanDto })
  @RespondsAsync()
  async plan(
    @IdParam() id: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return answerWithJob(this.jobs, await this.planJobs.queue(id, new Date()), prefer, response);
  }

  @Get(':id/childcare')
  @ApiOperation({
    summary: 'Where a programme’s childcare stands: bookings, needs without a booking and why, staff needed',
    description: 'A child added since the last planning run shows as unmet with `not booked yet`.',
  })
  @ApiOkResponse({ type: ChildcareStateDto })
  state(@IdParam() id: string): Promise<ChildcareStateDto> {
    return this.planning.state(id, new Date());
  }
}
