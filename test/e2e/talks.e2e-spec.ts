import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Talks1795418840000 } from '../../migrations/1795418840000-Talks';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const ZONE = 'Europe/Amsterdam';

interface Talk {
  id: string;
  number: number;
  status: 'planned' | 'unplaced';
  windowFrom: string;
  windowTo: string;
  start: string | null;
  end: string | null;
  sessionId: string | null;
  reason: string | null;
}
interface Series {
  id: string;
  kind: string;
  participantId: string;
  staffMemberIds: string[];
  trainerId: string | null;
  firstDate: string;
  lastDate: string;
  talks: Talk[];
}
interface StoredSession {
  id: string;
  groupId: string;
  date: string;
  start: string;
  end: string;
  trainerId: string;
}

const ms = (iso: string) => DateTime.fromISO(iso).toMillis();
const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end);
/** `2027-03-12 Fri 09:00-10:00`: how the tests read a talk. */
const when = (talk: Talk) => {
  const start = DateTime.fromISO(talk.start!, { zone: ZONE });
  return `${start.toISODate()} ${start.toFormat('ccc HH:mm')}-${DateTime.fromISO(talk.end!, { zone: ZONE }).toFormat('HH:mm')}`;
};

/**
 * De Bilt (test/fixtures/de-bilt-series.scenario.json): five series one after another, Tuesdays 09:00–11:30 with
 * trainer Anne (Tuesdays and Thursdays 09:00–13:00). Deelnemer s1-p1 of the first series has lessons on Monday,
 * Wednesday and Thursday 09:00–12:00 in De Bilt. Her jobcoach Fatima works mornings, 09:00–13:00, at the office in
 * Zeist; Els is the case manager.
 */
describe('individual talks on the De Bilt series', () => {
  let api: TestApp;
  let programmeId: string;
  let her: string;
  let fatima: string;
  let els: string;
  let zeist: string;
  let sessions: StoredSession[];
  let series: Series;

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('de-bilt-series.scenario.json')).expect(200);
    programmeId = (await api.get('/programmes?region=debilt').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const region = (await api.get('/regions').expect(200)).body.items.find(
      (r: { ref: string }) => r.ref === 'debilt',
    ).id;
    const people = (await api.get('/participants?region=debilt&limit=100').expect(200)).body.items;
    her = people.find((p: { ref: string }) => p.ref === 's1-p1').id;
    const locations = (await api.get('/locations?region=debilt').expect(200)).body.items;
    zeist = locations.find((l: { ref: string }) => l.ref === 'loc-zeist').id;
    const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '13:00' }));
    fatima = (
      await api
        .post('/staff-members', {
          regionId: region,
          name: 'Fatima',
          roles: ['jobcoach'],
          availability: mornings,
        })
        .expect(201)
    ).body.id;
    els = (
      await api
        .post('/staff-members', {
          regionId: region,
          name: 'Els',
          roles: ['case-manager'],
          availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
        })
        .expect(201)
    ).body.id;
    sessions = (await api.get('/sessions?region=debilt&limit=1000').expect(200)).body.items;
  }, 120_000);
  afterAll(() => api.close());

  const hers = () => {
    const groups = new Set(sessions.filter((s) => s.date === '2027-01-12').map((s) => s.groupId));
    return sessions.filter((s) => groups.has(s.groupId));
  };

  it('plans a fortnightly jobcoach series from month 3 around her lessons and sessions, at the office in Zeist', async () => {
    series = (
      await api
        .post('/talks', {
          participantId: her,
          programmeId,
          coachId: fatima,
          frequency: 'fortnightly',
          fromMonth: 3,
          place: 'office',
          locationId: zeist,
        })
        .expect(201)
    ).body;
    expect(series.firstDate).toBe('2027-03-11');
    // Until her last session.
    expect(series.lastDate).toBe('2027-04-06');
    expect(series.talks.map((talk) => `${talk.windowFrom}…${talk.windowTo}`)).toEqual([
      '2027-03-11…2027-03-12',
      '2027-03-22…2027-03-26',
      '2027-04-05…2027-04-06',
    ]);
    // Thursday 11 March: her lesson in De Bilt ends at 12:00, too late to reach Zeist (11 minutes, and the
    // region's 15 minutes' buffer) and finish by Fatima's 13:00. Friday is free, and the next talk keeps its
    // weekday and time. In the last week Monday's lesson is in the way again; on Tuesday she comes from her
    // session in De Bilt, which ends at 11:30: 12:00 is the first time she can be in Zeist.
    const planned = series.talks.filter((talk) => talk.status === 'planned');
    expect(planned.map(when)).toEqual([
      '2027-03-12 Fri 09:00-10:00',
      '2027-03-26 Fri 09:00-10:00',
      '2027-04-06 Tue 12:00-13:00',
    ]);
    for (const talk of planned) {
      for (const session of hers())
        expect(overlaps(talk as { start: string; end: string }, session)).toBe(false);
    }
    const listed = (await api.get(`/talks?participant=${her}`).expect(200)).body;
    expect(listed.total).toBe(1);
    expect((await api.get(`/talks?coach=${fatima}`).expect(200)).body.items[0].id).toBe(series.id);
    expect((await api.get(`/talks?programme=${programmeId}`).expect(200)).body.total).toBe(1);
  });

  it('refuses a series it cannot make sense of, naming the field', async () => {
    const body = { participantId: her, programmeId, coachId: fatima, frequency: 'weekly', place: 'office' };
    const problem = async (changes: object, field: string) => {
      const answer = await api.post('/talks', { ...body, locationId: zeist, ...changes }).expect(400);
      expect(JSON.stringify(answer.body)).toContain(field);
    };
    await problem({ frequency: 'daily' }, 'frequency');
    await problem({ coachId: els }, 'coachId');
    await problem({ locationId: undefined }, 'locationId');
    await problem({ fromMonth: 9 }, 'fromMonth');
    await problem({ fromMonth: 3, fromWeek: 2 }, 'fromWeek');
    await problem({ place: 'moon' }, 'place');
    expect((await api.get(`/talks?participant=${her}`).expect(200)).body.total).toBe(1);
  });

  it('moves a talk when a session is moved onto it, and tells her', async () => {
    const talk = series.talks[1];
    const moved = hers().find((s) => s.date === '2027-03-23')!;
    // Her session of Tuesday 23 March moves to Friday 26 March 09:00, onto her talk.
    await api
      .patch(`/sessions/${moved.id}`, {
        start: '2027-03-26T09:00:00+01:00',
        end: '2027-03-26T11:30:00+01:00',
      })
      .expect(200);
    const after = (await api.get(`/talks?participant=${her}`).expect(200)).body.items.find(
      (s: Series) => s.id === series.id,
    ) as Series;
    const again = after.talks.find((t) => t.id === talk.id)!;
    expect(again.status).toBe('planned');
    // Tuesday morning is free now.
    expect(when(again)).toBe('2027-03-23 Tue 09:00-10:00');
    expect(after.talks[0].start).toBe(series.talks[0].start);
    const outbox = (await api.get(`/outbox?region=debilt&participant=${her}&limit=100`).expect(200)).body
      .items;
    const change = outbox.find((m: { kind: string }) => m.kind === 'talk-change');
    expect(change.language).toBe('ar');
    expect(change.body).toContain('Fatima');
  });

  it('shows her talks in her feed and in the jobcoach’s feed', async () => {
    const feed = async (body: object) => {
      const { url } = (await api.post('/calendar/feeds', body).expect(201)).body;
      const key = new URL(url).searchParams.get('key');
      return (await api.anonymous().get(`/calendar/feed.ics?key=${key}`).expect(200)).text;
    };
    const uid = `talk-${series.talks[0].id}@trefpunt`;
    const herFeed = await feed({ participantId: her });
    expect(herFeed).toContain(uid);
    // In Arabic, her language.
    expect(herFeed).toContain('لقاء مع');
    const staffFeed = await feed({ staffMemberId: fatima });
    expect(staffFeed).toContain(uid);
    expect(staffFeed).toContain('Gesprek met Deelnemer');
    expect(staffFeed).not.toContain(`session-`);
  });

  it('queues a reminder in her language the evening before a talk', async () => {
    const at = encodeURIComponent('2027-03-11T19:00:00+01:00');
    await api.post(`/admin/reminders/run?at=${at}`).expect(200);
    const outbox = (await api.get(`/outbox?region=debilt&participant=${her}&limit=100`).expect(200)).body
      .items;
    const reminders = outbox.filter((m: { kind: string }) => m.kind === 'talk-reminder-evening');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].language).toBe('ar');
    expect(reminders[0].body).toContain('Fatima');
    // Running again writes nothing twice.
    await api.post(`/admin/reminders/run?at=${at}`).expect(200);
    const again = (await api.get(`/outbox?region=debilt&participant=${her}&limit=100`).expect(200)).body
      .items;
    expect(again.filter((m: { kind: string }) => m.kind === 'talk-reminder-evening')).toHaveLength(1);
  });

  it('plans closing talks in the last two weeks with her, the trainer, her jobcoach and the case manager', async () => {
    const answer = (
      await api
        .post(`/programmes/${programmeId}/closing-talks`, { roles: ['jobcoach', 'case-manager'] })
        .expect(200)
    ).body as { series: Series[]; unplaced: number };
    const first = hers();
    const groupMembers = new Set(
      (await api.get(`/groups/${first[0].groupId}`).expect(200)).body.participantIds as string[],
    );
    const closing = answer.series.filter((s) => groupMembers.has(s.participantId));
    expect(closing).toHaveLength(10);
    const planned = closing.flatMap((s) => s.talks.filter((t) => t.status === 'planned'));
    expect(planned.length).toBeGreaterThanOrEqual(5);
    for (const s of closing) {
      expect(s.kind).toBe('closing');
      expect(s.trainerId).toBe(first[0].trainerId);
      expect(s.staffMemberIds).toEqual([fatima, els]);
      expect([s.firstDate, s.lastDate]).toEqual(['2027-03-24', '2027-04-06']);
    }
    const mine = closing.find((s) => s.participantId === her)!.talks[0];
    expect(mine.status).toBe('planned');
    // At the location right after a session: she, Anne and Fatima are there or free.
    expect(when(mine)).toBe('2027-03-30 Tue 11:30-12:30');
    expect(mine.sessionId).toBe(first.find((s) => s.date === '2027-03-30')!.id);
    // The trainer, the jobcoach and the case manager are never at two talks at once.
    const all = (await api.get(`/talks?programme=${programmeId}&limit=1000`).expect(200)).body
      .items as Series[];
    const withFatima = all.flatMap((s) => s.talks).filter((t) => t.status === 'planned') as (Talk & {
      start: string;
      end: string;
    })[];
    for (const a of withFatima) {
      for (const b of withFatima) if (a.id !== b.id) expect(overlaps(a, b)).toBe(false);
    }
    for (const talk of planned) {
      expect(talk.start! >= '2027-03-24').toBe(true);
      for (const session of first)
        expect(overlaps(talk as { start: string; end: string }, session)).toBe(false);
    }
  });

  it('undoes its migration, leaving staff members their session roles only, and does it again', async () => {
    const runner = api.app.get(DataSource).createQueryRunner();
    const migration = new Talks1795418840000();
    try {
      await migration.down(runner);
      const rows: { roles: string[] }[] = await runner.query(
        `SELECT roles FROM staff_members WHERE id = $1`,
        [fatima],
      );
      expect(rows[0].roles).toEqual([]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect((await api.get(`/talks?programme=${programmeId}`).expect(200)).body.total).toBe(0);
    await api.patch(`/staff-members/${fatima}`, { roles: ['jobcoach'] }).expect(200);
  });
});
