import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page, RegionListQueryDto } from '../../common/api/page';
import { CreateMunicipalityDto, MunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalitiesService } from './municipalities.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('municipalities')
@ApiBearerAuth()
@ScopedBy(MunicipalitiesService, 'municipality')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get()
  @ApiPageResponse(MunicipalityDto)
  async list(@Query() query: RegionListQueryDto): Promise<Page<MunicipalityDto>> {
    const page = await this.municipalities.list(query);
    return { items: page.items.map(MunicipalityDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<MunicipalityDto> {
    return MunicipalityDto.from(await this.municipalities.get(id));
  }

  @Post()
  async create(@Body() dto: CreateMunicipalityDto): Promise<MunicipalityDto> {
    return MunicipalityDto.from(await this.municipalities.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateMunicipalityDto): Promise<MunicipalityDto> {
    return MunicipalityDto.from(await this.municipalities.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.municipalities.remove(id);
  }
}
