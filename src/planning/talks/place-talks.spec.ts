import { localToInstant } from '../time/wall-clock';
import { Position } from '../travel/offline-travel';
import { TalkPlanningInput, TalkRequest } from './model';
import { clashingTalks, placeTalks } from './place-talks';
import { seriesStart, talkWeeks } from './talk-weeks';

const ZONE = 'Europe/Amsterdam';
const HOME: Position = { lat: 52.1, lon: 5.1 };
const OFFICE: Position = { lat: 52.2, lon: 5.2 };
const SCHOOL: Position = { lat: 52.3, lon: 5.3 };
const at = (date: string, time: string) => localToInstant(date, time, ZONE);
const local = (instant: Date) =>
  instant.toLocaleString('sv-SE', { timeZone: ZONE }).slice(0, 16).replace(' ', ' ');

/** A week in March 2027: Monday 15th to Friday 19th; Monday to Friday 09:00–17:00 for the coach. */
const input = (overrides: Partial<TalkPlanningInput> = {}): TalkPlanningInput => ({
  zone: ZONE,
  policy: { earliestStart: '09:00', latestEnd: '17:00', slotStepMinutes: 30, travelBufferMinutes: 15 },
  isClosed: () => false,
  participants: [{ id: 'amal', home: HOME, lessons: [], appointments: [], sessions: [] }],
  staff: [
    {
      id: 'hanan',
      name: 'Hanan',
      availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
      busy: [],
    },
  ],
  locations: [
    { id: 'office', position: OFFICE },
    { id: 'buurthuis', position: SCHOOL },
  ],
  standing: [],
  requests: [request()],
  // Ten minutes between any two different places.
  travelMinutes: () => 10,
  ...overrides,
});

function request(overrides: Partial<TalkRequest> = {}): TalkRequest {
  return {
    key: 'amal-jobcoach#1',
    seriesKey: 'amal-jobcoach',
    participantId: 'amal',
    staffIds: ['hanan'],
    from: '2027-03-15',
    to: '2027-03-19',
    durationMinutes: 60,
    place: { kind: 'office', locationId: 'office' },
    ...overrides,
  };
}

const mondayLesson = {
  id: 'les',
  providerId: 'tp',
  weekday: 1,
  from: '09:00',
  to: '12:00',
  position: SCHOOL,
  validFrom: '2027-01-01',
  validTo: '2027-12-31',
};

describe('placeTalks', () => {
  it('takes the first free hour of the week when nothing is in the way', () => {
    const plan = placeTalks(input());
    expect(plan.placed.map((talk) => local(talk.start))).toEqual(['2027-03-15 09:00']);
    expect(plan.unplaced).toEqual([]);
  });

  it('avoids her lesson and leaves her time to travel from the school to the office', () => {
    const plan = placeTalks(
      input({
        participants: [{ id: 'amal', home: HOME, lessons: [mondayLesson], appointments: [], sessions: [] }],
      }),
    );
    // The lesson ends at 12:00; 10 minutes' travel and 15 minutes' buffer rule out 12:00, 12:30 is the first.
    expect(plan.placed.map((talk) => local(talk.start))).toEqual(['2027-03-15 12:30']);
  });

  it('needs no travel time for an online talk right after her lesson', () => {
    const plan = placeTalks(
      input({
        participants: [{ id: 'amal', home: HOME, lessons: [mondayLesson], appointments: [], sessions: [] }],
        requests: [request({ place: { kind: 'online' } })],
      }),
    );
    expect(plan.placed.map((talk) => local(talk.start))).toEqual(['2027-03-15 12:00']);
  });

  it('passes over the times the coach is busy elsewhere, with her travel between places', () => {
    const plan = placeTalks(
      input({
        staff: [
          {
            id: 'hanan',
            name: 'Hanan',
            availability: [{ weekday: 1, from: '09:00', to: '17:00' }],
            busy: [
              {
                start: at('2027-03-15', '09:00'),
                end: at('2027-03-15', '13:00'),
                position: SCHOOL,
                what: "Hanan's sessions",
              },
            ],
          },
        ],
      }),
    );
    expect(plan.placed.map((talk) => local(talk.start))).toEqual(['2027-03-15 13:30']);
  });

  it("keeps a coach's two talks apart by her travel from one home to the next", () => {
    const plan = placeTalks(
      input({
        participants: [
          { id: 'amal', home: HOME, lessons: [], appointments: [], sessions: [] },
          { id: 'bisrat', home: OFFICE, lessons: [], appointments: [], sessions: [] },
        ],
        requests: [
          request({ place: { kind: 'home' } }),
          request({ key: 'bisrat#1', seriesKey: 'bisrat', participantId: 'bisrat', place: { kind: 'home' } }),
        ],
      }),
    );
    expect(plan.placed.map((talk) => local(talk.start))).toEqual(['2027-03-15 09:00', '2027-03-15 10:30']);
  });

  it('lists a talk nobody is free for, with what was in the way', () => {
    const plan = placeTalks(input({ staff: [{ id: 'hanan', name: 'Hanan', availability: [], busy: [] }] }));
    expect(plan.placed).toEqual([]);
    expect(plan.unplaced).toEqual([
      {
        key: 'amal-jobcoach#1',
        reason: 'no time free for everyone in 2027-03-15–2027-03-19: Hanan is not available (75)',
      },
    ]);
  });

  it('puts a talk at the location right after her session there', () => {
    const plan = placeTalks(
      input({
        participants: [
          {
            id: 'amal',
            home: HOME,
            lessons: [],
            appointments: [],
            sessions: [
              {
                id: 's1',
                start: at('2027-03-16', '09:00'),
                end: at('2027-03-16', '11:30'),
                locationId: 'buurthuis',
              },
            ],
          },
        ],
        requests: [request({ place: { kind: 'location', locationId: 'buurthuis' } })],
      }),
    );
    // Before the session would start at 08:00, before the coach's day: after it comes first.
    expect(plan.placed.map((talk) => [local(talk.start), talk.sessionId])).toEqual([
      ['2027-03-16 11:30', 's1'],
    ]);
  });

  it('keeps a fortnightly series on the weekday and time of its first talk', () => {
    const weeks = talkWeeks('fortnightly', '2027-03-11', '2027-04-30');
    expect(weeks).toEqual([
      { from: '2027-03-11', to: '2027-03-12' },
      { from: '2027-03-22', to: '2027-03-26' },
      { from: '2027-04-05', to: '2027-04-09' },
      { from: '2027-04-19', to: '2027-04-23' },
    ]);
    const plan = placeTalks(
      input({
        requests: weeks.map((week, k) => request({ key: `s#${k + 1}`, seriesKey: 's', ...week })),
        // The first week, Thursday is taken at 09:00; the talk takes 09:30 and the later ones follow it.
        participants: [
          {
            id: 'amal',
            home: HOME,
            lessons: [],
            appointments: [{ id: 'gp', date: '2027-03-11', from: '09:00', to: '09:30' }],
            sessions: [],
          },
        ],
      }),
    );
    expect(plan.placed.map((talk) => local(talk.start))).toEqual([
      '2027-03-11 09:30',
      '2027-03-25 09:30',
      '2027-04-08 09:30',
      '2027-04-22 09:30',
    ]);
  });

  it("puts a talk placed again on its series' usual weekday and time when that is free", () => {
    const plan = placeTalks(input({ requests: [request({ usual: { weekday: 3, minute: 600 } })] }));
    expect(plan.placed.map((talk) => local(talk.start))).toEqual(['2027-03-17 10:00']);
  });

  it('gives the same plan for the same input', () => {
    expect(placeTalks(input())).toEqual(placeTalks(input()));
  });
});

describe('clashingTalks', () => {
  it('finds the talk a session now lies on, and leaves the others', () => {
    const talk = (key: string, date: string) => ({
      key,
      participantId: 'amal',
      staffIds: ['hanan'],
      date,
      start: at(date, '10:00'),
      end: at(date, '11:00'),
      position: OFFICE,
    });
    const clashing = clashingTalks(
      input({
        participants: [
          {
            id: 'amal',
            home: HOME,
            lessons: [],
            appointments: [],
            sessions: [
              {
                id: 's1',
                start: at('2027-03-16', '09:30'),
                end: at('2027-03-16', '12:00'),
                locationId: 'buurthuis',
              },
            ],
          },
        ],
        standing: [talk('a', '2027-03-15'), talk('b', '2027-03-16')],
        requests: [],
      }),
    );
    expect(clashing).toEqual(['b']);
  });
});

describe('clashingTalks beside a session', () => {
  it('finds a talk whose session moved away, though nothing lies on it', () => {
    const beside = {
      key: 'after-s1',
      participantId: 'amal',
      staffIds: ['hanan'],
      date: '2027-03-16',
      start: at('2027-03-16', '11:30'),
      end: at('2027-03-16', '12:30'),
      position: SCHOOL,
      locationId: 'buurthuis',
      sessionId: 's1',
    };
    const withSession = (from: string, to: string) =>
      input({
        participants: [
          {
            id: 'amal',
            home: HOME,
            lessons: [],
            appointments: [],
            sessions: [
              { id: 's1', start: at('2027-03-16', from), end: at('2027-03-16', to), locationId: 'buurthuis' },
            ],
          },
        ],
        standing: [beside],
        requests: [],
      });
    expect(clashingTalks(withSession('09:00', '11:30'))).toEqual([]);
    expect(clashingTalks(withSession('13:00', '15:30'))).toEqual(['after-s1']);
  });
});

describe('seriesStart', () => {
  it('counts weeks and months from the programme start', () => {
    expect(seriesStart('2027-01-11', { month: 3 })).toBe('2027-03-11');
    expect(seriesStart('2027-01-11', { week: 3 })).toBe('2027-01-25');
    expect(seriesStart('2027-01-11', {})).toBe('2027-01-11');
  });
});
