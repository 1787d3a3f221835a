import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { formatDirectMinutes } from '../../src/planning/joint/time-away';
import { offlineTravel } from '../../src/planning/travel/offline-travel';
import { transitTravel } from '../../src/planning/travel/transit-travel';
import { TravelTimesService } from '../../src/modules/travel/travel-times.service';
import { startTestApp, TestApp } from '../support/test-app';

const UTRECHT = { lat: 52.09, lon: 5.12 };
const DE_BILT = { lat: 52.11, lon: 5.181 };
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '07:30', to: '18:30' }));

interface Plan {
  sessions: { id: string; groupId: string; start: string; end: string }[];
  conflicts: { participantId: string; sessionId: string; kind: 'overlap' | 'travel' }[];
  absentByConflict: { participantId: string; sessionId: string }[];
  childcare: {
    childId: string;
    participantId: string;
    sessionId: string;
    providerId: string;
    from: string;
  }[];
}

/**
 * De Bilt's first series (fixture "Programmes as the pilots ran them"), its group pinned to Tuesday 10:30–13:00,
 * with two women who live in Utrecht, 6 km by road from the location in De Bilt: s1-p1 has a lesson in Utrecht on
 * Tuesday at 13:45, 45 minutes after the session; s1-p2 has a toddler, cared for near her home while she is
 * away. Both first travel on their own ('own', car times), then by public transport ('public').
 */
function scenario() {
  const base = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'de-bilt-series.scenario.json'), 'utf8'),
  );
  const participants = base.participants.map((p: { id: string; lessons: unknown[] }) => {
    if (p.id === 's1-p1')
      return {
        ...p,
        position: UTRECHT,
        lessons: [
          ...p.lessons,
          {
            providerId: 'tp1',
            weekday: 2,
            from: '13:45',
            to: '15:00',
            position: UTRECHT,
            validFrom: '2026-09-01',
            validTo: '2028-07-31',
          },
        ],
      };
    if (p.id === 's1-p2')
      return {
        ...p,
        position: UTRECHT,
        children: [{ id: 'c-s1-p2', birthDate: '2025-06-01', careByPartner: false }],
      };
    return p;
  });
  return {
    ...base,
    participants,
    childcareProviders: [
      {
        id: 'kdv-utrecht',
        name: 'Kinderopvang Utrecht-Oost',
        kind: 'formal',
        position: UTRECHT,
        openingHours: WEEKDAYS,
        places: [
          { minAgeMonths: 0, maxAgeMonths: 47, capacity: 4 },
          { minAgeMonths: 48, maxAgeMonths: 155, capacity: 4 },
        ],
        pricePerHour: 9.5,
      },
    ],
  };
}

const localMinutes = (instant: string) => {
  const local = DateTime.fromISO(instant, { zone: 'Europe/Amsterdam' });
  return local.hour * 60 + local.minute;
};

describe('women who travel by public transport (De Bilt, first series)', () => {
  let api: TestApp;
  let programmeId: string;
  const idOf = new Map<string, string>();
  const car = offlineTravel(UTRECHT, DE_BILT).minutes;
  const bus = Math.max(transitTravel(UTRECHT, DE_BILT).minutes, formatDirectMinutes(UTRECHT, DE_BILT));
  const planOf = async (): Promise<Plan> => (await api.get('/exports/plan?region=debilt').expect(200)).body;
  const firstSeries = (plan: Plan) => plan.sessions.filter((s) => s.groupId === 'g-s1');
  const travelConflicts = (plan: Plan, participantId: string) =>
    plan.conflicts.filter((c) => c.participantId === participantId && c.kind === 'travel');

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', scenario()).expect(200);
    for (const p of (await api.get('/participants?region=debilt&limit=200').expect(200)).body.items)
      idOf.set(p.ref, p.id);
    const groups: { id: string; ref: string }[] = (await api.get('/groups?region=debilt').expect(200)).body
      .items;
    const first = groups.find((group) => group.ref === 'g-s1')!;
    await api
      .put(`/groups/${first.id}/pinned-slots`, { slots: [{ weekday: 2, start: '10:30' }] })
      .expect(200);
    programmeId = (await api.get('/programmes?region=debilt').expect(200)).body.items[0].id;
  });
  afterAll(() => api.close());

  it('takes her 39 minutes by bus from Utrecht to De Bilt where the car takes 12', async () => {
    expect({ car, bus }).toEqual({ car: 12, bus: 39 });
    const lookup = await api.app.get(TravelTimesService).minutesLookup([]);
    expect(lookup(UTRECHT, DE_BILT)).toBe(car);
    expect(lookup(UTRECHT, DE_BILT, 'transit')).toBe(bus);
  });

  it('gives a lesson-travel conflict and a longer time away by bus that car times do not', async () => {
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const byCar = await planOf();
    const sessions = firstSeries(byCar);
    expect(sessions).toHaveLength(12);
    expect(sessions.every((s) => localMinutes(s.start) === 10 * 60 + 30)).toBe(true);
    // 45 minutes between the session's end and her lesson: enough for 12 minutes by car and the 15-minute buffer.
    expect(travelConflicts(byCar, 's1-p1')).toEqual([]);
    const toddlerByCar = byCar.childcare.filter((b) => b.childId === 'c-s1-p2');
    expect(toddlerByCar).toHaveLength(12);

    // She takes the bus now: her conflicts are found again at once, without planning.
    await api.patch(`/participants/${idOf.get('s1-p1')}`, { transport: 'public' }).expect(200);
    const found = (await api.get(`/sessions/${sessions[0].id}/conflicts`).expect(200)).body;
    expect(JSON.stringify(found)).toContain('travel');

    await api.patch(`/participants/${idOf.get('s1-p2')}`, { transport: 'public' }).expect(200);
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const byBus = await planOf();
    // 39 minutes by bus and the buffer do not fit in 45: every Tuesday session clashes with her lesson.
    const clashes = travelConflicts(byBus, 's1-p1');
    expect(clashes.map((c) => c.sessionId).sort()).toEqual(
      firstSeries(byBus)
        .map((s) => s.id)
        .sort(),
    );
    expect(byBus.absentByConflict.filter((a) => a.participantId === 's1-p1')).toHaveLength(12);

    // The toddler's care near home covers her mother's longer time away: she leaves home 39 minutes before she
    // must be there (10 minutes early), not 12.
    const toddlerByBus = byBus.childcare.filter((b) => b.childId === 'c-s1-p2');
    expect(toddlerByBus).toHaveLength(12);
    const start = 10 * 60 + 30;
    for (const booking of toddlerByBus)
      expect(localMinutes(booking.from)).toBeLessThanOrEqual(start - 10 - bus);
    for (const booking of toddlerByCar) {
      expect(localMinutes(booking.from)).toBeLessThanOrEqual(start - 10 - car);
      expect(localMinutes(booking.from)).toBeGreaterThan(start - 10 - bus);
    }
  }, 300_000);
});
