import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface WaitingAnswer {
  sessionId: string;
  position: number;
  childId: string;
  childRef: string;
  ageMonths: number;
  participantId: string;
  participantName: string;
  waitingSince: string;
  reason: string;
  reasonCode: string | null;
}
interface BookingAnswer {
  childId: string;
  participantId: string;
  ageMonths: number;
  from: string;
  to: string;
  status: string;
}
interface MessageAnswer {
  participantId: string;
  sessionId: string | null;
  kind: string;
  language: string;
  body: string;
}

/**
 * The Bronckhorst pilot (one group, a volunteer oppas at the location), its care made short: two places for
 * babies (0–23 months) and one for toddlers (24–48), with a third baby, so that one baby and one toddler wait
 * in every session after the online weeks.
 */
describe('childcare waiting list', () => {
  let api: TestApp;
  let providerId: string;
  let sessionIds: string[];
  const people = new Map<string, { ref: string; name: string; language: string }>();
  const REGION = 'bronckhorst-online';

  const waiting = async (sessionId: string) =>
    (await api.get(`/childcare/waiting-list?session=${sessionId}`).expect(200)).body.items as WaitingAnswer[];
  const active = async (sessionId: string) =>
    (
      (await api.get(`/childcare/bookings?session=${sessionId}&limit=100`).expect(200)).body
        .items as BookingAnswer[]
    ).filter((booking) => booking.status !== 'cancelled');
  const placeMessages = async (sessionId: string) =>
    ((await api.get(`/outbox?region=${REGION}&limit=1000`).expect(200)).body.items as MessageAnswer[]).filter(
      (message) => message.kind === 'childcare-place-found' && message.sessionId === sessionId,
    );
  const absent = (sessionId: string, participantId: string) =>
    api.post(`/sessions/${sessionId}/absences`, { participantId, reason: 'ill' });

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('bronckhorst-online.scenario.json')).expect(200);
    providerId = (await api.get(`/childcare-providers?region=${REGION}`).expect(200)).body.items[0].id;
    await api
      .patch(`/childcare-providers/${providerId}`, {
        places: [
          { minAgeMonths: 0, maxAgeMonths: 23, capacity: 2 },
          { minAgeMonths: 24, maxAgeMonths: 48, capacity: 1 },
        ],
      })
      .expect(200);
    const participants = (await api.get(`/participants?region=${REGION}&limit=100`).expect(200)).body
      .items as { id: string; ref: string; name: string; language: string }[];
    for (const p of participants) people.set(p.id, p);
    const b3 = participants.find((p) => p.ref === 'b3')!;
    await api.post('/children', { participantId: b3.id, ref: 'c-b3-1', birthDate: '2025-10-01' }).expect(201);
    const programmeId = (await api.get(`/programmes?region=${REGION}`).expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const sessions = (await api.get(`/sessions?region=${REGION}&limit=100`).expect(200)).body.items as {
      id: string;
      date: string;
    }[];
    // After the online weeks, when all four mothers with little children come.
    sessionIds = sessions
      .filter((s) => s.date > '2027-04-04')
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((s) => s.id);
  });
  afterAll(() => api.close());

  it('lists the baby and the toddler without a place, in turn, with their age and mother', async () => {
    expect(sessionIds.length).toBeGreaterThanOrEqual(3);
    for (const sessionId of sessionIds) {
      const list = await waiting(sessionId);
      // Both found without a place by the same plan: in turn by their mothers' refs.
      expect(list.map((entry) => entry.position)).toEqual([1, 2]);
      expect(list.map((entry) => (entry.ageMonths < 24 ? 'baby' : 'toddler')).sort()).toEqual([
        'baby',
        'toddler',
      ]);
      const refs = list.map((entry) => people.get(entry.participantId)!.ref);
      expect(refs).toEqual([...refs].sort());
      expect(list[0].waitingSince).toBe(list[1].waitingSince);
      for (const entry of list) {
        expect(entry.participantName).toBe(people.get(entry.participantId)!.name);
        expect(entry.reason).toBe('no place left in her age band');
        expect(entry.reasonCode).toBe('no-place-in-age-band');
      }
      const babies = (await active(sessionId)).filter((b) => b.ageMonths < 24);
      expect(babies).toHaveLength(2);
    }
    const byProgramme = (await api.get(`/childcare/waiting-list?region=${REGION}&limit=1000`).expect(200))
      .body;
    expect(byProgramme.total).toBeGreaterThanOrEqual(2 * sessionIds.length);
  });

  it('keeps the children waiting in turn when their session moves to another day, on that day', async () => {
    const sessionId = sessionIds[sessionIds.length - 1];
    const before = await waiting(sessionId);
    expect(before.length).toBeGreaterThan(0);
    const session = (await api.get(`/sessions/${sessionId}`).expect(200)).body as {
      start: string;
      end: string;
    };
    const dayLater = (instant: string) =>
      DateTime.fromISO(instant, { setZone: true }).plus({ days: 1 }).toISO();
    await api
      .patch(`/sessions/${sessionId}`, { start: dayLater(session.start), end: dayLater(session.end) })
      .expect(200);
    const after = await waiting(sessionId);
    expect(after.map((entry) => [entry.childId, entry.position, entry.waitingSince])).toEqual(
      before.map((entry) => [entry.childId, entry.position, entry.waitingSince]),
    );
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT DISTINCT to_char(care_date, 'YYYY-MM-DD') AS date FROM childcare_waiting_list WHERE session_id = $1`,
        [sessionId],
      );
      expect(rows).toEqual([
        { date: DateTime.fromISO(dayLater(session.start)!, { setZone: true }).toISODate() },
      ]);
    } finally {
      await db.end();
    }
    // Back where it was, for the tests that follow: her turn and the date come back with it.
    await api.patch(`/sessions/${sessionId}`, { start: session.start, end: session.end }).expect(200);
    expect((await waiting(sessionId)).map((entry) => [entry.childId, entry.position])).toEqual(
      before.map((entry) => [entry.childId, entry.position]),
    );
  });

  it('gives a baby place freed by an absence to the waiting baby and tells her mother; the toddler waits on', async () => {
    const sessionId = sessionIds[0];
    const [baby, toddler] = [...(await waiting(sessionId))].sort((a, b) => a.ageMonths - b.ageMonths);
    const holder = (await active(sessionId)).find((b) => b.ageMonths < 24)!;
    await absent(sessionId, holder.participantId).expect(201);

    const booked = await active(sessionId);
    expect(booked.map((b) => b.childId)).toContain(baby.childId);
    expect(booked.map((b) => b.childId)).not.toContain(holder.childId);
    expect(booked.filter((b) => b.ageMonths < 24)).toHaveLength(2);
    const after = await waiting(sessionId);
    expect(after.map((entry) => [entry.childId, entry.position, entry.waitingSince])).toEqual([
      [toddler.childId, 1, toddler.waitingSince],
    ]);

    const told = await placeMessages(sessionId);
    expect(told.map((m) => m.participantId)).toEqual([baby.participantId]);
    const mother = people.get(baby.participantId)!;
    expect(told[0].language).toBe(mother.language);
    expect(told[0].body).toContain('Oppas Dorpscentrum Vorden');
    const care = booked.find((b) => b.childId === baby.childId)!;
    expect(told[0].body).toContain(care.from.slice(11, 16));
    expect(told[0].body).toContain(care.to.slice(11, 16));
  });

  it('gives two places freed at the same moment to the one waiting baby once, and neither report fails', async () => {
    const sessionId = sessionIds[1];
    const baby = (await waiting(sessionId)).find((entry) => entry.ageMonths < 24)!;
    const holders = (await active(sessionId)).filter((b) => b.ageMonths < 24);
    expect(holders).toHaveLength(2);
    const answers = await Promise.all(holders.map((h) => absent(sessionId, h.participantId)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);

    const babies = (await active(sessionId)).filter((b) => b.ageMonths < 24);
    expect(babies.map((b) => b.childId)).toEqual([baby.childId]);
    expect((await waiting(sessionId)).map((entry) => entry.ageMonths >= 24)).toEqual([true]);
    expect((await placeMessages(sessionId)).map((m) => m.participantId)).toEqual([baby.participantId]);
  });

  it('gives the places of a provider that has more now to the waiting toddlers, and tells their mothers', async () => {
    const toddlers = await Promise.all(
      sessionIds.map(async (id) => (await waiting(id)).find((entry) => entry.ageMonths >= 24)!),
    );
    await api
      .patch(`/childcare-providers/${providerId}`, {
        places: [
          { minAgeMonths: 0, maxAgeMonths: 23, capacity: 2 },
          { minAgeMonths: 24, maxAgeMonths: 48, capacity: 2 },
        ],
      })
      .expect(200);
    for (const [index, sessionId] of sessionIds.entries()) {
      expect((await active(sessionId)).map((b) => b.childId)).toContain(toddlers[index].childId);
      expect((await waiting(sessionId)).filter((entry) => entry.ageMonths >= 24)).toEqual([]);
      expect((await placeMessages(sessionId)).map((m) => m.participantId)).toContain(
        toddlers[index].participantId,
      );
    }
  });

  it('gives a place a coordinator cancels by hand to the baby waiting that day', async () => {
    const sessionId = sessionIds[2];
    const [baby] = await waiting(sessionId);
    expect(baby.ageMonths).toBeLessThan(24);
    const holder = (await active(sessionId)).find((b) => b.ageMonths < 24)!;
    const bookingId = (
      (await api.get(`/childcare/bookings?session=${sessionId}&limit=100`).expect(200)).body.items as {
        id: string;
        childId: string;
      }[]
    ).find((b) => b.childId === holder.childId)!.id;
    await api.post(`/childcare/bookings/${bookingId}/cancel`, { reason: 'grandmother cares' }).expect(200);
    expect((await active(sessionId)).map((b) => b.childId)).toContain(baby.childId);
    expect(await waiting(sessionId)).toEqual([]);
    expect((await placeMessages(sessionId)).map((m) => m.participantId)).toContain(baby.participantId);
  });

  it('never lets a provider hold more children at once than it has places', async () => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM childcare_bookings one
         JOIN childcare_places band ON band.provider_id = one.provider_id
           AND one.age_months BETWEEN band.min_age_months AND band.max_age_months
         WHERE one.status <> 'cancelled' AND (
           SELECT count(*) FROM childcare_bookings other
           WHERE other.provider_id = one.provider_id AND other.care_date = one.care_date
             AND other.status <> 'cancelled'
             AND other.age_months BETWEEN band.min_age_months AND band.max_age_months
             AND other."from" <= one."from" AND one."from" < other."to") > band.capacity`,
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('shows a coordinator only the mothers of her municipalities, and refuses a bad session id naming it', async () => {
    const regionId = (await api.get(`/regions?ref=${REGION}`).expect(200)).body.items[0].id;
    await api.post('/municipalities', { regionId, ref: 'zutphen', name: 'Zutphen' }).expect(201);
    const token = async (municipalities: string[]) =>
      (
        await api
          .post('/tokens', {
            role: 'coordinator',
            regions: [REGION],
            municipalities,
            label: municipalities[0],
          })
          .expect(201)
      ).body.token as string;
    const as = async (municipalities: string[]) =>
      (
        await request(api.app.getHttpServer())
          .get(`/childcare/waiting-list?region=${REGION}&limit=1000`)
          .set('Authorization', `Bearer ${await token(municipalities)}`)
          .expect(200)
      ).body;
    const all = (await api.get(`/childcare/waiting-list?region=${REGION}&limit=1000`).expect(200)).body;
    expect(all.total).toBeGreaterThan(0);
    expect((await as(['bronckhorst'])).total).toBe(all.total);
    expect(await as(['zutphen'])).toEqual({ items: [], total: 0 });
    const problem = (await api.get('/childcare/waiting-list?session=nope').expect(400)).body.message;
    expect(problem).toEqual([expect.stringMatching(/^session/)]);
  });
});
