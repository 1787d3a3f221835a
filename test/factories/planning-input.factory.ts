/**
 * Synthetic inputs of the pure planner (`PlanningInput`, no database) for a region of any size, the same for the
 * same seed: for the scheduling benchmark. Shaped like a Dutch region of about 30 km around its centre: a few
 * taalaanbieders whose classes meet 1–3 times a week, women who switch class during the programme, trainers
 * shared between neighbouring groups, interpreters for six languages, the policy of the example scenarios.
 */
import {
  GroupInput,
  LessonInput,
  MemberInput,
  PlanningInput,
  WeeklyWindow,
} from '../../src/planning/scheduling/model';
import { addDays, inRange, toMinutes, toTimeOfDay } from '../../src/planning/time/calendar';
import { isDutchPublicHoliday } from '../../src/planning/time/holidays';
import { offlineTravel, Position } from '../../src/planning/travel/offline-travel';
import { seededRandom as random } from './random';

const LANGUAGES = ['ar', 'ti', 'prs', 'so', 'tr', 'uk'];
const LANGUAGE_WEIGHTS = [30, 20, 15, 10, 10, 15];
const WEEKDAYS = [1, 2, 3, 4, 5];
const PROGRAMME_START = '2027-01-11';
const LESSONS_FROM = '2026-09-01';
const LESSONS_TO = '2027-07-16';
/** Illustrative, as in the example scenarios: voorjaarsvakantie and meivakantie; public holidays come on top. */
const CLOSED = [
  { from: '2027-02-20', to: '2027-02-28' },
  { from: '2027-04-24', to: '2027-05-02' },
];
const CENTRE: Position = { lat: 51.95, lon: 5.9 };
const REGION_RADIUS_KM = 30;

export interface PlanningInputSize {
  participants: number;
  seed?: number;
  /** Participants per group, about. */
  groupSize?: number;
}

export interface PlanningInputShape {
  groups: number;
  locations: number;
  rooms: number;
  providers: number;
  trainers: number;
  interpreters: number;
  lessonSeries: number;
  /** Members whose lessons change during the programme: one class ends, another starts. */
  switches: number;
  appointments: number;
  durationMinutes: number;
  sessionsPerGroup: number;
}

export function buildPlanningInput({ participants, seed = 1, groupSize = 15 }: PlanningInputSize): {
  input: PlanningInput;
  shape: PlanningInputShape;
} {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const weighted = <T>(list: readonly T[], weights: readonly number[]): T => {
    let left = next() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [index, weight] of weights.entries()) if ((left -= weight) < 0) return list[index];
    return list[list.length - 1];
  };
  const shuffled = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const someWeekdays = (count: number) =>
    shuffled(WEEKDAYS)
      .slice(0, count)
      .sort((a, b) => a - b);
  /** A point at most `radiusKm` from `centre`, uniform over the disc. */
  const around = (centre: Position, radiusKm: number): Position => {
    const distance = radiusKm * Math.sqrt(next());
    const angle = 2 * Math.PI * next();
    return {
      lat: +(centre.lat + (distance * Math.sin(angle)) / 111.2).toFixed(5),
      lon: +(
        centre.lon +
        (distance * Math.cos(angle)) / (111.2 * Math.cos((centre.lat * Math.PI) / 180))
      ).toFixed(5),
    };
  };
  const nearest = <T extends { position: Position }>(list: T[], to: Position) =>
    [...list].sort((a, b) => offlineTravel(a.position, to).km - offlineTravel(b.position, to).km);

  const durationMinutes = pick([150, 180]);
  const sessionsPerGroup = int(20, 24);
  const groupCount = Math.max(1, Math.round(participants / groupSize));

  // Community centres and schools: 1–2 rooms, open on weekdays, shorter on Friday, a few closed one weekday.
  const locations = Array.from({ length: Math.max(1, Math.round(groupCount / 2.5)) }, (_, l) => {
    const fridayUntil = pick(['12:30', '13:00', '16:00']);
    const closedDay = next() < 0.15 ? pick([1, 2, 3, 4]) : 0;
    return {
      id: `loc${l + 1}`,
      position: around(CENTRE, REGION_RADIUS_KM * 0.9),
      rooms: next() < 0.6 ? 1 : 2,
      openingHours: WEEKDAYS.filter((weekday) => weekday !== closedDay).map((weekday) => ({
        weekday,
        from: '08:30',
        to: weekday === 5 ? fridayUntil : '17:00',
      })),
    };
  });

  // Taalaanbieders: each runs classes that meet 1–3 weekdays at the same hours, 2–3.5 h between 08:30 and 16:30.
  const providers = Array.from({ length: Math.max(3, Math.ceil(participants / 400)) }, (_, p) => ({
    id: `tp${p + 1}`,
    position: around(CENTRE, REGION_RADIUS_KM),
    classes: Array.from({ length: 14 }, () => {
      const start = toMinutes(
        pick(['08:30', '09:00', '09:00', '09:15', '09:30', '12:30', '13:00', '13:00', '13:30']),
      );
      const length = Math.min(pick([120, 150, 180, 180, 210]), toMinutes('16:30') - start);
      return {
        weekdays: someWeekdays(weighted([1, 2, 3], [25, 50, 25])),
        from: toTimeOfDay(start),
        to: toTimeOfDay(start + length),
      };
    }),
  }));

  // Groups are women of one neighbourhood, meeting at its location; their taalaanbieder is one of the nearest.
  const groupLocations = Array.from({ length: groupCount }, (_, g) => locations[g % locations.length]);
  const providersNear = new Map(
    locations.map((location) => [location.id, nearest(providers, location.position)]),
  );
  const languageCounts = Array.from({ length: groupCount }, () => new Map<string, number>());
  let switches = 0;
  let appointmentCount = 0;
  const members: MemberInput[] = Array.from({ length: participants }, (_, index) => {
    const id = `p${index + 1}`;
    const g = Math.min(groupCount - 1, Math.floor((index * groupCount) / participants));
    if (next() < 0.4) {
      const language = weighted(LANGUAGES, LANGUAGE_WEIGHTS);
      languageCounts[g].set(language, (languageCounts[g].get(language) ?? 0) + 1);
    }
    const near = providersNear.get(groupLocations[g].id)!;
    const lessons: LessonInput[] = [];
    const follow = (validFrom: string, validTo: string) => {
      const provider = weighted(near.slice(0, 3), [60, 30, 10]);
      const lessonClass = pick(provider.classes);
      for (const weekday of lessonClass.weekdays) {
        const cancelled =
          next() < 0.05 ? [addDays(PROGRAMME_START, 7 * int(0, 20) + weekday - 1)] : undefined;
        lessons.push({
          id: `${id}-l${lessons.length + 1}`,
          providerId: provider.id,
          weekday,
          from: lessonClass.from,
          to: lessonClass.to,
          position: provider.position,
          validFrom,
          validTo,
          ...(cancelled && { exceptDates: cancelled }),
        });
      }
    };
    if (next() < 0.2) {
      // She moves to another class (a new level, or from a waiting list) on a Monday in February to April.
      switches++;
      const monday = addDays('2027-02-01', 7 * int(0, 12));
      follow(LESSONS_FROM, addDays(monday, -3));
      follow(monday, LESSONS_TO);
    } else {
      follow(LESSONS_FROM, LESSONS_TO);
    }
    const appointments = Array.from({ length: weighted([0, 1, 2], [65, 28, 7]) }, (_, a) => {
      const start = toMinutes('08:30') + 15 * int(0, 28);
      return {
        id: `${id}-a${a + 1}`,
        date: addDays(PROGRAMME_START, 7 * int(0, 24) + int(0, 4)),
        from: toTimeOfDay(start),
        to: toTimeOfDay(start + pick([30, 45, 60, 90])),
      };
    });
    appointmentCount += appointments.length;
    return { id, lessons, appointments };
  });

  // About one trainer per 3–4 groups; a group may be led by two or three trainers who live near its location.
  const trainers = Array.from({ length: Math.max(2, Math.round(groupCount / 3.5)) }, (_, t) => {
    const days = someWeekdays(int(3, 5));
    return {
      id: `tr${t + 1}`,
      position: around(CENTRE, REGION_RADIUS_KM),
      availability: days.flatMap((weekday): WeeklyWindow[] =>
        weighted(
          [
            [['09:00', '17:00']],
            [['08:30', '13:00']],
            [['12:30', '17:00']],
            [
              ['09:00', '12:30'],
              ['13:30', '17:00'],
            ],
          ],
          [45, 25, 15, 15],
        ).map(([from, to]) => ({ weekday, from, to })),
      ),
    };
  });
  const trainersNear = new Map(
    locations.map((location) => [location.id, nearest(trainers, location.position)]),
  );

  const groups: GroupInput[] = Array.from({ length: groupCount }, (_, g) => {
    const location = groupLocations[g];
    const [first, ...others] = trainersNear.get(location.id)!.slice(0, 4);
    const shared = shuffled(others).slice(0, int(1, 2));
    return {
      id: `g${g + 1}`,
      locationId: location.id,
      memberIds: members
        .filter((_, index) => Math.floor((index * groupCount) / participants) === g)
        .map((m) => m.id),
      trainerIds: [first, ...shared].map((trainer) => trainer.id),
      interpreterLanguages: [...languageCounts[g]]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .slice(0, 3)
        .map(([language]) => language),
    };
  });

  // Interpreters: about one per five groups that need the language, on 3–5 weekdays; a few speak two languages.
  const interpreters = LANGUAGES.flatMap((language) => {
    const needed = groups.filter((group) => group.interpreterLanguages.includes(language)).length;
    return Array.from({ length: Math.max(1, Math.ceil(needed / 5)) }, (_, i) => ({
      id: `int-${language}-${i + 1}`,
      languages:
        next() < 0.1 ? [language, pick(LANGUAGES.filter((other) => other !== language))] : [language],
      availability: someWeekdays(int(3, 5)).map((weekday) => ({
        weekday,
        from: '08:30',
        to: next() < 0.25 ? '13:00' : '17:00',
      })),
    }));
  });

  const input: PlanningInput = {
    policy: { travelBufferMinutes: 15, slotStepMinutes: 15, earliestStart: '09:00', latestEnd: '16:00' },
    programme: {
      startDate: PROGRAMME_START,
      sessionsPerGroup,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes,
    },
    isClosed: (date) => CLOSED.some((range) => inRange(date, range)) || isDutchPublicHoliday(date),
    locations,
    trainers: trainers.map(({ id, availability }) => ({ id, availability })),
    interpreters,
    members,
    groups,
    travelMinutes: (from, to) => offlineTravel(from, to).minutes,
  };
  return {
    input,
    shape: {
      groups: groups.length,
      locations: locations.length,
      rooms: locations.reduce((sum, location) => sum + location.rooms, 0),
      providers: providers.length,
      trainers: trainers.length,
      interpreters: interpreters.length,
      lessonSeries: members.reduce((sum, member) => sum + member.lessons.length, 0),
      switches,
      appointments: appointmentCount,
      durationMinutes,
      sessionsPerGroup,
    },
  };
}
