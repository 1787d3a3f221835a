import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface StoredSession {
  id: string;
  date: string;
  start: string;
  end: string;
}

describe('online and physical sessions', () => {
  let api: TestApp;
  let programmeId: string;
  let groupId: string;
  let refOf: Map<string, string>;
  let idOf: Map<string, string>;
  let sessions: StoredSession[];

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('bronckhorst-online.scenario.json')).expect(200);
    programmeId = (await api.get('/programmes?region=bronckhorst-online').expect(200)).body.items[0].id;
    groupId = (await api.get('/groups?region=bronckhorst-online').expect(200)).body.items[0].id;
    const people = (await api.get('/participants?region=bronckhorst-online&limit=100').expect(200)).body
      .items as { id: string; ref: string }[];
    refOf = new Map(people.map((p) => [p.id, p.ref]));
    idOf = new Map(people.map((p) => [p.ref, p.id]));
  });
  afterAll(() => api.close());

  /** Who rides (there and back) and whose children are booked, per session date: refs, sorted. */
  const ridesAndCare = async () => {
    const rows = new Map<string, { riders: string[]; cared: string[]; unrouted: string[] }>();
    for (const session of sessions) {
      const routes = (await api.get(`/sessions/${session.id}/routes`).expect(200)).body;
      const riders = new Set<string>();
      for (const route of routes.routes as { direction: string; stops: { participantId: string }[] }[])
        for (const stop of route.stops) riders.add(`${refOf.get(stop.participantId)} ${route.direction}`);
      const bookings = (
        await api.get(`/childcare/bookings?session=${session.id}&limit=100`).expect(200)
      ).body.items.filter((b: { status: string }) => b.status !== 'cancelled') as { participantId: string }[];
      rows.set(session.date, {
        riders: [...riders].sort(),
        cared: bookings.map((b) => refOf.get(b.participantId)!).sort(),
        unrouted: (routes.unrouted as { participantId: string }[]).map((u) => refOf.get(u.participantId)!),
      });
    }
    return rows;
  };

  const both = (refs: string[]) => refs.flatMap((ref) => [`${ref} from`, `${ref} to`]).sort();

  it('plans Bronckhorst with its higher level online from 15 March to 4 April: no rides, no care for them then', async () => {
    const scenario = (await api.get('/exports/scenario?region=bronckhorst-online').expect(200)).body;
    expect(scenario.programme.online).toEqual(fixture('bronckhorst-online.scenario.json').programme.online);
    const plan = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    expect(plan.unplanned).toEqual([]);
    sessions = (await api.get('/sessions?region=bronckhorst-online&limit=100').expect(200)).body.items;
    expect(sessions.map((s) => `${s.date} ${s.start.slice(11, 16)}-${s.end.slice(11, 16)}`)).toEqual([
      '2027-03-02 09:00-12:00',
      '2027-03-09 09:00-12:00',
      '2027-03-16 09:00-12:00',
      '2027-03-23 09:00-12:00',
      '2027-03-30 09:00-12:00',
      '2027-04-06 09:00-12:00',
      '2027-04-13 09:00-12:00',
      '2027-04-20 09:00-12:00',
    ]);
    const standing = await ridesAndCare();
    const inPerson = {
      riders: both(['b1', 'b2', 'b5', 'b6']),
      cared: ['b1', 'b2', 'b5', 'b6'],
      unrouted: [],
    };
    const higherOnline = { riders: both(['b1', 'b2']), cared: ['b1', 'b2'], unrouted: [] };
    expect(Object.fromEntries(standing)).toEqual({
      '2027-03-02': inPerson,
      '2027-03-09': inPerson,
      '2027-03-16': higherOnline,
      '2027-03-23': higherOnline,
      '2027-03-30': higherOnline,
      '2027-04-06': inPerson,
      '2027-04-13': inPerson,
      '2027-04-20': inPerson,
    });
    // Every woman can come: the higher level from home.
    expect(plan.careAndRides.canCome).toBe(plan.careAndRides.memberSessions);
    const exported = (await api.get('/exports/plan?region=bronckhorst-online&from=2027-03-01&to=2027-04-30'))
      .body;
    expect(exported.canCome.canCome).toBe(exported.canCome.memberSessions);
  });

  it('switches a week online for the whole group: its rides and care are cancelled and every member is told in her language; switching back restores them', async () => {
    const before = await ridesAndCare();
    const switched = (
      await api
        .post(`/programmes/${programmeId}/online`, {
          from: '2027-04-12',
          to: '2027-04-18',
          groupId,
          videoUrl: 'https://meet.example.org/trefpunt-vorden',
          durationMinutes: 90,
        })
        .expect(200)
    ).body;
    expect(switched).toMatchObject({ sessions: 1, memberSessions: 8, cancelledBookings: 4, told: 8 });
    const online = await ridesAndCare();
    expect(online.get('2027-04-13')).toEqual({ riders: [], cared: [], unrouted: [] });
    for (const date of ['2027-04-06', '2027-04-20']) expect(online.get(date)).toEqual(before.get(date));
    const cancelled = (
      await api.get(`/childcare/bookings?session=${sessions[6].id}&status=cancelled&limit=100`).expect(200)
    ).body.items as { statusReason: string }[];
    expect(cancelled.map((b) => b.statusReason)).toEqual(Array(4).fill('she takes part online from home'));

    const outbox = async () =>
      (await api.get('/outbox?region=bronckhorst-online&limit=200').expect(200)).body.items as {
        participantId: string;
        language: string;
        body: string;
      }[];
    const messages = (await outbox()).filter((m) => m.body.includes('meet.example.org/trefpunt-vorden'));
    const byRef = new Map(messages.map((m) => [refOf.get(m.participantId)!, m]));
    expect(messages).toHaveLength(8);
    expect([...byRef.keys()].sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8']);
    expect(Object.fromEntries([...byRef].map(([ref, m]) => [ref, m.language]))).toEqual({
      b1: 'ti',
      b2: 'ti',
      b3: 'ti',
      b4: 'ti',
      b5: 'ar',
      b6: 'so',
      b7: 'tr',
      b8: 'uk',
    });
    expect(byRef.get('b7')!.body).toContain('çevrim içi');
    expect(byRef.get('b7')!.body).toContain('90 dakika');
    expect(byRef.get('b5')!.body).toContain('عبر الإنترنت');

    const periodId = switched.period.id;
    const back = (await api.delete(`/programmes/${programmeId}/online/${periodId}`).expect(200)).body;
    expect(back).toMatchObject({ sessions: 1, memberSessions: 8, told: 8 });
    expect(await ridesAndCare()).toEqual(before);
    const backAgain = (await outbox()).filter((m) => m.body.includes('Dorpscentrum Vorden'));
    expect(new Set(backAgain.map((m) => refOf.get(m.participantId))).size).toBe(8);
    expect((await api.get(`/programmes/${programmeId}/online`).expect(200)).body).toHaveLength(1);
  });

  it('refuses bad input naming the field, and a range that puts a member online twice', async () => {
    const body = {
      from: '2027-04-12',
      to: '2027-04-18',
      videoUrl: 'https://meet.example.org/x',
      durationMinutes: 90,
    };
    const message = async (extra: object, status = 400) =>
      (await api.post(`/programmes/${programmeId}/online`, { ...body, ...extra }).expect(status)).body
        .message;
    expect(await message({ to: '2027-04-01' })).toEqual([expect.stringMatching(/^to: /)]);
    expect(await message({ videoUrl: 'meet' })).toEqual([expect.stringMatching(/^videoUrl: /)]);
    expect(await message({ durationMinutes: 0 })).toEqual([expect.stringMatching(/^durationMinutes: /)]);
    expect(await message({ groupId: programmeId })).toMatch(/^groupId: no group/);
    expect(await message({ participantIds: [programmeId] })).toMatch(
      /^participantIds\[0\]: .* is not a member/,
    );
    expect(await message({ from: '2027-03-20', participantIds: [idOf.get('b6')] }, 409)).toMatch(/^from: /);
    // Nothing was stored by the refusals.
    expect((await api.get(`/programmes/${programmeId}/online`).expect(200)).body).toHaveLength(1);
  });

  it('reminds the women at home of the link and the online length, the others of the place and their ride', async () => {
    const run = await api.post('/admin/reminders/run?at=2027-03-15T20:00:00%2B01:00').expect(200);
    expect(run.body.sessions).toBe(1);
    const reminders = (
      (await api.get('/outbox?region=bronckhorst-online&limit=300').expect(200)).body.items as {
        participantId: string;
        kind: string;
        body: string;
      }[]
    ).filter((m) => m.kind === 'reminder-evening');
    const of = (ref: string) => reminders.find((m) => refOf.get(m.participantId) === ref)!.body;
    expect(reminders).toHaveLength(8);
    expect(of('b8')).toContain('https://meet.example.org/trefpunt-vorden-hoger');
    expect(of('b8')).toContain('90 хвилин');
    expect(of('b8')).not.toContain('Dorpscentrum Vorden');
    expect(of('b1')).toContain('Dorpscentrum Vorden');
    expect(of('b1')).not.toContain('meet.example.org');
  });
});
