import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChildcareCosts, ChildcareCostsService, childcareCostsCsv } from './childcare-costs.service';
import { MonthReportQueryDto } from '../../common/api/month-report-query.dto';
import { monthReportAnswer } from '../../common/api/month-report';

@ApiTags('childcare')
@ApiBearerAuth()
@Controller('childcare/costs')
export class ChildcareCostsController {
  constructor(private readonly costs: ChildcareCostsService) {}

  @Get()
  @ApiOperation({
    summary: 'Hours × price of childcare in a month, per provider, participant and municipality',
    description:
      'Bookings that held a place (requested or confirmed) on a date of the month. JSON, or CSV (`format`, or ' +
      'the Accept header `text/csv`): one row per participant and provider, `;`-separated with decimal commas.',
  })
  @ApiProduces('application/json', 'text/csv')
  async report(
    @Query() query: MonthReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChildcareCosts | string> {
    const report = await this.costs.report(query.region, query.month);
    return monthReportAnswer(query, request, response, report, 'childcare-costs', childcareCostsCsv);
  }
}
