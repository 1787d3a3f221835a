import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import { ProgrammeBudgetAnswerDto, ProgrammeBudgetDto } from './dto/programme-budget.dto';
import { ProgrammeBudgetsService } from './programme-budgets.service';

@ApiTags('costs')
@ApiBearerAuth()
@Controller('programmes/:id/budget')
@ScopedBy(ProgrammesService, 'programme')
export class ProgrammeBudgetController {
  constructor(private readonly budgets: ProgrammeBudgetsService) {}

  @Get()
  @ApiOperation({ summary: "A programme's budget (404 until one is set)" })
  @ApiOkResponse({ type: ProgrammeBudgetAnswerDto })
  async get(@IdParam() id: string): Promise<ProgrammeBudgetAnswerDto> {
    const { programmeId, amountCents } = await this.budgets.get(id);
    return { programmeId, amountCents };
  }

  @Put()
  @ApiOperation({
    summary: "Set a programme's budget",
    description: 'In euro cents; `GET /costs` shows what the programme cost up to a month against it.',
  })
  @ApiOkResponse({ type: ProgrammeBudgetAnswerDto })
  async set(@IdParam() id: string, @Body() dto: ProgrammeBudgetDto): Promise<ProgrammeBudgetAnswerDto> {
    const { programmeId, amountCents } = await this.budgets.set(id, dto.amountCents);
    return { programmeId, amountCents };
  }
}
