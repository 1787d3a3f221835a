import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/public.decorator';
import { Roles } from '../access/roles.decorator';
import { AbsencesService } from '../attendance/absences.service';
import { SessionsService } from '../programmes/sessions.service';
import { ParticipantsService } from '../participants/participants.service';
import { RegionsService } from '../regions/regions.service';
import { AbsenceLinksService } from './absence-links.service';
import { ReportOwnAbsenceDto, SELF_REASONS } from '../attendance/dto/absence.dto';
import { RemindersRunDto, RunRemindersQueryDto } from './dto/reminders.dto';
import { clockTime } from '../../planning/time/wall-clock';
import { dayInWords, MessageTexts } from './message-texts';
import { RemindersService } from './reminders.service';
import { absencePageHtml } from './templates/absence-page.html';

const RIGHT_TO_LEFT = ['ar', 'prs'];

@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly links: AbsenceLinksService,
    private readonly absences: AbsencesService,
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
    private readonly regions: RegionsService,
    private readonly texts: MessageTexts,
  ) {}

  @Post('admin/reminders/run')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Run the reminder job as of an instant (back-fills, checks)',
    description:
      'Writes the reminders due as of `at` that were not written before: exactly once, as the timer does. With ' +
      '`at` more than five minutes ago (a back-fill) they are written as `backfilled`: kept, without an absence ' +
      'link, and never sent, unless `send=true`.',
  })
  @ApiOkResponse({ type: RemindersRunDto })
  run(@Query() query: RunRemindersQueryDto): Promise<RemindersRunDto> {
    return this.reminders.run(new Date(query.at), { send: query.send });
  }

  @Get('r/:code')
  @Public()
  @ApiExcludeEndpoint()
  async page(@Param('code') code: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const { language, session, zone } = await this.resolve(code);
    response.type('text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    const values = { day: dayInWords(session.start, zone, language), time: clockTime(session.start, zone) };
    const open = session.status === 'planned' && session.start > new Date();
    return absencePageHtml({
      lang: language,
      dir: RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr',
      title: this.texts.text(language, 'absencePage.title'),
      message: this.texts.text(language, open ? 'absencePage.question' : 'absencePage.past', values),
      reasons: open
        ? SELF_REASONS.map((value) => ({ value, label: this.texts.text(language, `absencePage.${value}`) }))
        : undefined,
    });
  }

  @Post('r/:code')
  @Public()
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async report(
    @Param('code') code: string,
    @Body() body: ReportOwnAbsenceDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { language, session, participantId } = await this.resolve(code);
    response.type('text/html; charset=utf-8');
    const open = session.status === 'planned' && session.start > new Date();
    if (open) await this.absences.report(session.id, { participantId, reason: body.reason }, 'participant');
    return absencePageHtml({
      lang: language,
      dir: RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr',
      title: this.texts.text(language, 'absencePage.title'),
      message: this.texts.text(language, open ? 'absencePage.done' : 'absencePage.past'),
    });
  }

  private async resolve(code: string) {
    const link = await this.links.find(code);
    if (!link) throw new NotFoundException('no such link');
    const session = await this.sessions.get(link.sessionId);
    const participant = await this.participants.get(link.participantId).catch(() => undefined);
    if (!participant || participant.erasedAt) throw new NotFoundException('no such link');
    const { timezone: zone } = await this.regions.get(session.regionId);
    return { language: participant.language, session, participantId: participant.id, zone };
  }
}
