import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import { PlanSummary } from '../scheduling/dto/plan.dto';
import { CareAndRidesSummary, PlanningCascadeService } from './planning-cascade.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller()
export class ProgrammePlanController {
  constructor(private readonly cascade: PlanningCascadeService) {}

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
      'any weekly times can beat with the care places and the fleet counted (careAndRides.upperBound).',
  })
  @ApiOkResponse({ type: PlanSummary })
  plan(@IdParam() id: string): Promise<PlanSummary & { careAndRides: CareAndRidesSummary }> {
    return this.cascade.planProgramme(id, new Date());
  }
}
