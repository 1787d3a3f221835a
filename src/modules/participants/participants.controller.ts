import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import {
  CreateParticipantDto,
  ParticipantDto,
  ParticipantListQueryDto,
  UpdateParticipantDto,
} from './dto/participant.dto';
import { ParticipantLists } from './participant-lists';
import { ParticipantsService } from './participants.service';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';

@ApiTags('participants')
@ApiBearerAuth()
@ScopedBy(ParticipantsService, 'participant')
@Controller('participants')
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly lists: ParticipantLists,
  ) {}

  @Get()
  @Audited('participant')
  @ApiPageResponse(ParticipantDto)
  async list(@Query() query: ParticipantListQueryDto): Promise<Page<ParticipantDto>> {
    return this.lists.page(query);
  }

  @Get(':id')
  @Audited('participant')
  async get(@IdParam() id: string): Promise<ParticipantDto> {
    return ParticipantDto.from(await this.participants.get(id));
  }

  @Post()
  @Audited('participant')
  async create(@Body() dto: CreateParticipantDto): Promise<ParticipantDto> {
    return ParticipantDto.from(await this.participants.create(dto));
  }

  @Patch(':id')
  @Audited('participant')
  async update(@IdParam() id: string, @Body() dto: UpdateParticipantDto): Promise<ParticipantDto> {
    return ParticipantDto.from(await this.participants.update(id, dto));
  }

  @Delete(':id')
  @Audited('participant')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a participant with her children, appointments and lessons' })
  async remove(@IdParam() id: string): Promise<void> {
    await this.participants.remove(id);
  }
}
