/**
 * What the CSV and iCalendar readers of a taalaanbieder's timetable have in common. Pure: no framework, no
 * database; the participants a file may name come in as a ParticipantDirectory.
 */

/** A participant as a timetable may name her: by her scenario id (`ref`) or her e-mail address. */
export interface KnownParticipant {
  id: string;
  ref: string | null;
  email: string | null;
}

/** The participants of the provider's region within the caller's reach: nobody else can be named. */
export class ParticipantDirectory {
  private readonly refs = new Map<string, string>();
  private readonly emails = new Map<string, string[]>();

  constructor(participants: KnownParticipant[]) {
    for (const { id, ref, email } of participants) {
      if (ref) this.refs.set(ref, id);
      if (email) {
        const key = email.trim().toLowerCase();
        this.emails.set(key, [...(this.emails.get(key) ?? []), id]);
      }
    }
  }

  byRef(ref: string): string | undefined {
    return this.refs.get(ref);
  }

  /** Everybody with this address: a shared family address can belong to more than one participant. */
  byEmail(email: string): string[] {
    return this.emails.get(email.trim().toLowerCase()) ?? [];
  }
}

/** A lesson series read from a file, for the provider the file is imported for. */
export interface TimetableRow {
  /** Where it was read: the CSV record, or the iCalendar BEGIN:VEVENT. */
  line: number;
  participantId: string;
  weekday: number;
  from: string;
  to: string;
  position: { lat: number; lon: number };
  validFrom: string;
  validTo: string;
  exceptDates: string[];
}

/** Something that makes the file unusable: the whole file is refused. */
export interface TimetableProblem {
  line: number;
  message: string;
}

/** Something in the file that is not imported as a lesson, on purpose, while the rest is. */
export interface SkippedEntry {
  line: number;
  reason: string;
}

export interface TimetableParse {
  rows: TimetableRow[];
  problems: TimetableProblem[];
  skipped: SkippedEntry[];
}

export const describeProblem = (problem: TimetableProblem): string =>
  `line ${problem.line}: ${problem.message}`;

/** A stored date column may come back as a Date at local midnight (the driver's parse of `date[]`). */
export const asIsoDate = (value: string | Date): string =>
  typeof value === 'string'
    ? value
    : `${String(value.getFullYear()).padStart(4, '0')}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(
        value.getDate(),
      ).padStart(2, '0')}`;

export interface LessonValues {
  participantId?: string;
  providerId?: string;
  weekday?: number;
  from?: string;
  to?: string;
  position?: { lat?: number; lon?: number };
  validFrom?: string;
  validTo?: string;
  exceptDates?: (string | Date)[];
}

/** The identity of a lesson series among a participant's: every field, so that any change is a new series. */
export const lessonKey = (lesson: LessonValues): string =>
  JSON.stringify([
    lesson.participantId,
    lesson.providerId ?? null,
    lesson.weekday,
    lesson.from,
    lesson.to,
    lesson.position?.lat,
    lesson.position?.lon,
    lesson.validFrom,
    lesson.validTo,
    [...new Set((lesson.exceptDates ?? []).map(asIsoDate))].sort(),
  ]);

/**
 * What making `existing` exactly `desired` takes, matching equal series one to one (as syncOwnedRows does):
 * which desired series are added, and which existing ones go.
 */
export function planLessonChanges<T extends LessonValues, D extends LessonValues>(
  existing: T[],
  desired: D[],
): { added: D[]; deleted: T[]; unchanged: number } {
  const unmatched = new Map<string, T[]>();
  for (const lesson of existing) {
    const key = lessonKey(lesson);
    unmatched.set(key, [...(unmatched.get(key) ?? []), lesson]);
  }
  const added = desired.filter((lesson) => {
    const same = unmatched.get(lessonKey(lesson));
    return !(same && same.length > 0 && same.pop());
  });
  return { added, deleted: [...unmatched.values()].flat(), unchanged: desired.length - added.length };
}

/**
 * The last steps of both readers: the same series twice is imported once (and the second reported), and
 * everything comes in the order of the file.
 */
export function finishParse(parse: TimetableParse): TimetableParse {
  const seen = new Map<string, number>();
  const rows: TimetableRow[] = [];
  const skipped = [...parse.skipped];
  for (const row of [...parse.rows].sort((a, b) => a.line - b.line)) {
    const key = lessonKey(row);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.line);
      rows.push(row);
    } else if (first !== row.line) {
      skipped.push({ line: row.line, reason: `the same lesson as line ${first}` });
    }
  }
  const byLine = <T extends { line: number }>(items: T[]) =>
    items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => a.item.line - b.item.line || a.index - b.index);
  return {
    rows,
    problems: byLine(parse.problems).map(({ item }) => item),
    skipped: byLine(skipped).map(({ item }) => item),
  };
}

/** The weekday names a timetable may use, Dutch and English, full and short, to ISO weekday numbers. */
const WEEKDAY_NAMES: Record<string, number> = {
  ma: 1,
  maandag: 1,
  di: 2,
  dinsdag: 2,
  wo: 3,
  woensdag: 3,
  do: 4,
  donderdag: 4,
  vr: 5,
  vrijdag: 5,
  za: 6,
  zaterdag: 6,
  zo: 7,
  zondag: 7,
  mo: 1,
  mon: 1,
  monday: 1,
  tu: 2,
  tue: 2,
  tues: 2,
  tuesday: 2,
  we: 3,
  wed: 3,
  wednesday: 3,
  th: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fr: 5,
  fri: 5,
  friday: 5,
  sa: 6,
  sat: 6,
  saturday: 6,
  su: 7,
  sun: 7,
  sunday: 7,
};

/** `3`, `wo`, `Wo.`, `woensdag`, `Wednesday` … → 3; undefined when it is none of these. */
export function parseWeekday(value: string): number | undefined {
  const text = value.trim().toLowerCase().replace(/\.$/, '');
  if (/^[1-7]$/.test(text)) return Number(text);
  return WEEKDAY_NAMES[text];
}

/** `9:00`, `09:00` or the Dutch `9.00` → `09:00`; undefined when it is no time of day. */
export function parseTimeOfDay(value: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

const existingDate = (year: number, month: number, day: number): string | undefined => {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
};

/**
 * `2027-01-04`, or the Dutch `04-01-2027` / `4-1-2027` → `2027-01-04`. `format` when it is neither; `missing` when
 * it has the form of a date that does not exist (31 February).
 */
export function parseCalendarDate(value: string): { date: string } | { error: 'format' | 'missing' } {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  const parts = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dutch
      ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
      : undefined;
  if (!parts) return { error: 'format' };
  const date = existingDate(parts[0], parts[1], parts[2]);
  return date ? { date } : { error: 'missing' };
}

export const isLatitude = (value: number) => Number.isFinite(value) && value >= -90 && value <= 90;
export const isLongitude = (value: number) => Number.isFinite(value) && value >= -180 && value <= 180;
