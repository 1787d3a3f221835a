import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ScopedBy } from '../access/scoped-by.decorator';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { ChildcareProvidersService } from './childcare-providers.service';
import {
  ChildcareProviderDto,
  ChildcareProviderListQueryDto,
  CreateChildcareProviderDto,
  UpdateChildcareProviderDto,
} from './dto/childcare-provider.dto';

@ApiTags('childcare-providers')
@ApiBearerAuth()
@ScopedBy(ChildcareProvidersService, 'childcare provider')
@Controller('childcare-providers')
export class ChildcareProvidersController {
  constructor(private readonly providers: ChildcareProvidersService) {}

  @Get()
  @ApiPageResponse(ChildcareProviderDto)
  async list(@Query() query: ChildcareProviderListQueryDto): Promise<Page<ChildcareProviderDto>> {
    const page = await this.providers.list(query);
    return { items: page.items.map(ChildcareProviderDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<ChildcareProviderDto> {
    return ChildcareProviderDto.from(await this.providers.get(id));
  }

  @Post()
  async create(@Body() dto: CreateChildcareProviderDto): Promise<ChildcareProviderDto> {
    return ChildcareProviderDto.from(await this.providers.create(dto));
  }

  @Patch(':id')
  async update(
    @IdParam() id: string,
    @Body() dto: UpdateChildcareProviderDto,
  ): Promise<ChildcareProviderDto> {
    return ChildcareProviderDto.from(await this.providers.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.providers.remove(id);
  }
}
