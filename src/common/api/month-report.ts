import type { Request, Response } from 'express';
import { MonthReportQueryDto } from './month-report-query.dto';

/**
 * Answers a region's monthly report as JSON, or as a CSV download when `format=csv` or the Accept header asks
 * for it; never cached (it names people or money). `name` starts the file's name, e.g. `costs`.
 */
export function monthReportAnswer<Report extends { region: string }>(
  query: MonthReportQueryDto,
  request: Request,
  response: Response,
  report: Report,
  name: string,
  toCsv: (report: Report) => string,
): Report | string {
  const format =
    query.format ?? (request.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json');
  response.setHeader('Cache-Control', 'no-store');
  response.vary('Accept');
  if (format === 'json') return report;
  response.attachment(`${name}-${report.region}-${query.month}.csv`);
  response.type('text/csv; charset=utf-8');
  return toCsv(report);
}
