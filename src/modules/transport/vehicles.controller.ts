import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page, RegionListQueryDto } from '../../common/api/page';
import { CreateVehicleDto, UpdateVehicleDto, VehicleDto } from './dto/vehicle.dto';
import { VehiclesService } from './vehicles.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('vehicles')
@ApiBearerAuth()
@ScopedBy(VehiclesService, 'vehicle')
@Controller('vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Get()
  @ApiPageResponse(VehicleDto)
  async list(@Query() query: RegionListQueryDto): Promise<Page<VehicleDto>> {
    const page = await this.vehicles.list(query);
    return { items: page.items.map(VehicleDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<VehicleDto> {
    return VehicleDto.from(await this.vehicles.get(id));
  }

  @Post()
  async create(@Body() dto: CreateVehicleDto): Promise<VehicleDto> {
    return VehicleDto.from(await this.vehicles.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateVehicleDto): Promise<VehicleDto> {
    return VehicleDto.from(await this.vehicles.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.vehicles.remove(id);
  }
}
