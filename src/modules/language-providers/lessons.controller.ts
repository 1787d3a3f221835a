import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';
import { ParticipantsService } from '../participants/participants.service';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { LessonOccurrencesDto, LessonOccurrencesQueryDto } from './dto/lesson-occurrence.dto';
import { CreateLessonDto, LessonDto, LessonListQueryDto, UpdateLessonDto } from './dto/lesson.dto';
import { LessonsService } from './lessons.service';

@ApiTags('lessons')
@ApiBearerAuth()
@Controller()
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Get('lessons')
  @Audited('lesson')
  @ApiPageResponse(LessonDto)
  async list(@Query() query: LessonListQueryDto): Promise<Page<LessonDto>> {
    const page = await this.lessons.list(query);
    return { items: page.items.map(LessonDto.from), total: page.total };
  }

  @Get('lessons/:id')
  @Audited('lesson')
  @ScopedBy(LessonsService, 'lesson')
  async get(@IdParam() id: string): Promise<LessonDto> {
    return LessonDto.from(await this.lessons.get(id));
  }

  @Post('lessons')
  @Audited('lesson')
  async create(@Body() dto: CreateLessonDto): Promise<LessonDto> {
    return LessonDto.from(await this.lessons.create(dto));
  }

  @Patch('lessons/:id')
  @Audited('lesson')
  @ScopedBy(LessonsService, 'lesson')
  async update(@IdParam() id: string, @Body() dto: UpdateLessonDto): Promise<LessonDto> {
    return LessonDto.from(await this.lessons.update(id, dto));
  }

  @Delete('lessons/:id')
  @Audited('lesson')
  @ScopedBy(LessonsService, 'lesson')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.lessons.remove(id);
  }

  // Served here rather than by the participants module, which must not depend on lessons.
  @Get('participants/:id/lessons/occurrences')
  @Audited('lesson', { idField: 'lessonId' })
  @ScopedBy(ParticipantsService, 'participant')
  @ApiOperation({
    summary: "Every lesson of a participant between two dates, at her region's wall-clock times",
  })
  @ApiOkResponse({ type: LessonOccurrencesDto })
  async occurrences(
    @IdParam() participantId: string,
    @Query() range: LessonOccurrencesQueryDto,
  ): Promise<LessonOccurrencesDto> {
    return { items: await this.lessons.occurrences(participantId, range) };
  }
}
