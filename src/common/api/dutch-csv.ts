import { stringify } from 'csv-stringify/sync';

/**
 * A CSV that Dutch spreadsheets open as it is: `;` between fields (the comma is the decimal sign there), Windows
 * line ends, a BOM for UTF-8, and formulas escaped so that a name can never run as one.
 */
export function dutchCsv(rows: unknown[][], columns: string[]): string {
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    escape_formulas: true,
    header: true,
    columns,
  });
}
