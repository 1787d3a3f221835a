import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page, RegionListQueryDto } from '../../common/api/page';
import { CreateProgrammeDto, ProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('programmes')
@ApiBearerAuth()
@ScopedBy(ProgrammesService, 'programme')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @ApiPageResponse(ProgrammeDto)
  async list(@Query() query: RegionListQueryDto): Promise<Page<ProgrammeDto>> {
    const page = await this.programmes.list(query);
    return { items: page.items.map(ProgrammeDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.get(id));
  }

  @Post()
  async create(@Body() dto: CreateProgrammeDto): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateProgrammeDto): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a programme (409 while it still has groups)' })
  async remove(@IdParam() id: string): Promise<void> {
    await this.programmes.remove(id);
  }
}
