import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import { ChildcarePlanningService } from './childcare-planning.service';
import { ChildcarePlanDto, ChildcareStateDto } from './dto/childcare-plan.dto';

@ApiTags('childcare')
@ApiBearerAuth()
@ScopedBy(ProgrammesService, 'programme')
@Controller('programmes')
export class ChildcarePlanningController {
  constructor(private readonly planning: ChildcarePlanningService) {}

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
      'done by itself when the programme is planned again or a session moves.',
  })
  @ApiOkResponse({ type: ChildcarePlanDto })
  plan(@IdParam() id: string): Promise<ChildcarePlanDto> {
    return this.planning.planProgramme(id, new Date());
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
