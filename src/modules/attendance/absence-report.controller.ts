import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MonthReportQueryDto } from '../../common/api/month-report-query.dto';
import { monthReportAnswer } from '../../common/api/month-report';
import { absenceReportCsv, AbsenceReportService } from './absence-report.service';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('absences')
export class AbsenceReportController {
  constructor(private readonly reports: AbsenceReportService) {}

  @Get('report')
  @ApiOperation({
    summary: "Absences per participant and month, for the municipality (inburgering's attendance duty)",
    description:
      'Per participant: the sessions of her groups that month, her absences by reason (ill, child ill, other, ' +
      'no-show) and the sessions a lesson or appointment kept her from. JSON, or CSV with `format=csv` or ' +
      '`Accept: text/csv`.',
  })
  @ApiProduces('application/json', 'text/csv')
  async report(
    @Query() query: MonthReportQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const report = await this.reports.report(query.region, query.month);
    return monthReportAnswer(query, request, response, report, 'absences', absenceReportCsv);
  }
}
