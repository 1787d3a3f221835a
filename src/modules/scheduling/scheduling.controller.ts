import { BadRequestException, Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { toMinutes } from '../../planning/time/calendar';
import { ScopedBy } from '../access/scoped-by.decorator';
import { GroupsService } from '../programmes/groups.service';
import { SlotCandidate } from './dto/plan.dto';
import { ConflictDto } from './dto/conflict.dto';
import { ConflictsService } from './conflicts.service';
import { SessionsService } from '../programmes/sessions.service';
import { Audited } from '../audit/audited.decorator';
import { PinnedSlotsDto, PinnedTimeDto, SlotsQueryDto } from './dto/scheduling-query.dto';
import { PinnedSlotsService } from './pinned-slots.service';
import { SchedulingService } from './scheduling.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller()
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly pinned: PinnedSlotsService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Get('groups/:id/slots')
  @ScopedBy(GroupsService, 'group')
  @ApiOperation({ summary: 'The weekly times a group could meet, best first, with who can come and why not' })
  @ApiOkResponse({ type: [SlotCandidate] })
  async slots(@IdParam() id: string, @Query() query: SlotsQueryDto): Promise<{ items: SlotCandidate[] }> {
    return { items: await this.scheduling.slots(id, query.limit) };
  }

  @Get('groups/:id/pinned-slots')
  @ScopedBy(GroupsService, 'group')
  async pinnedSlots(@IdParam() id: string): Promise<PinnedSlotsDto> {
    return { slots: (await this.pinned.forGroups([id])).get(id) ?? [] };
  }

  @Put('groups/:id/pinned-slots')
  @ScopedBy(GroupsService, 'group')
  @ApiOperation({ summary: 'Pin the weekly time(s) of a group by hand: re-planning keeps them' })
  async pin(@IdParam() id: string, @Body() body: PinnedSlotsDto): Promise<PinnedSlotsDto> {
    const weekdays = body.slots.map((slot: PinnedTimeDto) => slot.weekday);
    const twice = weekdays.findIndex((weekday, index) => weekdays.indexOf(weekday) !== index);
    if (twice >= 0) throw new BadRequestException(`slots[${twice}].weekday: one pinned time per weekday`);
    body.slots.forEach((slot, index) => {
      if (toMinutes(slot.start) % 5 !== 0)
        throw new BadRequestException(`slots[${index}].start: use a multiple of 5 minutes`);
    });
    return { slots: await this.pinned.replace(id, body.slots) };
  }

  @Get('sessions/:id/conflicts')
  @ScopedBy(SessionsService, 'session')
  @Audited('conflict')
  @ApiOperation({
    summary: 'The members who cannot attend a session, and why',
    description:
      'Conflicts found after planning (a lesson, appointment or membership changed since) have isNew.',
  })
  @ApiOkResponse({ type: [ConflictDto] })
  async sessionConflicts(@IdParam() id: string): Promise<{ items: ConflictDto[] }> {
    return { items: (await this.conflicts.forSessions([id])).map(ConflictDto.from) };
  }
}
