import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page, RegionListQueryDto } from '../../common/api/page';
import { CreateTrainerDto, TrainerDto, UpdateTrainerDto } from './dto/trainer.dto';
import { TrainersService } from './trainers.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('trainers')
@ApiBearerAuth()
@ScopedBy(TrainersService, 'trainer')
@Controller('trainers')
export class TrainersController {
  constructor(private readonly trainers: TrainersService) {}

  @Get()
  @ApiPageResponse(TrainerDto)
  async list(@Query() query: RegionListQueryDto): Promise<Page<TrainerDto>> {
    const page = await this.trainers.list(query);
    return { items: page.items.map(TrainerDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<TrainerDto> {
    return TrainerDto.from(await this.trainers.get(id));
  }

  @Post()
  async create(@Body() dto: CreateTrainerDto): Promise<TrainerDto> {
    return TrainerDto.from(await this.trainers.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateTrainerDto): Promise<TrainerDto> {
    return TrainerDto.from(await this.trainers.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.trainers.remove(id);
  }
}
