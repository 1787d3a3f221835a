import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MonthReportQueryDto } from '../../common/api/month-report-query.dto';
import { monthReportAnswer } from '../../common/api/month-report';
import { costReportCsv } from './cost-report.csv';
import { CostReportService } from './cost-report.service';
import { CostReport } from './dto/cost-report.dto';

@ApiTags('costs')
@ApiBearerAuth()
@Controller('costs')
export class CostsController {
  constructor(private readonly costs: CostReportService) {}

  @Get()
  @ApiOperation({
    summary: 'What each municipality pays in a month, and each programme against its budget',
    description:
      "Childcare (gross hours × price, the families' own contribution, the municipality's share), travel of " +
      "women who come by bus or bike, volunteer drivers' kilometre allowances (capped per month and year), taxi " +
      'routes and interpreters, by the region’s cost rates; amounts in euro cents. JSON, or CSV (`format`, or ' +
      'the Accept header `text/csv`): one row per line, `;`-separated with decimal commas and amounts in euros.',
  })
  @ApiProduces('application/json', 'text/csv')
  async report(
    @Query() query: MonthReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CostReport | string> {
    const report = await this.costs.report(query.region, query.month);
    return monthReportAnswer(query, request, response, report, 'costs', costReportCsv);
  }
}
