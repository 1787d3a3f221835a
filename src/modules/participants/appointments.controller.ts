import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { AppointmentsService } from './appointments.service';
import {
  AppointmentDto,
  AppointmentListQueryDto,
  CreateAppointmentDto,
  UpdateAppointmentDto,
} from './dto/appointment.dto';

@ApiTags('appointments')
@ApiBearerAuth()
@ScopedBy(AppointmentsService, 'appointment')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get()
  @Audited('appointment')
  @ApiPageResponse(AppointmentDto)
  async list(@Query() query: AppointmentListQueryDto): Promise<Page<AppointmentDto>> {
    const page = await this.appointments.list(query);
    return { items: page.items.map(AppointmentDto.from), total: page.total };
  }

  @Get(':id')
  @Audited('appointment')
  async get(@IdParam() id: string): Promise<AppointmentDto> {
    return AppointmentDto.from(await this.appointments.get(id));
  }

  @Post()
  @Audited('appointment')
  async create(@Body() dto: CreateAppointmentDto): Promise<AppointmentDto> {
    return AppointmentDto.from(await this.appointments.create(dto));
  }

  @Patch(':id')
  @Audited('appointment')
  async update(@IdParam() id: string, @Body() dto: UpdateAppointmentDto): Promise<AppointmentDto> {
    return AppointmentDto.from(await this.appointments.update(id, dto));
  }

  @Delete(':id')
  @Audited('appointment')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.appointments.remove(id);
  }
}
