import { CsvError, parse } from 'csv-parse/sync';
import {
  finishParse,
  isLatitude,
  isLongitude,
  parseCalendarDate,
  parseTimeOfDay,
  parseWeekday,
  ParticipantDirectory,
  TimetableParse,
  TimetableProblem,
  TimetableRow,
} from './timetable';

type Column = 'participant' | 'weekday' | 'from' | 'to' | 'place' | 'lat' | 'lon' | 'validFrom' | 'validTo';

const COLUMNS: Column[] = [
  'participant',
  'weekday',
  'from',
  'to',
  'place',
  'lat',
  'lon',
  'validFrom',
  'validTo',
];
const REQUIRED: Column[] = ['participant', 'weekday', 'from', 'to', 'validFrom', 'validTo'];

/** `Valid From`, `valid_from` and `VALIDFROM` all name the column validFrom. */
const normalizeHeader = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
const COLUMN_BY_HEADER = new Map(COLUMNS.map((column) => [normalizeHeader(column), column]));

interface RecordWithInfo {
  record: string[];
  raw: string;
  info: { lines: number };
}

interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Dutch Excel saves CSV with `;` (the comma is its decimal sign): the header decides, as it holds no quoted
 * commas or semicolons in practice.
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const count = (character: string) => header.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const CSV_ERRORS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a " inside a field that does not start with one; put the whole field in quotes',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field must end right after its closing "; write a " inside it as ""',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    'a quoted field must end right after its closing "; write a " inside it as ""',
};

/**
 * Splits the file into records with the line each starts on. csv-parse stops at a broken quote (and its own
 * recovery loses its place), so the reading starts again on the line after it, to report every broken line.
 */
function readRecords(text: string, problems: TimetableProblem[]): CsvRecord[] {
  const delimiter = delimiterOf(text);
  const lines = text.split('\n');
  const records: CsvRecord[] = [];
  let fromLine = 1;
  while (fromLine <= lines.length) {
    const offset = fromLine - 1;
    let lastLine = offset;
    try {
      parse(lines.slice(offset).join('\n'), {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        raw: true,
        info: true,
        on_record: (({ record, raw, info }: RecordWithInfo) => {
          // info.lines is the record's last line: a quoted field may hold line breaks, and the raw text of a
          // record starts with the empty lines skipped before it.
          const breaks = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
          records.push({ line: offset + info.lines - breaks, cells: record.map((cell) => cell.trim()) });
          lastLine = offset + info.lines;
          return null;
        }) as unknown as (record: string[]) => null,
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        let opened = lastLine + 1;
        while (opened < lines.length && lines[opened - 1].trim() === '') opened += 1;
        problems.push({
          line: opened,
          message: 'a quoted field starts here and is never closed (a " is missing)',
        });
        break;
      }
      const reported = (error as CsvError & { lines?: number }).lines;
      const line = reported === undefined ? lastLine + 1 : offset + reported;
      problems.push({ line, message: CSV_ERRORS[error.code] ?? error.message });
      fromLine = Math.max(line, fromLine) + 1;
    }
  }
  return records;
}

/** Where the columns are, or the problems of the header. */
function readHeader(header: CsvRecord, problems: TimetableProblem[]): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  const before = problems.length;
  header.cells.forEach((name, index) => {
    const column = COLUMN_BY_HEADER.get(normalizeHeader(name));
    // Other columns (a name, a remark) are the provider's own and left alone.
    if (!column) return;
    if (columns.has(column))
      problems.push({ line: header.line, message: `the column ${column} appears twice` });
    columns.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !columns.has(column));
  const hasPlace = columns.has('place');
  const hasLatLon = columns.has('lat') || columns.has('lon');
  if (!hasPlace && !hasLatLon) missing.push('place');
  if (!hasPlace && hasLatLon)
    missing.push(...(['lat', 'lon'] as const).filter((column) => !columns.has(column)));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      message:
        `the header misses the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (it needs participant, ` +
        'weekday, from, to, place (or lat and lon), validFrom and validTo, in any order)',
    });
  }
  if (hasPlace && hasLatLon) {
    problems.push({
      line: header.line,
      message: 'give the place either as place or as lat and lon, not both',
    });
  }
  return problems.length === before ? columns : undefined;
}

const PLACE = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/;
const PLACE_MESSAGE = 'place: must be "lat,lon" in decimal degrees, e.g. "52.1158,6.5215"';

/** A coordinate in one column; a `;` file may write it with a decimal comma, as Dutch Excel does. */
const parseDegrees = (value: string, decimalComma: boolean): number | undefined => {
  const text = decimalComma ? value.trim().replace(',', '.') : value.trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
};

/**
 * Reads a timetable in CSV: a header row, then one lesson series per row. Every problem is reported with its
 * line; a file with problems yields no rows to store.
 */
export function parseCsvTimetable(input: string, participants: ParticipantDirectory): TimetableParse {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: TimetableProblem[] = [];
  const records = readRecords(text, problems);
  const [header, ...body] = records;
  if (!header) {
    return {
      rows: [],
      problems: [{ line: 1, message: 'the file is empty: it needs a header row and lessons' }],
      skipped: [],
    };
  }
  // A broken quote in the header row leaves the first record read to be a lesson: nothing more can be judged.
  const firstLine = text.split('\n').findIndex((line) => line.trim() !== '') + 1;
  if (header.line !== firstLine) return finishParse({ rows: [], problems, skipped: [] });
  const columns = readHeader(header, problems);
  if (!columns) return finishParse({ rows: [], problems, skipped: [] });
  const decimalComma = delimiterOf(text) === ';';

  const rows: TimetableRow[] = [];
  let lessons = 0;
  for (const record of body) {
    // Spreadsheets save rows they once touched as empty fields (`;;;;`).
    if (record.cells.every((cell) => cell === '')) continue;
    lessons += 1;
    const cell = (column: Column) => (columns.has(column) ? (record.cells[columns.get(column)!] ?? '') : '');
    const problem = (message: string) => problems.push({ line: record.line, message });
    const required = (column: Column) => {
      const value = cell(column);
      if (value === '') problem(`${column}: is required`);
      return value;
    };

    const participantId = readParticipant(required('participant'), participants, problem);

    const weekdayText = required('weekday');
    const weekday = weekdayText === '' ? undefined : parseWeekday(weekdayText);
    if (weekdayText !== '' && weekday === undefined) {
      problem('weekday: must be 1 (Monday) to 7 (Sunday) or a Dutch/English day name');
    }

    const time = (column: 'from' | 'to') => {
      const value = required(column);
      const parsed = value === '' ? undefined : parseTimeOfDay(value);
      if (value !== '' && !parsed) problem(`${column}: must be a time of day as HH:MM`);
      return parsed;
    };
    const from = time('from');
    const to = time('to');
    if (from && to && to <= from) problem(`to: must be after from (${from})`);

    let position: { lat: number; lon: number } | undefined;
    if (columns.has('place')) {
      const value = required('place');
      const match = PLACE.exec(value);
      if (value !== '' && !match) problem(PLACE_MESSAGE);
      if (match) position = { lat: Number(match[1]), lon: Number(match[2]) };
      if (position && !isLatitude(position.lat)) problem('place: the latitude must be from -90 to 90');
      if (position && !isLongitude(position.lon)) problem('place: the longitude must be from -180 to 180');
    } else {
      const degrees = (column: 'lat' | 'lon', limit: number) => {
        const value = required(column);
        const parsed = value === '' ? undefined : parseDegrees(value, decimalComma);
        if (value !== '' && (parsed === undefined || Math.abs(parsed) > limit)) {
          problem(`${column}: must be a number of degrees from -${limit} to ${limit}`);
          return undefined;
        }
        return parsed;
      };
      const lat = degrees('lat', 90);
      const lon = degrees('lon', 180);
      if (lat !== undefined && lon !== undefined) position = { lat, lon };
    }

    const date = (column: 'validFrom' | 'validTo') => {
      const value = required(column);
      if (value === '') return undefined;
      const parsed = parseCalendarDate(value);
      if ('date' in parsed) return parsed.date;
      problem(
        parsed.error === 'format'
          ? `${column}: must be a date as YYYY-MM-DD or DD-MM-YYYY`
          : `${column}: ${value} is not a date that exists`,
      );
      return undefined;
    };
    const validFrom = date('validFrom');
    const validTo = date('validTo');
    if (validFrom && validTo && validTo < validFrom)
      problem(`validTo: must be on or after validFrom (${validFrom})`);

    if (participantId && weekday && from && to && to > from && position && validFrom && validTo) {
      if (validTo >= validFrom && isLatitude(position.lat) && isLongitude(position.lon)) {
        rows.push({
          line: record.line,
          participantId,
          weekday,
          from,
          to,
          position,
          validFrom,
          validTo,
          exceptDates: [],
        });
      }
    }
  }
  if (lessons === 0 && problems.length === 0) {
    problems.push({ line: header.line, message: 'the file holds a header but no lessons' });
  }
  return finishParse({ rows: problems.length > 0 ? [] : rows, problems, skipped: [] });
}

/** Her ref first, then her e-mail address; the address itself is not repeated in a message. */
function readParticipant(
  value: string,
  participants: ParticipantDirectory,
  problem: (message: string) => void,
): string | undefined {
  if (value === '') return undefined;
  const byRef = participants.byRef(value);
  if (byRef) return byRef;
  if (value.includes('@')) {
    const byEmail = participants.byEmail(value);
    if (byEmail.length === 1) return byEmail[0];
    problem(
      byEmail.length === 0
        ? 'participant: no participant with this e-mail address in the region'
        : 'participant: more than one participant has this e-mail address; name her by her ref',
    );
    return undefined;
  }
  problem(`participant: no participant "${value}" in the region`);
  return undefined;
}
