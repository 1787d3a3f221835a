import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, Page, RefListQueryDto } from '../../common/api/page';
import { CreateRegionDto, RegionDto, UpdateRegionDto } from './dto/region.dto';
import { RegionsService } from './regions.service';
import { Roles } from '../access/roles.decorator';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiPageResponse(RegionDto)
  async list(@Query() query: RefListQueryDto): Promise<Page<RegionDto>> {
    const page = await this.regions.list(query);
    return { items: page.items.map(RegionDto.from), total: page.total };
  }

  @Get(':idOrRef')
  @ApiOperation({ summary: 'A region by its id or its ref' })
  async get(@Param('idOrRef') idOrRef: string): Promise<RegionDto> {
    return RegionDto.from(await this.regions.get(idOrRef));
  }

  @Post()
  @Roles('admin')
  async create(@Body() dto: CreateRegionDto): Promise<RegionDto> {
    return RegionDto.from(await this.regions.create(dto));
  }

  @Patch(':idOrRef')
  async update(@Param('idOrRef') idOrRef: string, @Body() dto: UpdateRegionDto): Promise<RegionDto> {
    return RegionDto.from(await this.regions.update(idOrRef, dto));
  }

  @Delete(':idOrRef')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty region (409 while it still holds records)' })
  async remove(@Param('idOrRef') idOrRef: string): Promise<void> {
    await this.regions.remove(idOrRef);
  }
}
