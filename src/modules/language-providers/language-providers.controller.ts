import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page, RegionListQueryDto } from '../../common/api/page';
import {
  CreateLanguageProviderDto,
  LanguageProviderDto,
  UpdateLanguageProviderDto,
} from './dto/language-provider.dto';
import { LanguageProvidersService } from './language-providers.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('language-providers')
@ApiBearerAuth()
@ScopedBy(LanguageProvidersService, 'language provider')
@Controller('language-providers')
export class LanguageProvidersController {
  constructor(private readonly providers: LanguageProvidersService) {}

  @Get()
  @ApiPageResponse(LanguageProviderDto)
  async list(@Query() query: RegionListQueryDto): Promise<Page<LanguageProviderDto>> {
    const page = await this.providers.list(query);
    return { items: page.items.map(LanguageProviderDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<LanguageProviderDto> {
    return LanguageProviderDto.from(await this.providers.get(id));
  }

  @Post()
  async create(@Body() dto: CreateLanguageProviderDto): Promise<LanguageProviderDto> {
    return LanguageProviderDto.from(await this.providers.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateLanguageProviderDto): Promise<LanguageProviderDto> {
    return LanguageProviderDto.from(await this.providers.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a language provider (409 while it still gives lessons)' })
  async remove(@IdParam() id: string): Promise<void> {
    await this.providers.remove(id);
  }
}
