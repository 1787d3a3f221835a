import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MonthReportQueryDto } from '../../common/api/month-report-query.dto';
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
    const format =
      query.format ?? (request.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json');
    const report = await this.costs.report(query.region, query.month);
    response.setHeader('Cache-Control', 'no-store');
    response.vary('Accept');
    if (format === 'csv') {
      response.attachment(`costs-${report.region}-${query.month}.csv`);
      response.type('text/csv; charset=utf-8');
      return costReportCsv(report);
    }
    return report;
  }
}
