import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { CreateSessionDto, SessionDto, SessionListQueryDto, UpdateSessionDto } from './dto/session.dto';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('sessions')
@ApiBearerAuth()
@ScopedBy(SessionsService, 'session')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiPageResponse(SessionDto)
  @ApiOperation({ summary: 'Sessions by start; from/to select the local dates they start on' })
  async list(@Query() query: SessionListQueryDto): Promise<Page<SessionDto>> {
    const page = await this.sessions.list(query);
    return { items: await this.toDtos(page.items), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<SessionDto> {
    return this.toDto(await this.sessions.get(id));
  }

  @Post()
  async create(@Body() dto: CreateSessionDto): Promise<SessionDto> {
    return this.toDto(await this.sessions.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateSessionDto): Promise<SessionDto> {
    return this.toDto(await this.sessions.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.sessions.remove(id);
  }

  /** Times are answered in the region's own time zone, with the offset in force on that date. */
  private async toDtos(sessions: Session[]): Promise<SessionDto[]> {
    const zones = await this.sessions.timezones(sessions);
    return sessions.map((session) => SessionDto.from(session, zones.get(session.regionId)!));
  }

  private async toDto(session: Session): Promise<SessionDto> {
    const [dto] = await this.toDtos([session]);
    return dto;
  }
}
