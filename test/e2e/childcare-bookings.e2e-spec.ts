import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { isDutchPublicHoliday } from '../../src/planning/time/holidays';
import { childcareViolations } from '../support/childcare-rules';
import { startTestApp, TestApp } from '../support/test-app';
import { village, weekdays } from '../factories/village.factory';

const HOUR = 60 * 60 * 1000;

/** A village with one group of three mothers and hand-made sessions, so that every booking can be foreseen. */
const kleindorp = () =>
  village({
    region: 'kleindorp',
    hours: weekdays('08:00', '18:00'),
    sessionsPerGroup: 3,
    participants: [
      { id: 'p1', children: [toddler('t1'), toddler('t2')] },
      { id: 'p2', children: [toddler('t3')] },
      { id: 'p3', children: [{ id: 'school', birthDate: '2019-03-01', careByPartner: false }] },
    ],
    childcareProviders: [
      {
        id: 'kdv',
        name: 'Kinderopvang De Hoek',
        kind: 'formal',
        position: { lat: 52.102, lon: 6.501 },
        openingHours: weekdays('07:30', '18:30'),
        places: [
          { minAgeMonths: 0, maxAgeMonths: 47, capacity: 3 },
          { minAgeMonths: 48, maxAgeMonths: 155, capacity: 2 },
        ],
        pricePerHour: 10,
      },
      {
        id: 'kdv-small',
        name: 'Gastouder Klein',
        kind: 'formal',
        position: { lat: 52.11, lon: 6.51 },
        openingHours: weekdays('07:30', '18:30'),
        places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 1 }],
        pricePerHour: 8,
      },
    ],
    schoolHours: [
      ...weekdays('08:30', '14:30').filter((w) => w.weekday !== 3),
      { weekday: 3, from: '08:30', to: '12:15' },
    ],
  });
function toddler(id: string) {
  return { id, birthDate: '2025-01-15', careByPartner: false };
}

describe('childcare bookings', () => {
  let api: TestApp;
  const ids: Record<string, string> = {};
  const sessions: Record<string, string> = {};
  let programmeId: string;

  const bookingsOf = async (session: string, status?: string) =>
    (
      await api
        .get(`/childcare/bookings?session=${sessions[session]}${status ? `&status=${status}` : ''}`)
        .expect(200)
    ).body.items as {
      id: string;
      childId: string;
      providerId: string;
      from: string;
      to: string;
      status: string;
      statusReason: string;
    }[];
  const active = async (session: string) =>
    (await bookingsOf(session)).filter((booking) => booking.status !== 'cancelled');

  beforeAll(async () => {
    api = await startTestApp();
    const imported = await api.post('/imports/scenario', kleindorp());
    if (imported.status !== 200) throw new Error(JSON.stringify(imported.body));
    const refs = async (path: string) =>
      (await api.get(`${path}?region=kleindorp&limit=100`).expect(200)).body.items.forEach(
        (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
      );
    for (const path of ['/participants', '/children', '/childcare-providers', '/groups', '/locations'])
      await refs(path);
    programmeId = (await api.get('/programmes?region=kleindorp').expect(200)).body.items[0].id;
    const regionId = (await api.get('/regions/kleindorp').expect(200)).body.id;
    // Monday morning (school hours), Monday afternoon (after school), Wednesday morning (school ends 12:15).
    for (const [name, start, end] of [
      ['monday', '2027-01-11T09:30:00+01:00', '2027-01-11T12:00:00+01:00'],
      ['afternoon', '2027-01-18T13:00:00+01:00', '2027-01-18T15:30:00+01:00'],
      ['wednesday', '2027-01-20T10:00:00+01:00', '2027-01-20T12:30:00+01:00'],
    ]) {
      sessions[name] = (
        await api.post('/sessions', { regionId, groupId: ids.g, start, end, trainerId: ids.tr }).expect(201)
      ).body.id;
    }
  });
  afterAll(() => api.close());

  it('books every child who needs care, toddlers always and the schoolchild only outside school hours', async () => {
    const plan = (await api.post(`/programmes/${programmeId}/childcare/plan`).expect(200)).body;
    expect(plan).toMatchObject({ sessions: 3, needs: 11, unmet: [], cancelled: [] });
    const children = async (session: string) => (await active(session)).map((b) => b.childId).sort();
    expect(await children('monday')).toEqual([ids.t1, ids.t2, ids.t3].sort());
    expect(await children('afternoon')).toEqual([ids.t1, ids.t2, ids.t3, ids.school].sort());
    expect(await children('wednesday')).toEqual([ids.t1, ids.t2, ids.t3, ids.school].sort());
    // Care elsewhere than the location begins before and ends after the session: bringing and fetching.
    const [first] = await active('monday');
    expect(first).toMatchObject({ providerId: ids.kdv, status: 'requested' });
    expect(Date.parse(first.from)).toBeLessThan(Date.parse('2027-01-11T09:30:00+01:00'));
    expect(Date.parse(first.to)).toBeGreaterThan(Date.parse('2027-01-11T12:00:00+01:00'));
    expect(plan.staffing).toContainEqual(
      expect.objectContaining({
        providerId: ids.kdv,
        sessionId: sessions.monday,
        children: 3,
        professionalsNeeded: 1,
      }),
    );
  });

  it('changes nothing when planned again', async () => {
    const plan = (await api.post(`/programmes/${programmeId}/childcare/plan`).expect(200)).body;
    expect(plan).toMatchObject({ kept: 11, moved: 0, booked: 0, cancelled: [], unmet: [] });
  });

  it('shows a child added since as not booked yet, and the database refuses a second child for the last place, also at the same moment', async () => {
    for (const [mother, child] of [
      ['p3', 'late1'],
      ['p2', 'late2'],
    ]) {
      ids[child] = (
        await api
          .post('/children', { participantId: ids[mother], birthDate: '2025-06-01', ref: child })
          .expect(201)
      ).body.id;
    }
    const state = (await api.get(`/programmes/${programmeId}/childcare`).expect(200)).body;
    expect(state.unmet.filter((u: { reason: string }) => u.reason === 'not booked yet')).toHaveLength(6);
    expect(state.unmet.filter((u: { reasonCode: string }) => u.reasonCode === 'not-booked-yet')).toHaveLength(
      6,
    );

    for (const session of ['monday', 'afternoon', 'wednesday']) {
      const answers = await Promise.all(
        ['late1', 'late2'].map((child) =>
          api.post('/childcare/bookings', {
            childId: ids[child],
            sessionId: sessions[session],
            providerId: ids['kdv-small'],
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.message).toMatch(/no place left/);
      expect((await active(session)).filter((b) => b.providerId === ids['kdv-small'])).toHaveLength(1);
    }
    const after = (await api.get(`/programmes/${programmeId}/childcare`).expect(200)).body;
    expect(
      after.unmet.map(({ reason, reasonCode }: { reason: string; reasonCode: string }) => [
        reason,
        reasonCode,
      ]),
    ).toEqual([
      ['no place left in her age band', 'no-place-in-age-band'],
      ['no place left in her age band', 'no-place-in-age-band'],
      ['no place left in her age band', 'no-place-in-age-band'],
    ]);
  });

  it('lets a coordinator confirm, cancel and move a booking, refusing a move into a full band', async () => {
    const monday = await active('monday');
    const small = monday.find((b) => b.providerId === ids['kdv-small'])!;
    const t1 = monday.find((b) => b.childId === ids.t1)!;
    const full = await api.post(`/childcare/bookings/${small.id}/move`, { providerId: ids.kdv }).expect(409);
    expect(full.body.message).toMatch(/no place left/);
    expect((await api.post(`/childcare/bookings/${t1.id}/confirm`).expect(200)).body.status).toBe(
      'confirmed',
    );
    const t2 = monday.find((b) => b.childId === ids.t2)!;
    const cancelled = await api
      .post(`/childcare/bookings/${t2.id}/cancel`, { reason: 'grandma comes' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      statusReason: 'cancelled by hand: grandma comes',
    });
    const moved = await api.post(`/childcare/bookings/${small.id}/move`, { providerId: ids.kdv }).expect(200);
    expect(moved.body).toMatchObject({ providerId: ids.kdv, status: 'requested' });
    await api.post(`/childcare/bookings/${cancelled.body.id}/confirm`).expect(409);
    await api
      .post('/childcare/bookings', { childId: 'x', sessionId: sessions.monday, providerId: ids.kdv })
      .expect(400, /childId/);
    // A coordinator of another municipality cannot book her children, not even knowing the ids.
    const regionId = (await api.get('/regions/kleindorp').expect(200)).body.id;
    await api.post('/municipalities', { regionId, ref: 'buur', name: 'Buurgemeente' }).expect(201);
    const { token } = (
      await api
        .post('/tokens', { role: 'coordinator', regions: ['kleindorp'], municipalities: ['buur'] })
        .expect(201)
    ).body;
    await api
      .anonymous()
      .post('/childcare/bookings')
      .set('Authorization', `Bearer ${token}`)
      .send({ childId: ids.t3, sessionId: sessions.monday, providerId: ids['kdv-small'] })
      .expect(400, /childId: no child/);
  });

  it('moves the bookings with their session, keeps a confirmation, and gives a free place to a child waiting', async () => {
    const before = await active('monday');
    await api
      .patch(`/sessions/${sessions.monday}`, {
        start: '2027-01-11T10:30:00+01:00',
        end: '2027-01-11T13:00:00+01:00',
      })
      .expect(200);
    const after = await active('monday');
    // Every booking stays, moved; and the place freed by hand goes to the child who waited for one.
    expect(after.map((b) => b.id)).toEqual(expect.arrayContaining(before.map((b) => b.id)));
    const newcomers = after.filter((b) => !before.some((earlier) => earlier.id === b.id));
    expect(newcomers).toHaveLength(1);
    expect([ids.late1, ids.late2]).toContain(newcomers[0].childId);
    for (const booking of after.filter((b) => !newcomers.includes(b))) {
      const earlier = before.find((b) => b.id === booking.id)!;
      expect(Date.parse(booking.from) - Date.parse(earlier.from)).toBe(HOUR);
      expect(booking.status).toBe(earlier.status);
    }
    expect(after.find((b) => b.childId === ids.t1)!.status).toBe('confirmed');
  });

  it('frees the places of a mother who reports absence, and books again when she comes after all', async () => {
    await api
      .post(`/sessions/${sessions.afternoon}/absences`, { participantId: ids.p1, reason: 'child-ill' })
      .expect(201);
    const cancelled = (await bookingsOf('afternoon', 'cancelled')).filter((b) =>
      [ids.t1, ids.t2].includes(b.childId),
    );
    expect(cancelled.map((b) => b.statusReason)).toEqual(['mother absent', 'mother absent']);
    const attendance = (await api.get(`/sessions/${sessions.afternoon}/attendance`).expect(200)).body.items;
    expect(attendance).toContainEqual({ participantId: ids.p1, state: 'absent', reason: 'child-ill' });

    await api.delete(`/sessions/${sessions.afternoon}/absences/${ids.p1}`).expect(204);
    const toddlers = (await active('afternoon')).filter((b) => b.childId !== ids.school);
    // Four toddlers want the four places (three and one): whoever is left out is listed, never overbooked.
    expect(toddlers).toHaveLength(4);
    const state = (await api.get(`/programmes/${programmeId}/childcare`).expect(200)).body;
    expect(state.unmet.filter((u: { sessionId: string }) => u.sessionId === sessions.afternoon)).toHaveLength(
      1,
    );
  });

  it('cancels every booking of a cancelled session', async () => {
    await api.patch(`/sessions/${sessions.wednesday}`, { status: 'cancelled' }).expect(200);
    expect(await active('wednesday')).toEqual([]);
    expect(
      (await bookingsOf('wednesday', 'cancelled')).every((b) => b.statusReason === 'session cancelled'),
    ).toBe(true);
  });

  it('reports the month’s costs per provider, participant and municipality, adding up to the bookings', async () => {
    const bookings = (
      await api.get('/childcare/bookings?region=kleindorp&limit=1000').expect(200)
    ).body.items.filter((b: { status: string }) => b.status !== 'cancelled');
    const price: Record<string, number> = { [ids.kdv]: 10, [ids['kdv-small']]: 8 };
    const hours = bookings.reduce(
      (sum: number, b: { from: string; to: string }) => sum + (Date.parse(b.to) - Date.parse(b.from)) / HOUR,
      0,
    );
    const cost = bookings.reduce(
      (sum: number, b: { from: string; to: string; providerId: string }) =>
        sum + ((Date.parse(b.to) - Date.parse(b.from)) / HOUR) * price[b.providerId],
      0,
    );
    const report = (await api.get('/childcare/costs?region=kleindorp&month=2027-01').expect(200)).body;
    expect(report.total.bookings).toBe(bookings.length);
    expect(report.total.hours).toBeCloseTo(hours, 6);
    expect(report.total.cost).toBeCloseTo(cost, 1);
    for (const part of ['providers', 'participants', 'municipalities']) {
      const sum = report[part].reduce((total: number, line: { cost: number }) => total + line.cost, 0);
      expect(sum).toBeCloseTo(report.total.cost, 2);
    }
    const csv = await api.get('/childcare/costs?region=kleindorp&month=2027-01&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows).toHaveLength(report.lines.length);
    const csvCost = rows.reduce((sum, row) => sum + Number(row.split(';').at(-1)!.replace(',', '.')), 0);
    expect(csvCost).toBeCloseTo(report.total.cost, 2);
    expect(
      (await api.get('/childcare/costs?region=kleindorp&month=2027-02').expect(200)).body.total.bookings,
    ).toBe(0);
    await api.get('/childcare/costs?region=kleindorp&month=2027-13').expect(400, /month/);
  });

  it('erases her bookings and absences with her', async () => {
    await api
      .post(`/sessions/${sessions.afternoon}/absences`, { participantId: ids.p2, reason: 'ill' })
      .expect(201);
    await api.post(`/participants/${ids.p2}/erase`).expect(200);
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      for (const table of ['childcare_bookings', 'absences']) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE participant_id = $1`, [
          ids.p2,
        ]);
        expect(rows[0].n).toBe(0);
      }
    } finally {
      await db.end();
    }
  });
});

describe('childcare in the plan of an example region', () => {
  let api: TestApp;
  const berkelland = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'berkelland.scenario.json'), 'utf8'),
  );

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', berkelland).expect(200);
  });
  afterAll(() => api.close());

  it('books childcare with the sessions, and the plan keeps every childcare rule of the format', async () => {
    const programmeId = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const plan = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
    expect(plan.childcare.length).toBeGreaterThan(100);
    expect(childcareViolations(berkelland, plan, isDutchPublicHoliday)).toEqual([]);
    // Planned again, nothing changes: the same bookings, the same unmet needs.
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const again = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
    const keys = (bookings: { childId: string; sessionId: string; providerId: string; from: string }[]) =>
      bookings.map((b) => `${b.childId}|${b.sessionId}|${b.providerId}|${b.from}`).sort();
    expect(keys(again.childcare)).toEqual(keys(plan.childcare));
    expect(again.childcareUnmet).toHaveLength(plan.childcareUnmet.length);
    // Two whole plans of the region: slow on a loaded machine.
  }, 180_000);

  it('keeps the sessions, and a confirmed booking, when the programme is planned again', async () => {
    const programmeId = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0].id;
    const before = (await api.get('/sessions?region=berkelland&limit=1000').expect(200)).body.items;
    const booking = (await api.get('/childcare/bookings?region=berkelland&limit=1').expect(200)).body
      .items[0];
    await api.post(`/childcare/bookings/${booking.id}/confirm`).expect(200);
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const after = (await api.get('/sessions?region=berkelland&limit=1000').expect(200)).body.items;
    expect(after.map((s: { id: string }) => s.id).sort()).toEqual(
      before.map((s: { id: string }) => s.id).sort(),
    );
    expect((await api.get(`/childcare/bookings/${booking.id}`).expect(200)).body).toMatchObject({
      status: 'confirmed',
      sessionId: booking.sessionId,
    });
    const plan = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
    expect(childcareViolations(berkelland, plan, isDutchPublicHoliday)).toEqual([]);
  }, 180_000);
});
