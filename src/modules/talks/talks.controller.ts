import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import {
  ClosingTalksDto,
  ClosingTalksResultDto,
  CreateTalkSeriesDto,
  TalkListQueryDto,
  TalkSeriesDto,
  TalkSeriesPageDto,
} from './dto/talk.dto';
import { TalksService } from './talks.service';

@ApiTags('talks')
@ApiBearerAuth()
@Controller('talks')
export class TalksController {
  constructor(private readonly talks: TalksService) {}

  @Post()
  @ApiOperation({
    summary: 'Plan recurring individual talks of a participant with her jobcoach, coach or language buddy',
    description:
      'Every week, every other week or once, from week or month N of the programme (or a date) until her last ' +
      'session (or `until`), at her home, an office, online or at the location beside a session. Each talk is ' +
      'planned free of her lessons (with travel), appointments and sessions, within the coach’s availability and ' +
      'free of her other talks and travel; a talk with no free time is `unplaced` with the reason.',
  })
  @ApiCreatedResponse({ type: TalkSeriesDto })
  async create(@Body() dto: CreateTalkSeriesDto): Promise<TalkSeriesDto> {
    const { series, talks, zone } = await this.talks.create(dto);
    return TalkSeriesDto.from(series, talks, zone);
  }

  @Get()
  @ApiOperation({ summary: 'Talk series with their talks, of a participant, a programme or a coach' })
  @ApiOkResponse({ type: TalkSeriesPageDto })
  async list(@Query() query: TalkListQueryDto): Promise<TalkSeriesPageDto> {
    const { page } = await this.talks.list(query);
    return {
      items: page.items.map(({ series, talks, zone }) => TalkSeriesDto.from(series, talks, zone)),
      total: page.total,
    };
  }
}

@ApiTags('talks')
@ApiBearerAuth()
@ScopedBy(ProgrammesService, 'programme')
@Controller('programmes/:id/closing-talks')
export class ClosingTalksController {
  constructor(private readonly talks: TalksService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Plan a closing talk for every member in the last two weeks of her sessions',
    description:
      'With her, her group’s trainer and a staff member of each of `roles` (her own coach in that role where she ' +
      'has one). Planned around everyone’s lessons, sessions and talks; calling it again plans them anew.',
  })
  @ApiOkResponse({ type: ClosingTalksResultDto })
  async plan(@IdParam() id: string, @Body() dto: ClosingTalksDto): Promise<ClosingTalksResultDto> {
    const { planned, skipped } = await this.talks.planClosing(id, dto);
    return {
      series: planned.map(({ series, talks, zone }) => TalkSeriesDto.from(series, talks, zone)),
      unplaced: planned.flatMap(({ talks }) => talks).filter((talk) => talk.status === 'unplaced').length,
      skipped,
    };
  }
}
