import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';
import { OutboxListQueryDto, OutboxMessageDto } from './dto/outbox-message.dto';
import { OutboxService } from './outbox.service';

@ApiTags('messages')
@ApiBearerAuth()
@ScopedBy(OutboxService, 'outbox message')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Audited('outbox message')
  @ApiOperation({
    summary: 'The messages to participants, newest first: pending, sent, failed, held, or backfilled',
    description:
      'Held messages are those for a channel that is not configured (no SMTP server, no SMS or WhatsApp ' +
      'provider): they are kept here and never sent. Narrowed to the regions and municipalities of the caller.',
  })
  @ApiPageResponse(OutboxMessageDto)
  async list(@Query() query: OutboxListQueryDto): Promise<Page<OutboxMessageDto>> {
    const page = await this.outbox.list(query);
    return { items: page.items.map(OutboxMessageDto.from), total: page.total };
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a failed message again',
    description:
      'Only a message whose status is `failed`: it becomes `pending`, due now, with all its attempts again (or ' +
      '`held` when its channel is no longer configured). Recorded in the audit log.',
  })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiConflictResponse({ description: 'the message is not failed (pending, sent, held, …)' })
  async resend(@IdParam() id: string): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(await this.outbox.resend(id));
  }
}
