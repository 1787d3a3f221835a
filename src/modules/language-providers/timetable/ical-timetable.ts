import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import {
  finishParse,
  isLatitude,
  isLongitude,
  ParticipantDirectory,
  SkippedEntry,
  TimetableParse,
  TimetableProblem,
  TimetableRow,
} from './timetable';

/** One property of a component, as written on its (unfolded) line. */
interface Prop {
  line: number;
  name: string;
  property: ICAL.Property;
  /** The value as written, after the first `:` outside quotes. */
  raw: string;
}

/** A BEGIN … END component with the line of its BEGIN. */
interface Block {
  name: string;
  line: number;
  props: Prop[];
  children: Block[];
  /** A line of it could not be read: what it says is not judged further. */
  broken: boolean;
}

export interface IcalTimetableOptions {
  participants: ParticipantDirectory;
  /** The region's time zone: lesson times are its wall-clock times. */
  timezone: string;
}

/** A long COUNT is a mistake, and walking it would take long. */
const MAX_COUNT = 1000;

const BYDAY_WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Content lines with the line each starts on: a line that starts with a space or tab continues the one before. */
function unfold(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((physical, index) => {
    const previous = lines[lines.length - 1];
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && previous)
      previous.text += physical.slice(1);
    else if (physical.trim() !== '') lines.push({ line: index + 1, text: physical });
  });
  return lines;
}

/** The value of a content line: after the first `:` that is not inside a quoted parameter value. */
function rawValue(text: string): string {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '"') quoted = !quoted;
    else if (text[index] === ':' && !quoted) return text.slice(index + 1);
  }
  return '';
}

/** The syntax pass: components and their properties, and every line that is not well-formed. */
function readBlocks(text: string, problems: TimetableProblem[]): Block[] {
  const roots: Block[] = [];
  const open: Block[] = [];
  // Where in `open` each name was opened, innermost last: an END finds its BEGIN without searching the stack,
  // so that a file of deeply nested blocks takes linear time, not quadratic.
  const openAt = new Map<string, number[]>();
  for (const { line, text: content } of unfold(text)) {
    const boundary = /^(BEGIN|END):(.*)$/i.exec(content);
    if (boundary) {
      const name = boundary[2].trim().toUpperCase();
      if (boundary[1].toUpperCase() === 'BEGIN') {
        const block: Block = { name, line, props: [], children: [], broken: false };
        (open.length > 0 ? open[open.length - 1].children : roots).push(block);
        const opened = openAt.get(name) ?? [];
        opened.push(open.length);
        openAt.set(name, opened);
        open.push(block);
        continue;
      }
      const index = openAt.get(name)?.at(-1);
      if (index === undefined) {
        problems.push({ line, message: `END:${name} without a BEGIN:${name} before it` });
        continue;
      }
      // Each block leaves the stack once, so closing costs no more than opening did.
      const closed = open.splice(index);
      for (const block of closed) openAt.get(block.name)!.pop();
      for (const unclosed of closed.slice(1)) {
        unclosed.broken = true;
        problems.push({
          line: unclosed.line,
          message: `BEGIN:${unclosed.name} is not closed before the END:${name} of line ${line}`,
        });
      }
      continue;
    }
    if (open.length === 0) {
      problems.push({ line, message: 'a line outside BEGIN:VCALENDAR … END:VCALENDAR' });
      continue;
    }
    const name = (/^[A-Za-z0-9-]+/.exec(content)?.[0] ?? '').toUpperCase();
    try {
      const property = new ICAL.Property(ICAL.parse.property(content));
      // Values are decoded when first asked for: ask now, so that a bad one is a problem of this line.
      property.getValues();
      open[open.length - 1].props.push({
        line,
        name: property.name.toUpperCase(),
        property,
        raw: rawValue(content),
      });
    } catch (error) {
      open[open.length - 1].broken = true;
      const message = error instanceof Error ? error.message : String(error);
      problems.push({
        line,
        message:
          name === '' || message.startsWith('invalid line')
            ? 'not an iCalendar line: it must be NAME:value or NAME;PARAMETER=…:value'
            : `${name}: ${message}`,
      });
    }
  }
  for (const unclosed of open) {
    unclosed.broken = true;
    problems.push({
      line: unclosed.line,
      message: `BEGIN:${unclosed.name} is never closed (END:${unclosed.name} is missing)`,
    });
  }
  if (roots.length === 0 && problems.length === 0) {
    problems.push({ line: 1, message: 'not an iCalendar file: it must start with BEGIN:VCALENDAR' });
  }
  for (const root of roots.filter((block) => block.name !== 'VCALENDAR')) {
    problems.push({ line: root.line, message: `BEGIN:${root.name} outside a VCALENDAR` });
  }
  return roots.filter((block) => block.name === 'VCALENDAR');
}

const toJcal = (block: Block): unknown[] => [
  block.name.toLowerCase(),
  block.props.map((prop) => prop.property.toJSON() as unknown),
  block.children.map(toJcal),
];

/** The time zones a calendar defines itself (needed for names such as Outlook's "W. Europe Standard Time"). */
function readTimezones(calendar: Block, problems: TimetableProblem[]): Map<string, ICAL.Timezone> {
  const zones = new Map<string, ICAL.Timezone>();
  for (const block of calendar.children.filter((child) => child.name === 'VTIMEZONE')) {
    try {
      const zone = new ICAL.Timezone(new ICAL.Component(toJcal(block)));
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch (error) {
      problems.push({
        line: block.line,
        message: `VTIMEZONE: cannot be read (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  return zones;
}

/** Checks that every date or date-time of a property is written as RFC 5545 says and exists. */
function checkDates(prop: Prop): string | undefined {
  for (const value of prop.raw.split(',')) {
    const dateTime = DATE_TIME.exec(value.trim());
    const date = DATE.exec(value.trim());
    const parts = dateTime ?? date;
    if (!parts)
      return `${prop.name}: must be a date-time as 20270104T090000 (or 20270104T080000Z), or a date as 20270104`;
    const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
    const valid = DateTime.fromObject(
      dateTime ? { year, month, day, hour, minute, second } : { year, month, day },
      { zone: 'UTC' },
    ).isValid;
    if (!valid) return `${prop.name}: ${value.trim()} is not a date and time that exists`;
  }
  return undefined;
}

interface Zones {
  region: string;
  defined: Map<string, ICAL.Timezone>;
}

/**
 * The wall-clock time in the region of a date-time written in UTC (`Z`), in a time zone (TZID: one the file
 * defines, or an IANA name such as Europe/Amsterdam), or floating (taken as the region's own wall clock).
 * Converted at that very date, so summer time is right on either side of the change.
 */
function toRegionTime(time: ICAL.Time, tzid: string | undefined, zones: Zones): DateTime | string {
  const fields = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  let instant: DateTime;
  if (time.zone?.tzid === 'UTC') {
    instant = DateTime.fromObject(fields, { zone: 'UTC' });
  } else if (tzid) {
    const defined = zones.defined.get(tzid);
    if (defined) {
      instant = DateTime.fromObject(fields, { zone: 'UTC' }).minus({ seconds: defined.utcOffset(time) });
    } else if (IANAZone.isValidZone(tzid)) {
      instant = DateTime.fromObject(fields, { zone: tzid });
    } else {
      return `unknown time zone "${tzid}" (the file has no VTIMEZONE for it)`;
    }
  } else {
    instant = DateTime.fromObject(fields, { zone: zones.region });
  }
  if (!instant.isValid) return 'not a date and time that exists';
  return instant.setZone(zones.region);
}

const tzidOf = (prop: Prop): string | undefined => {
  const tzid = prop.property.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : undefined;
};

/** The local calendar date of a DATE value (as written) or a DATE-TIME value (converted). */
function localDate(prop: Prop, time: ICAL.Time, zones: Zones): string | undefined {
  if (time.isDate) {
    return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  }
  const local = toRegionTime(time, tzidOf(prop), zones);
  return typeof local === 'string' ? undefined : local.toISODate()!;
}

const isoWeekday = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).weekday;

/** Who an event is for: ATTENDEEs by e-mail address, and `[ref]` in SUMMARY or DESCRIPTION. */
function participantsOf(
  props: Prop[],
  directory: ParticipantDirectory,
): { ids: string[]; unknownRefs: string[]; sharedAddress: boolean } {
  const ids = new Set<string>();
  const unknownRefs: string[] = [];
  let sharedAddress = false;
  for (const prop of props.filter((candidate) => candidate.name === 'ATTENDEE')) {
    const address = /^mailto:(.+)$/i.exec(String(prop.property.getFirstValue()).trim())?.[1];
    if (!address) continue;
    const found = directory.byEmail(address);
    if (found.length === 1) ids.add(found[0]);
    if (found.length > 1) sharedAddress = true;
  }
  for (const prop of props.filter((candidate) => ['SUMMARY', 'DESCRIPTION'].includes(candidate.name))) {
    for (const match of String(prop.property.getFirstValue()).matchAll(/\[([^[\]\s]+)\]/g)) {
      const id = directory.byRef(match[1]);
      if (id) ids.add(id);
      else unknownRefs.push(match[0]);
    }
  }
  return { ids: [...ids], unknownRefs, sharedAddress };
}

/** A changed or cancelled single lesson of a series (RECURRENCE-ID), applied to its series afterwards. */
interface Override {
  uid: string | undefined;
  line: number;
  /** The local date of the lesson it replaces. */
  date: string | undefined;
  cancelled: boolean;
}

interface EventOutcome {
  rows: TimetableRow[];
  override?: Override;
}

/** Reads one VEVENT: lessons, or why it is skipped, or its problems. */
function readEvent(
  event: Block,
  options: IcalTimetableOptions,
  zones: Zones,
  problems: TimetableProblem[],
  skipped: SkippedEntry[],
): EventOutcome {
  const all = (name: string) => event.props.filter((prop) => prop.name === name);
  const one = (name: string): Prop | undefined => all(name)[0];
  const problem = (line: number, message: string) => problems.push({ line, message });
  const skip = (reason: string): EventOutcome => {
    skipped.push({ line: event.line, reason });
    return { rows: [] };
  };
  const before = problems.length;
  for (const prop of event.props.filter((candidate) =>
    ['DTSTART', 'DTEND', 'EXDATE', 'RECURRENCE-ID'].includes(candidate.name),
  )) {
    const wrong = checkDates(prop);
    if (wrong) problem(prop.line, wrong);
  }
  if (problems.length > before) return { rows: [] };

  const uid = one('UID') ? String(one('UID')!.property.getFirstValue()) : undefined;
  const cancelled = String(one('STATUS')?.property.getFirstValue() ?? '').toUpperCase() === 'CANCELLED';
  const recurrenceId = one('RECURRENCE-ID');
  if (recurrenceId) {
    const date = localDate(recurrenceId, recurrenceId.property.getFirstValue() as ICAL.Time, zones);
    return { rows: [], override: { uid, line: event.line, date, cancelled } };
  }
  if (cancelled) return skip('a cancelled event (STATUS:CANCELLED)');

  const start = one('DTSTART');
  if (!start) {
    problem(event.line, 'the event has no DTSTART');
    return { rows: [] };
  }
  const dtstart = start.property.getFirstValue() as ICAL.Time;
  if (dtstart.isDate) return skip('an all-day event, not a lesson at set times');

  const rules = all('RRULE');
  if (rules.length === 0) return skip('a single event, not a weekly series (it has no RRULE)');
  if (rules.length > 1) return skip('more than one RRULE: not a plain weekly series');
  const rule = rules[0];
  const recur = rule.property.getFirstValue() as ICAL.Recur;
  if (!recur.freq) {
    problem(rule.line, 'RRULE: FREQ is missing');
    return { rows: [] };
  }
  if (recur.freq !== 'WEEKLY') return skip(`repeats ${recur.freq.toLowerCase()}, not weekly`);
  if ((recur.interval ?? 1) > 1)
    return skip(`repeats every ${recur.interval} weeks; a lesson series is weekly`);
  const otherParts = Object.keys(recur.parts).filter((part) => part !== 'BYDAY');
  if (otherParts.length > 0)
    return skip(`a weekly RRULE with ${otherParts.join(', ')} is not a plain weekly series`);
  const byday = recur.parts.BYDAY ?? [];
  if (byday.some((day) => !(day.toUpperCase() in BYDAY_WEEKDAYS))) {
    return skip(`BYDAY=${byday.join(',')} is not a list of plain weekdays`);
  }
  if (!recur.until && !recur.count) {
    return skip('repeats without end (no UNTIL or COUNT), and a lesson series needs its last date');
  }
  if (all('RDATE').length > 0) return skip('extra dates (RDATE) do not fit a weekly series');

  const matched = participantsOf(event.props, options.participants);
  if (matched.ids.length === 0) {
    const hints = [
      ...(matched.unknownRefs.length > 0
        ? [`${matched.unknownRefs.join(', ')} is no participant of the region`]
        : []),
      ...(matched.sharedAddress
        ? ['an ATTENDEE address belongs to more than one participant: name her as [ref]']
        : []),
    ];
    return skip(
      'matched to no participant: no ATTENDEE has the e-mail address of a participant of the region, and ' +
        `SUMMARY and DESCRIPTION name no participant as [ref]${hints.length > 0 ? ` (${hints.join('; ')})` : ''}`,
    );
  }

  // Only a weekly series for known participants gets here: what is wrong with it now makes the file wrong.
  const startTzid = tzidOf(start);
  const local = toRegionTime(dtstart, startTzid, zones);
  if (typeof local === 'string') {
    problem(start.line, `DTSTART: ${local}`);
    return { rows: [] };
  }

  let end: DateTime | undefined;
  const dtendProp = one('DTEND');
  const durationProp = one('DURATION');
  if (dtendProp) {
    const dtend = dtendProp.property.getFirstValue() as ICAL.Time;
    const converted = dtend.isDate
      ? 'must be a date-time, as DTSTART is'
      : toRegionTime(dtend, tzidOf(dtendProp), zones);
    if (typeof converted === 'string') problem(dtendProp.line, `DTEND: ${converted}`);
    else end = converted;
  } else if (durationProp) {
    end = local.plus({ seconds: (durationProp.property.getFirstValue() as ICAL.Duration).toSeconds() });
  } else {
    problem(event.line, 'the event has no DTEND or DURATION, so the lesson has no end');
  }
  const from = local.toFormat('HH:mm');
  const to = end?.toFormat('HH:mm');
  const endLine = dtendProp?.line ?? durationProp?.line ?? event.line;
  if (end && end.toISODate() !== local.toISODate())
    problem(endLine, 'the lesson must end on the day it starts');
  else if (end && to! <= from) problem(endLine, `the lesson must end after it starts (${from})`);

  const geo = one('GEO');
  const place = geo ? /^\s*(-?\d+(?:\.\d+)?)\s*;\s*(-?\d+(?:\.\d+)?)\s*$/.exec(geo.raw) : null;
  const position = place ? { lat: Number(place[1]), lon: Number(place[2]) } : undefined;
  if (!geo)
    problem(
      event.line,
      'GEO is missing: give the place of the lesson as GEO:lat;lon, e.g. GEO:52.1158;6.5215',
    );
  else if (!position || !isLatitude(position.lat) || !isLongitude(position.lon)) {
    problem(geo.line, 'GEO: must be lat;lon in decimal degrees, e.g. GEO:52.1158;6.5215');
  }

  const validFrom = local.toISODate()!;
  let validTo: string | undefined;
  if (recur.until) {
    const until = recur.until;
    // UNTIL without Z is in DTSTART's time zone.
    const untilLocal = until.isDate
      ? undefined
      : toRegionTime(until, until.zone?.tzid === 'UTC' ? undefined : startTzid, zones);
    if (typeof untilLocal === 'string') problem(rule.line, `RRULE: UNTIL: ${untilLocal}`);
    else if (untilLocal) {
      // The last lesson is the one that starts by UNTIL: on UNTIL's own day only when it starts by then.
      validTo = (
        untilLocal.toFormat('HH:mm') < from ? untilLocal.minus({ days: 1 }) : untilLocal
      ).toISODate()!;
    } else {
      validTo = localDate(rule, until, zones);
    }
  } else if (recur.count! > MAX_COUNT) {
    problem(rule.line, `RRULE: COUNT must be at most ${MAX_COUNT}`);
  } else {
    const iterator = recur.iterator(dtstart);
    let last: ICAL.Time | undefined;
    for (let index = 0; index < recur.count!; index += 1) last = iterator.next() ?? last;
    const converted = last
      ? toRegionTime(last, last.zone?.tzid === 'UTC' ? undefined : startTzid, zones)
      : undefined;
    if (typeof converted === 'string') problem(rule.line, `RRULE: ${converted}`);
    else validTo = converted?.toISODate() ?? validFrom;
  }
  if (validTo && validTo < validFrom)
    problem(rule.line, `RRULE: the series ends (${validTo}) before it starts (${validFrom})`);

  const exceptDates: string[] = [];
  for (const exdate of all('EXDATE')) {
    for (const time of exdate.property.getValues() as ICAL.Time[]) {
      const date = localDate(exdate, time, zones);
      if (date) exceptDates.push(date);
      else problem(exdate.line, `EXDATE: ${String(toRegionTime(time, tzidOf(exdate), zones))}`);
    }
  }
  if (problems.length > before || !end || !position || !validTo) return { rows: [] };

  // BYDAY counts in DTSTART's own time zone: a lesson at 00:30 Amsterdam time written in UTC is the day before.
  const writtenDate = DateTime.fromObject(
    { year: dtstart.year, month: dtstart.month, day: dtstart.day },
    { zone: 'UTC' },
  );
  const shift = Math.round(DateTime.fromISO(validFrom, { zone: 'UTC' }).diff(writtenDate, 'days').days);
  const weekdays = byday.length > 0 ? byday.map((day) => BYDAY_WEEKDAYS[day.toUpperCase()]) : [local.weekday];
  const rows: TimetableRow[] = [];
  for (const participantId of matched.ids) {
    for (const written of new Set(weekdays)) {
      const weekday = ((((written - 1 + shift) % 7) + 7) % 7) + 1;
      rows.push({
        line: event.line,
        participantId,
        weekday,
        from,
        to: to!,
        position,
        validFrom,
        validTo,
        exceptDates: [...new Set(exceptDates)]
          .filter((date) => date >= validFrom && date <= validTo! && isoWeekday(date) === weekday)
          .sort(),
      });
    }
  }
  return { rows };
}

/**
 * Reads a timetable in iCalendar (RFC 5545): each weekly VEVENT becomes a lesson series per BYDAY day for each
 * participant it names. Events that are all-day, not weekly or for nobody known are skipped and reported, not
 * guessed at; broken lines and unusable weekly events are problems, with their line.
 */
export function parseIcalTimetable(input: string, options: IcalTimetableOptions): TimetableParse {
  const problems: TimetableProblem[] = [];
  const skipped: SkippedEntry[] = [];
  const calendars = readBlocks(input.replace(/^\uFEFF/, ''), problems);

  const rows: TimetableRow[] = [];
  const series = new Map<string, { line: number; rows: TimetableRow[] }>();
  const overrides: Override[] = [];
  let events = 0;
  for (const calendar of calendars) {
    const zones: Zones = { region: options.timezone, defined: readTimezones(calendar, problems) };
    for (const event of calendar.children.filter((child) => child.name === 'VEVENT')) {
      events += 1;
      if (event.broken) continue;
      const outcome = readEvent(event, options, zones, problems, skipped);
      if (outcome.override) overrides.push(outcome.override);
      rows.push(...outcome.rows);
      const uid = event.props.find((prop) => prop.name === 'UID');
      if (uid && outcome.rows.length > 0) {
        series.set(String(uid.property.getFirstValue()), { line: event.line, rows: outcome.rows });
      }
    }
  }
  for (const override of overrides) {
    const master = override.uid === undefined ? undefined : series.get(override.uid);
    if (!master) {
      skipped.push({
        line: override.line,
        reason: 'a change to one lesson (RECURRENCE-ID) of a series that is not imported from this file',
      });
      continue;
    }
    for (const row of master.rows) {
      const date = override.date;
      if (date && date >= row.validFrom && date <= row.validTo && isoWeekday(date) === row.weekday) {
        row.exceptDates = [...new Set([...row.exceptDates, date])].sort();
      }
    }
    if (!override.cancelled) {
      skipped.push({
        line: override.line,
        reason:
          `a change to one lesson (RECURRENCE-ID) of the series of line ${master.line}: the series leaves out ` +
          `${override.date ?? 'that date'}, and the changed lesson itself is not imported`,
      });
    }
  }
  if (events === 0 && problems.length === 0) {
    problems.push({ line: calendars[0]?.line ?? 1, message: 'the calendar holds no events (VEVENT)' });
  }
  return finishParse({ rows: problems.length > 0 ? [] : rows, problems, skipped });
}
