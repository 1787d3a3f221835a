import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, Page } from '../../common/api/page';
import { Audited } from '../audit/audited.decorator';
import { OutboxListQueryDto, OutboxMessageDto } from './dto/outbox-message.dto';
import { OutboxService } from './outbox.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Audited('outbox message')
  @ApiOperation({
    summary: 'The messages to participants, newest first: pending, sent, failed, or held',
    description:
      'Held messages are those for a channel that is not configured (no SMTP server, no SMS or WhatsApp ' +
      'provider): they are kept here and never sent. Narrowed to the regions and municipalities of the caller.',
  })
  @ApiPageResponse(OutboxMessageDto)
  async list(@Query() query: OutboxListQueryDto): Promise<Page<OutboxMessageDto>> {
    const page = await this.outbox.list(query);
    return { items: page.items.map(OutboxMessageDto.from), total: page.total };
  }
}
