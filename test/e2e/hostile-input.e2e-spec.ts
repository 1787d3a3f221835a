import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NormalisePhoneNumbers1795418610000 } from '../../migrations/1795418610000-NormalisePhoneNumbers';
import { village, weekdays } from '../factories/village.factory';
import { startTestApp, TestApp } from '../support/test-app';

const messagesOf = (body: { message: string | string[] }) =>
  Array.isArray(body.message) ? body.message : [body.message];

const toddler = (id: string) => ({ id, birthDate: '2028-01-15', careByPartner: false });

/** A village whose toddlers are all in one band of one provider, to book it full by hand. */
const grensdorp = () =>
  village({
    region: 'grensdorp',
    hours: weekdays('08:00', '18:00'),
    participants: [
      { id: 'p1', children: [toddler('t1'), toddler('t2')] },
      { id: 'p2', children: [toddler('t3'), toddler('t4')] },
    ],
    childcareProviders: [
      {
        id: 'kdv',
        name: 'Kinderopvang De Grens',
        kind: 'formal',
        position: { lat: 52.102, lon: 6.501 },
        openingHours: weekdays('07:30', '18:30'),
        places: [
          { minAgeMonths: 0, maxAgeMonths: 47, capacity: 4 },
          { minAgeMonths: 48, maxAgeMonths: 155, capacity: 2 },
        ],
        pricePerHour: 10,
      },
    ],
  });

/** Runs one statement in its own transaction, straight on the database, as a script or another path would. */
async function sql(url: string, text: string, values: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

describe('hostile input', () => {
  let api: TestApp;
  const ids: Record<string, string> = {};
  let regionId: string;
  let session: string;

  beforeAll(async () => {
    api = await startTestApp();
    const imported = await api.post('/imports/scenario', grensdorp());
    if (imported.status !== 200) throw new Error(JSON.stringify(imported.body));
    for (const path of ['/participants', '/children', '/childcare-providers', '/groups', '/municipalities']) {
      for (const item of (await api.get(`${path}?region=grensdorp&limit=100`).expect(200)).body.items)
        ids[item.ref] = item.id;
    }
    regionId = (await api.get('/regions/grensdorp').expect(200)).body.id;
    // Years ahead: the places rule counts bookings from today on.
    session = (
      await api
        .post('/sessions', {
          regionId,
          groupId: ids.g,
          start: '2031-03-03T09:30:00+01:00',
          end: '2031-03-03T12:00:00+01:00',
          trainerId: ids.tr,
        })
        .expect(201)
    ).body.id;
    // A new session is planned for at once: three toddlers stay booked, the fourth is cancelled by hand.
    const booked = (await api.get(`/childcare/bookings?session=${session}&limit=100`).expect(200)).body
      .items as {
      id: string;
      childId: string;
      status: string;
    }[];
    for (const child of ['t1', 't2', 't3', 't4']) {
      const booking = booked.find((b) => b.childId === ids[child] && b.status !== 'cancelled');
      if (child === 't4' && booking)
        await api.post(`/childcare/bookings/${booking.id}/cancel`, {}).expect(200);
      if (child !== 't4' && !booking)
        await api
          .post('/childcare/bookings', { childId: ids[child], sessionId: session, providerId: ids.kdv })
          .expect(201);
    }
  });
  afterAll(() => api.close());

  describe('childcare places', () => {
    const placesOf = async () =>
      (await api.get(`/childcare-providers/${ids.kdv}`).expect(200)).body.places as {
        minAgeMonths: number;
        maxAgeMonths: number;
        capacity: number;
      }[];
    const toddlers = (capacity: number) => ({ minAgeMonths: 0, maxAgeMonths: 47, capacity });
    const schoolchildren = { minAgeMonths: 48, maxAgeMonths: 155, capacity: 2 };

    it('refuses age bands that overlap, naming the band, and keeps the ones it had', async () => {
      const before = await placesOf();
      const answer = await api
        .patch(`/childcare-providers/${ids.kdv}`, {
          name: 'Renamed',
          places: [toddlers(4), { minAgeMonths: 24, maxAgeMonths: 71, capacity: 2 }],
        })
        .expect(400);
      expect(messagesOf(answer.body)).toEqual([
        expect.stringMatching(/^places\[1\]\.minAgeMonths: .*overlap places\[0\]/),
      ]);
      expect(await placesOf()).toEqual(before);
      expect((await api.get(`/childcare-providers/${ids.kdv}`).expect(200)).body.name).toBe(
        'Kinderopvang De Grens',
      );

      await api
        .post('/childcare-providers', {
          regionId,
          name: 'Dubbel',
          kind: 'formal',
          position: { lat: 52.1, lon: 6.5 },
          places: [toddlers(2), toddlers(2)],
        })
        .expect(400, /places\[1\]\.minAgeMonths/);
    });

    it('keeps bands from overlapping in the schema too, whatever writes them', async () => {
      await expect(
        sql(
          api.databaseUrl,
          `INSERT INTO childcare_places (provider_id, min_age_months, max_age_months, capacity) VALUES ($1, 12, 23, 2)`,
          [ids.kdv],
        ),
      ).rejects.toMatchObject({ code: '23P01' });
    });

    it('refuses fewer places than children booked, naming the band, and writes nothing', async () => {
      const before = await placesOf();
      const lower = await api
        .patch(`/childcare-providers/${ids.kdv}`, { name: 'Renamed', places: [schoolchildren, toddlers(2)] })
        .expect(409);
      expect(messagesOf(lower.body)).toEqual([
        expect.stringMatching(
          /^places\[1\]\.capacity: 2 places for ages 0 to 47 months, but 3 children are booked at once on 2031-03-03/,
        ),
      ]);
      const dropped = await api
        .patch(`/childcare-providers/${ids.kdv}`, { places: [schoolchildren] })
        .expect(409);
      expect(messagesOf(dropped.body)[0]).toMatch(
        /^places: no band takes the child of \d+ months booked on 2031-03-03/,
      );
      const provider = (await api.get(`/childcare-providers/${ids.kdv}`).expect(200)).body;
      expect(provider.name).toBe('Kinderopvang De Grens');
      expect(provider.places).toEqual(before);

      await expect(
        sql(
          api.databaseUrl,
          `UPDATE childcare_places SET capacity = 1 WHERE provider_id = $1 AND min_age_months = 0`,
          [ids.kdv],
        ),
      ).rejects.toMatchObject({ code: 'TPC01' });

      // Down to exactly what is booked is fine.
      await api
        .patch(`/childcare-providers/${ids.kdv}`, { places: [toddlers(3), schoolchildren] })
        .expect(200);
      await api
        .patch(`/childcare-providers/${ids.kdv}`, { places: [toddlers(4), schoolchildren] })
        .expect(200);
    });

    it('lets either a lower capacity or one more booking through when both come at once, never both', async () => {
      for (let round = 0; round < 4; round++) {
        const [lower, book] = await Promise.all([
          api.patch(`/childcare-providers/${ids.kdv}`, { places: [toddlers(3), schoolchildren] }),
          api.post('/childcare/bookings', { childId: ids.t4, sessionId: session, providerId: ids.kdv }),
        ]);
        expect([lower.status, book.status].sort()).toEqual(lower.status === 200 ? [200, 409] : [201, 409]);
        const booked = (
          await api.get(`/childcare/bookings?session=${session}&limit=100`).expect(200)
        ).body.items.filter((booking: { status: string }) => booking.status !== 'cancelled');
        const capacity = (await placesOf()).find((band) => band.minAgeMonths === 0)!.capacity;
        expect(booked.length).toBeLessThanOrEqual(capacity);
        // Back to four places and three children for the next round.
        if (book.status === 201) await api.post(`/childcare/bookings/${book.body.id}/cancel`, {}).expect(200);
        await api
          .patch(`/childcare-providers/${ids.kdv}`, { places: [toddlers(4), schoolchildren] })
          .expect(200);
      }
    });
  });

  describe('wall-clock times the clocks skip', () => {
    let providerId: string;
    const sundayNight = {
      weekday: 7,
      from: '02:30',
      to: '03:15',
      validFrom: '2027-01-04',
      validTo: '2027-07-09',
    };
    const lesson = (overrides: object = {}) => ({
      participantId: ids.p1,
      providerId,
      position: { lat: 52.11, lon: 6.52 },
      ...sundayNight,
      ...overrides,
    });
    const lessonsOf = async () =>
      (await api.get(`/lessons?participant=${ids.p1}&limit=100`).expect(200)).body.items as { id: string }[];

    beforeAll(async () => {
      providerId = (await api.post('/language-providers', { regionId, name: 'Taalhuis' }).expect(201)).body
        .id;
    });

    it('refuses a lesson that starts in the hour skipped in spring, naming from', async () => {
      const answer = await api.post('/lessons', lesson()).expect(400);
      expect(messagesOf(answer.body)).toEqual([
        expect.stringMatching(/^from: 02:30 does not exist on 2027-03-28 in Europe\/Amsterdam/),
      ]);
      const endOnly = await api.post('/lessons', lesson({ from: '01:30', to: '02:15' })).expect(400);
      expect(messagesOf(endOnly.body)[0]).toMatch(/^to: 02:15 does not exist on 2027-03-28/);
      expect(await lessonsOf()).toEqual([]);
    });

    it('takes the same lesson in a validity without the change, and refuses stretching it over the change', async () => {
      const created = await api.post('/lessons', lesson({ validTo: '2027-03-27' })).expect(201);
      const stretched = await api.patch(`/lessons/${created.body.id}`, { validTo: '2027-07-09' }).expect(400);
      expect(messagesOf(stretched.body)[0]).toMatch(/^from: 02:30 does not exist on 2027-03-28/);
      expect((await api.get(`/lessons/${created.body.id}`).expect(200)).body.validTo).toBe('2027-03-27');
      await api.delete(`/lessons/${created.body.id}`).expect(204);
    });

    it('refuses a timetable file with such a lesson, naming its line and column, and imports nothing', async () => {
      const csv =
        'participant;weekday;from;to;place;validFrom;validTo\n' +
        'p1;ma;09:00;11:30;"52.1158,6.5215";2027-01-04;2027-07-09\n' +
        'p1;zo;02:30;03:15;"52.1158,6.5215";2027-01-04;2027-07-09\n';
      const answer = await api
        .post(`/language-providers/${providerId}/timetable`)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(400);
      expect(messagesOf(answer.body)).toEqual([
        expect.stringMatching(/^line 3: from: 02:30 does not exist on 2027-03-28 in Europe\/Amsterdam/),
      ]);
      expect(await lessonsOf()).toEqual([]);
    });

    it('refuses an appointment in the skipped hour', async () => {
      const answer = await api
        .post('/appointments', { participantId: ids.p1, date: '2027-03-28', from: '02:30', to: '03:15' })
        .expect(400);
      expect(messagesOf(answer.body)[0]).toMatch(/^from: 02:30 does not exist on 2027-03-28/);
      await api
        .post('/appointments', { participantId: ids.p1, date: '2027-03-28', from: '03:00', to: '03:15' })
        .expect(201);
    });
  });

  describe('phone numbers', () => {
    const participant = (phone: string) => ({
      regionId,
      municipalityId: ids.gem,
      name: 'Hawa',
      phone,
      language: 'ti',
      reminderChannel: 'sms',
      transport: 'public',
      address: 'Dorpsstraat 3',
      position: { lat: 52.1, lon: 6.5 },
    });
    const participantCount = async () =>
      (await api.get('/participants?region=grensdorp&limit=1').expect(200)).body.total as number;

    it('stores every way of typing one number as the same E.164 number', async () => {
      const typed = ['+31 6 11112222', '06-1111 2222', '0031611112222', '+31 (0)6 11112222'];
      for (const phone of typed) {
        const created = await api.post('/participants', participant(phone)).expect(201);
        expect(created.body.phone).toBe('+31611112222');
      }
      const driver = await api
        .post('/drivers', { regionId, name: 'Gerrit', phone: '0544 123456' })
        .expect(201);
      expect(driver.body.phone).toBe('+31544123456');
      const patched = await api.patch(`/drivers/${driver.body.id}`, { phone: '06 1111 2222' }).expect(200);
      expect(patched.body.phone).toBe('+31611112222');
    });

    it('refuses a number that is not in use, naming the field, and writes nothing', async () => {
      const count = await participantCount();
      for (const phone of ['12345', '+31 6 1111', 'bel haar zus', '06 1234 56789']) {
        const answer = await api.post('/participants', participant(phone)).expect(400);
        expect(messagesOf(answer.body)).toEqual([
          expect.stringMatching(/^phone: must be a phone number in use/),
        ]);
      }
      expect(await participantCount()).toBe(count);
      const before = (await api.get(`/participants/${ids.p1}`).expect(200)).body.phone;
      await api.patch(`/participants/${ids.p1}`, { phone: '0612' }).expect(400, /phone: /);
      expect((await api.get(`/participants/${ids.p1}`).expect(200)).body.phone).toBe(before);
    });

    it('normalises the numbers of a scenario import and refuses one not in use by its path', async () => {
      const scenario = village({
        region: 'telefoondorp',
        participants: [
          { id: 'q1', phone: '06 2222 3333' },
          { id: 'q2', phone: '+31 6 22223334' },
        ],
      });
      await api.post('/imports/scenario', scenario).expect(200);
      const phones = (await api.get('/participants?region=telefoondorp&limit=10').expect(200)).body.items.map(
        (item: { phone: string }) => item.phone,
      );
      expect(phones.sort()).toEqual(['+31622223333', '+31622223334']);

      const broken = village({ region: 'kapotdorp', participants: [{ id: 'q1', phone: '0622' }] });
      const answer = await api.post('/imports/scenario', broken).expect(400);
      expect(messagesOf(answer.body)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^participants\[0\]\.phone: must be a phone number in use/),
        ]),
      );
      await api.get('/regions/kapotdorp').expect(404);
    });

    it('normalises the numbers already stored, leaving the ones it cannot read as they were', async () => {
      const [p1, p2] = [ids.p1, ids.p2];
      await sql(api.databaseUrl, `UPDATE participants SET phone = '06 3333 4444' WHERE id = $1`, [p1]);
      await sql(api.databaseUrl, `UPDATE participants SET phone = 'bel haar zus' WHERE id = $1`, [p2]);
      const dataSource = new DataSource({ type: 'postgres', url: api.databaseUrl });
      await dataSource.initialize();
      const runner = dataSource.createQueryRunner();
      try {
        await new NormalisePhoneNumbers1795418610000().up(runner);
      } finally {
        await runner.release();
        await dataSource.destroy();
      }
      expect((await api.get(`/participants/${p1}`).expect(200)).body.phone).toBe('+31633334444');
      expect((await api.get(`/participants/${p2}`).expect(200)).body.phone).toBe('bel haar zus');
    });
  });
});
