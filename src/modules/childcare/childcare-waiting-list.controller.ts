import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, Page } from '../../common/api/page';
import { Audited } from '../audit/audited.decorator';
import { ChildcarePlanningService } from './childcare-planning.service';
import { ChildcareWaitingListService } from './childcare-waiting-list.service';
import { ChildcareWaitingEntryDto, ChildcareWaitingListQueryDto } from './dto/childcare-waiting-list.dto';

@ApiTags('childcare')
@ApiBearerAuth()
@Controller('childcare/waiting-list')
export class ChildcareWaitingListController {
  constructor(
    private readonly waitingList: ChildcareWaitingListService,
    private readonly planning: ChildcarePlanningService,
  ) {}

  @Get()
  @Audited('childcare waiting list')
  @ApiOperation({
    summary: 'Children waiting for a care place, per session, in turn',
    description:
      'A child planning left without a place in her age band waits; when a place frees that day (an absence, a ' +
      'cancelled booking or session, more places) the first in turn who fits it is booked in the same ' +
      'transaction, all of a mother’s waiting children or none, and her mother is told in her language. ' +
      'Positions count every child of the session, also those of municipalities the caller does not see.',
  })
  @ApiPageResponse(ChildcareWaitingEntryDto)
  async list(@Query() query: ChildcareWaitingListQueryDto): Promise<Page<ChildcareWaitingEntryDto>> {
    const sessionIds = query.programme
      ? (await this.planning.sessionsOf(query.programme, new Date(0))).map((session) => session.id)
      : undefined;
    return this.waitingList.list(query, sessionIds);
  }
}
