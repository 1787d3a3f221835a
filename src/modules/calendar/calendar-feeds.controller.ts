import { Body, Controller, Get, NotFoundException, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/public.decorator';
import { CalendarConfig } from './calendar-config';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarFeedUrlDto, CreateCalendarFeedDto } from './dto/calendar-feed.dto';
import { FeedRenderingService } from './feed-rendering.service';

/** What a feed secret looks like; anything else cannot be one and is answered as an unknown feed. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

@ApiTags('calendar')
@Controller('calendar')
export class CalendarFeedsController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly rendering: FeedRenderingService,
    private readonly config: CalendarConfig,
  ) {}

  @Post('feeds')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Make a private calendar feed URL',
    description:
      '`{ "participantId" }`: her sessions with pickup times, and her talks; `{ "driverId" }`: her rides; ' +
      '`{ "staffMemberId" }`: the talks she must be at; `{}`: the calling ' +
      "coordinator's own feed, of the sessions of her regions. The URL holds a secret, shown this once; a new " +
      'one replaces the earlier URL of the same feed. Calendar apps refresh a subscription only every few hours: ' +
      'changes still go out as messages.',
  })
  @ApiCreatedResponse({ type: CalendarFeedUrlDto })
  async create(@Body() dto: CreateCalendarFeedDto): Promise<CalendarFeedUrlDto> {
    const owner = await this.feeds.ownerFor(dto);
    const { secret } = await this.feeds.issue(owner, new Date());
    return { url: this.config.feedUrl(secret) };
  }

  @Get('feed.ics')
  @Public()
  @ApiOperation({
    summary: 'A calendar feed (iCalendar, RFC 5545), for calendar apps to subscribe to',
    description:
      'No Authorization header: the secret in `key` is the access. Sessions of the last eight weeks and all to ' +
      'come, times in the region’s zone with TZID, a stable UID per event, SEQUENCE raised when an event changes, ' +
      'cancelled sessions with STATUS:CANCELLED. 404 for an unknown or replaced key.',
  })
  @ApiQuery({ name: 'key', description: 'the secret of the feed, from its URL' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'the feed', content: { 'text/calendar': { schema: { type: 'string' } } } })
  async feed(@Query('key') key: unknown, @Res({ passthrough: true }) response: Response): Promise<string> {
    if (typeof key !== 'string' || !SECRET_SHAPE.test(key))
      throw new NotFoundException('calendar feed not found');
    const text = await this.rendering.render(key, new Date());
    response.type('text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', 'inline; filename="trefpunt.ics"');
    // Personal, and different at every change: no shared cache keeps it, and no search engine lists it.
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Robots-Tag', 'noindex');
    return text;
  }
}
