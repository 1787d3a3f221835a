import { lessonMeets } from '../scheduling/attendance';
import { addDays, toMinutes, weekdayOf } from '../time/calendar';
import { localMinuteToInstant, localToInstant } from '../time/wall-clock';
import { Position } from '../travel/offline-travel';
import {
  Busy,
  PlacedTalk,
  TalkParticipant,
  TalkPlanningInput,
  TalkPlan,
  TalkRequest,
  TalkStaff,
} from './model';
import { hasLocation } from './talk-place';

const MINUTE = 60_000;
const samePlace = (a: Position, b: Position) => a.lat === b.lat && a.lon === b.lon;

/** A time a talk could take, with what makes it better or worse than another. */
interface Candidate {
  date: string;
  start: Date;
  end: Date;
  position?: Position;
  locationId?: string;
  sessionId?: string;
  /** Lower is better: right beside a session (for `location`), the series' own weekday and time, earlier. */
  rank: [number, number, string, number];
}

/**
 * Why `busy` keeps someone from being at a talk from `start` to `end` at `position`: it overlaps, or it leaves
 * less than the travel time plus the buffer between two different places. Nobody travels to or from an online
 * talk, nor between two things at one place.
 */
function clashes(
  busy: Busy,
  talk: { start: Date; end: Date; position?: Position },
  input: TalkPlanningInput,
): boolean {
  if (busy.start < talk.end && talk.start < busy.end) return true;
  if (!busy.position || !talk.position || samePlace(busy.position, talk.position)) return false;
  const buffer = input.policy.travelBufferMinutes;
  if (busy.end <= talk.start) {
    const gap = (talk.start.getTime() - busy.end.getTime()) / MINUTE;
    return gap < input.travelMinutes(busy.position, talk.position) + buffer;
  }
  const gap = (busy.start.getTime() - talk.end.getTime()) / MINUTE;
  return gap < input.travelMinutes(talk.position, busy.position) + buffer;
}

/** What keeps her busy on a date: her lessons there (with their place), appointments, sessions and talks. */
function herDay(
  her: TalkParticipant,
  date: string,
  talks: PlacedTalk[],
  input: TalkPlanningInput,
  positionOf: Map<string, Position>,
): Busy[] {
  const weekday = weekdayOf(date);
  const { zone } = input;
  return [
    ...her.lessons
      .filter((lesson) => lessonMeets(lesson, date, weekday))
      .map((lesson) => ({
        start: localToInstant(date, lesson.from, zone),
        end: localToInstant(date, lesson.to, zone),
        position: lesson.position,
        what: 'her lessons',
      })),
    ...her.appointments
      .filter((appointment) => appointment.date === date)
      .map((appointment) => ({
        start: localToInstant(date, appointment.from, zone),
        end: localToInstant(date, appointment.to, zone),
        what: 'her appointments',
      })),
    ...her.sessions.map((session) => ({
      start: session.start,
      end: session.end,
      position: positionOf.get(session.locationId),
      what: 'her sessions',
    })),
    ...talks
      .filter((talk) => talk.participantId === her.id)
      .map((talk) => ({
        start: talk.start,
        end: talk.end,
        position: talk.position,
        what: 'her other talks',
      })),
  ];
}

/** Whether the weekly availability of a staff member holds the whole talk. */
function available(staff: TalkStaff, date: string, start: Date, end: Date, zone: string): boolean {
  const weekday = weekdayOf(date);
  return staff.availability.some(
    (window) =>
      window.weekday === weekday &&
      localToInstant(date, window.from, zone) <= start &&
      end <= localToInstant(date, window.to, zone),
  );
}

/** The first reason this time does not work for everyone who must be there, or undefined when it does. */
function blocker(
  candidate: Candidate,
  her: Busy[],
  staff: TalkStaff[],
  talks: PlacedTalk[],
  input: TalkPlanningInput,
): string | undefined {
  const hers = her.find((busy) => clashes(busy, candidate, input));
  if (hers) return hers.what;
  for (const person of staff) {
    if (!available(person, candidate.date, candidate.start, candidate.end, input.zone)) {
      return `${person.name} is not available`;
    }
    const busy = [
      ...person.busy,
      ...talks
        .filter((talk) => talk.staffIds.includes(person.id))
        .map((talk) => ({ start: talk.start, end: talk.end, position: talk.position, what: '' })),
    ].find((item) => clashes(item, candidate, input));
    if (busy) return busy.what || `${person.name}'s other talks`;
  }
  return undefined;
}

/** Every time of a request's dates the talk could take, best first. */
function candidates(
  request: TalkRequest,
  her: TalkParticipant,
  preferred: { weekday: number; minute: number } | undefined,
  input: TalkPlanningInput,
  positionOf: Map<string, Position>,
): Candidate[] {
  const { zone, policy } = input;
  const { place } = request;
  const position =
    place.kind === 'home'
      ? her.home
      : place.kind === 'online'
        ? undefined
        : positionOf.get(place.locationId ?? '');
  const length = request.durationMinutes * MINUTE;
  const found: Candidate[] = [];
  const preference = (date: string, minute: number) =>
    preferred && preferred.weekday === weekdayOf(date) && preferred.minute === minute ? 0 : 1;
  for (let date = request.from; date <= request.to; date = addDays(date, 1)) {
    if (weekdayOf(date) > 5 || input.isClosed(date)) continue;
    if (place.kind === 'location') {
      // She is there already: right before or right after one of her sessions at that location.
      for (const session of her.sessions) {
        if (session.locationId !== place.locationId) continue;
        const sides: ['before' | 'after', Date][] = [
          ['before', new Date(session.start.getTime() - length)],
          ['after', session.end],
        ];
        for (const [side, start] of sides) {
          if (place.side && place.side !== side) continue;
          if (localMinuteToInstant(date, 0, zone) > start || start >= localMinuteToInstant(date, 1440, zone))
            continue;
          const minute = Math.round(
            (start.getTime() - localMinuteToInstant(date, 0, zone).getTime()) / MINUTE,
          );
          found.push({
            date,
            start,
            end: new Date(start.getTime() + length),
            position,
            locationId: place.locationId,
            sessionId: session.id,
            rank: [0, preference(date, minute), date, minute],
          });
        }
      }
    }
    const last = toMinutes(policy.latestEnd) - request.durationMinutes;
    for (let minute = toMinutes(policy.earliestStart); minute <= last; minute += policy.slotStepMinutes) {
      const start = localMinuteToInstant(date, minute, zone);
      found.push({
        date,
        start,
        end: localMinuteToInstant(date, minute + request.durationMinutes, zone),
        position,
        locationId: hasLocation(place.kind) ? place.locationId : undefined,
        rank: [place.kind === 'location' ? 1 : 0, preference(date, minute), date, minute],
      });
    }
  }
  return found.sort(
    (a, b) =>
      a.rank[0] - b.rank[0] ||
      a.rank[1] - b.rank[1] ||
      a.rank[2].localeCompare(b.rank[2]) ||
      a.rank[3] - b.rank[3],
  );
}

/** `her lessons (12), Hanan is not available (8)`: what was in the way, most often first. */
function reasonOf(request: TalkRequest, counts: Map<string, number>): string {
  const range = request.from === request.to ? request.from : `${request.from}–${request.to}`;
  if (counts.size === 0) return `no working day in ${range}`;
  const causes = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([what, times]) => `${what} (${times})`);
  return `no time free for everyone in ${range}: ${causes.join(', ')}`;
}

/**
 * Chooses the time of each talk: on a working day of its dates, free of her lessons (with travel between the
 * lesson's place and the talk's), her appointments, her sessions and her other talks, and within the availability
 * of everyone who must be there and free of their sessions and talks (with their travel between places). At the
 * location, right before or after one of her sessions comes first. A series keeps the weekday and time of its
 * first talk where it can; otherwise the earliest time. Requests are placed in the order given, each around the
 * ones before; the same input gives the same plan. A talk with no such time is listed with what was in the way.
 */
export function placeTalks(input: TalkPlanningInput): TalkPlan {
  const participants = new Map(input.participants.map((her) => [her.id, her]));
  const staff = new Map(input.staff.map((person) => [person.id, person]));
  const positionOf = new Map(input.locations.map((location) => [location.id, location.position]));
  const talks: PlacedTalk[] = [...input.standing];
  const preferred = new Map<string, { weekday: number; minute: number }>();
  const plan: TalkPlan = { placed: [], unplaced: [] };
  for (const request of input.requests) {
    const her = participants.get(request.participantId);
    const people = request.staffIds.map((id) => staff.get(id));
    if (!her || people.some((person) => !person)) {
      plan.unplaced.push({ key: request.key, reason: 'a participant or staff member is unknown' });
      continue;
    }
    const counts = new Map<string, number>();
    const days = new Map<string, Busy[]>();
    let chosen: Candidate | undefined;
    for (const candidate of candidates(
      request,
      her,
      request.usual ?? preferred.get(request.seriesKey),
      input,
      positionOf,
    )) {
      if (!days.has(candidate.date))
        days.set(candidate.date, herDay(her, candidate.date, talks, input, positionOf));
      const why = blocker(candidate, days.get(candidate.date)!, people as TalkStaff[], talks, input);
      if (!why) {
        chosen = candidate;
        break;
      }
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
    if (!chosen) {
      plan.unplaced.push({ key: request.key, reason: reasonOf(request, counts) });
      continue;
    }
    const talk: PlacedTalk = {
      key: request.key,
      participantId: her.id,
      staffIds: request.staffIds,
      date: chosen.date,
      start: chosen.start,
      end: chosen.end,
      position: chosen.position,
      locationId: chosen.locationId,
      sessionId: chosen.sessionId,
    };
    talks.push(talk);
    plan.placed.push(talk);
    if (!preferred.has(request.seriesKey)) {
      preferred.set(request.seriesKey, { weekday: weekdayOf(chosen.date), minute: chosen.rank[3] });
    }
  }
  return plan;
}

/**
 * The standing talks that no longer fit: a session, a lesson or another talk now lies in their way, or (beside a
 * session) the session they sat with moved. Each is judged against everything else as it stands.
 */
export function clashingTalks(input: TalkPlanningInput): string[] {
  const participants = new Map(input.participants.map((her) => [her.id, her]));
  const staff = new Map(input.staff.map((person) => [person.id, person]));
  const positionOf = new Map(input.locations.map((location) => [location.id, location.position]));
  return input.standing
    .filter((talk) => {
      const her = participants.get(talk.participantId);
      if (!her) return false;
      const others = input.standing.filter((other) => other.key !== talk.key);
      if (talk.sessionId) {
        const session = her.sessions.find((s) => s.id === talk.sessionId);
        if (
          !session ||
          (session.end.getTime() !== talk.start.getTime() && session.start.getTime() !== talk.end.getTime())
        )
          return true;
      }
      const candidate: Candidate = { ...talk, rank: [0, 0, talk.date, 0] };
      const people = talk.staffIds.map((id) => staff.get(id)).filter((p): p is TalkStaff => !!p);
      const day = herDay(her, talk.date, others, input, positionOf);
      return blocker(candidate, day, people, others, input) !== undefined;
    })
    .map((talk) => talk.key);
}
