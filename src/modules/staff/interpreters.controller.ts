import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import {
  CreateInterpreterDto,
  InterpreterDto,
  InterpreterListQueryDto,
  UpdateInterpreterDto,
} from './dto/interpreter.dto';
import { InterpretersService } from './interpreters.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('interpreters')
@ApiBearerAuth()
@ScopedBy(InterpretersService, 'interpreter')
@Controller('interpreters')
export class InterpretersController {
  constructor(private readonly interpreters: InterpretersService) {}

  @Get()
  @ApiPageResponse(InterpreterDto)
  async list(@Query() query: InterpreterListQueryDto): Promise<Page<InterpreterDto>> {
    const page = await this.interpreters.list(query);
    return { items: page.items.map(InterpreterDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<InterpreterDto> {
    return InterpreterDto.from(await this.interpreters.get(id));
  }

  @Post()
  async create(@Body() dto: CreateInterpreterDto): Promise<InterpreterDto> {
    return InterpreterDto.from(await this.interpreters.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateInterpreterDto): Promise<InterpreterDto> {
    return InterpreterDto.from(await this.interpreters.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.interpreters.remove(id);
  }
}
