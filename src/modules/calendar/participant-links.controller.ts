import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ParticipantsService } from '../participants/participants.service';
import { ParticipantLinksDto } from './dto/participant-links.dto';
import { ParticipantLinksService } from './participant-links.service';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants')
export class ParticipantLinksController {
  constructor(private readonly links: ParticipantLinksService) {}

  @Get(':id/links')
  @ScopedBy(ParticipantsService, 'participant')
  @ApiOperation({
    summary: 'Her personal link and her calendar feed, made anew',
    description:
      'Only hashes of links are kept, so each call makes both again: a new personal link (a participant ' +
      'token) and a new calendar feed URL. Calling it REPLACES her earlier links: her earlier personal links ' +
      'are revoked and her earlier feed URL stops working. Hand her the new ones.',
  })
  @ApiOkResponse({ type: ParticipantLinksDto })
  async get(
    @IdParam() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantLinksDto> {
    response.setHeader('Cache-Control', 'no-store');
    return this.links.renew(id, new Date());
  }
}
