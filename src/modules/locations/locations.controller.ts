import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, MunicipalListQueryDto, Page } from '../../common/api/page';
import { CreateLocationDto, LocationDto, UpdateLocationDto } from './dto/location.dto';
import { LocationsService } from './locations.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('locations')
@ApiBearerAuth()
@ScopedBy(LocationsService, 'location')
@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @ApiPageResponse(LocationDto)
  async list(@Query() query: MunicipalListQueryDto): Promise<Page<LocationDto>> {
    const page = await this.locations.list(query);
    return { items: page.items.map(LocationDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<LocationDto> {
    return LocationDto.from(await this.locations.get(id));
  }

  @Post()
  async create(@Body() dto: CreateLocationDto): Promise<LocationDto> {
    return LocationDto.from(await this.locations.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateLocationDto): Promise<LocationDto> {
    return LocationDto.from(await this.locations.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.locations.remove(id);
  }
}
