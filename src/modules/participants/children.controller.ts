import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { ChildrenService } from './children.service';
import { ChildDto, ChildListQueryDto, CreateChildDto, UpdateChildDto } from './dto/child.dto';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';

@ApiTags('children')
@ApiBearerAuth()
@ScopedBy(ChildrenService, 'child')
@Controller('children')
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @Get()
  @Audited('child')
  @ApiPageResponse(ChildDto)
  async list(@Query() query: ChildListQueryDto): Promise<Page<ChildDto>> {
    const page = await this.children.list(query);
    return { items: page.items.map(ChildDto.from), total: page.total };
  }

  @Get(':id')
  @Audited('child')
  async get(@IdParam() id: string): Promise<ChildDto> {
    return ChildDto.from(await this.children.get(id));
  }

  @Post()
  @Audited('child')
  async create(@Body() dto: CreateChildDto): Promise<ChildDto> {
    return ChildDto.from(await this.children.create(dto));
  }

  @Patch(':id')
  @Audited('child')
  async update(@IdParam() id: string, @Body() dto: UpdateChildDto): Promise<ChildDto> {
    return ChildDto.from(await this.children.update(id, dto));
  }

  @Delete(':id')
  @Audited('child')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.children.remove(id);
  }
}
