import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { CreateDriverDto, DriverDto, DriverListQueryDto, UpdateDriverDto } from './dto/driver.dto';
import { DriversService } from './drivers.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('drivers')
@ApiBearerAuth()
@ScopedBy(DriversService, 'driver')
@Controller('drivers')
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @Get()
  @ApiPageResponse(DriverDto)
  async list(@Query() query: DriverListQueryDto): Promise<Page<DriverDto>> {
    const page = await this.drivers.list(query);
    return { items: page.items.map(DriverDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<DriverDto> {
    return DriverDto.from(await this.drivers.get(id));
  }

  @Post()
  async create(@Body() dto: CreateDriverDto): Promise<DriverDto> {
    return DriverDto.from(await this.drivers.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateDriverDto): Promise<DriverDto> {
    return DriverDto.from(await this.drivers.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.drivers.remove(id);
  }
}
