import { dutchCsv } from '../../common/api/dutch-csv';
import { CostReport } from './dto/cost-report.dto';

/** Euros with the decimal comma of Dutch spreadsheets (the fields are `;`-separated: see dutchCsv). */
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const decimal = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

/**
 * The cost report as CSV: its lines, one per municipality, programme, kind of cost and subject, so that the
 * `amountEur` of a municipality's rows adds up to what the JSON says it pays.
 */
export function costReportCsv(report: CostReport): string {
  const municipalities = new Map(report.municipalities.map((m) => [m.municipalityId, m.name]));
  const programmes = new Map(report.programmes.map((p) => [p.programmeId, p.ref ?? p.name]));
  return dutchCsv(
    report.lines.map((line) => [
      report.month,
      municipalities.get(line.municipalityId) ?? '',
      programmes.get(line.programmeId) ?? '',
      line.category,
      line.subjectRef ?? '',
      line.subjectName,
      line.detail ?? '',
      decimal(line.hours, 2),
      decimal(line.km, 1),
      line.trips,
      euros(line.grossCents),
      euros(line.ownContributionCents),
      euros(line.amountCents),
    ]),
    [
      'month',
      'municipality',
      'programme',
      'category',
      'ref',
      'name',
      'detail',
      'hours',
      'km',
      'trips',
      'grossEur',
      'ownContributionEur',
      'amountEur',
    ],
  );
}
