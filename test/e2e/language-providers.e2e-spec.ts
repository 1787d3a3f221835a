import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf } from '../support/answers';

const expectFieldErrors = (body: { message: string | string[] }, fields: string[]) => {
  const messages = messagesOf(body);
  for (const field of fields) {
    expect(
      messages.some((message) => message.startsWith(`${field}: `) || message.includes(`property ${field} `)),
    ).toBe(true);
  }
};

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('language providers and lessons', () => {
  let api: TestApp;
  let regionId: string;
  let otherRegionId: string;
  let municipalityId: string;
  let otherMunicipalityId: string;

  const createParticipant = async (region = regionId, municipality = municipalityId) =>
    (
      await api
        .post('/participants', {
          regionId: region,
          municipalityId: municipality,
          name: 'Selam',
          phone: '06-12345678',
          language: 'ti',
          reminderChannel: 'sms',
          transport: 'public',
          address: 'Stationsstraat 2, Borculo',
          position: { lat: 52.11, lon: 6.52 },
        })
        .expect(201)
    ).body;

  const createProvider = async (overrides: Record<string, unknown> = {}) =>
    (await api.post('/language-providers', { regionId, name: 'Taalschool Oost', ...overrides }).expect(201))
      .body;

  const lesson = (participantId: string, providerId: string, overrides: Record<string, unknown> = {}) => ({
    participantId,
    providerId,
    weekday: 1,
    from: '09:00',
    to: '11:30',
    position: { lat: 52.12, lon: 6.5 },
    validFrom: '2027-01-04',
    validTo: '2027-07-09',
    ...overrides,
  });

  const createLesson = async (
    participantId: string,
    providerId: string,
    overrides: Record<string, unknown> = {},
  ) => (await api.post('/lessons', lesson(participantId, providerId, overrides)).expect(201)).body;

  beforeAll(async () => {
    api = await startTestApp();
    regionId = (await api.post('/regions', { ref: 'berkelland', name: 'Berkelland' }).expect(201)).body.id;
    otherRegionId = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body.id;
    municipalityId = (await api.post('/municipalities', { regionId, name: 'Borculo' }).expect(201)).body.id;
    otherMunicipalityId = (
      await api.post('/municipalities', { regionId: otherRegionId, name: 'Enschede' }).expect(201)
    ).body.id;
  });
  afterAll(() => api.close());

  describe('/language-providers', () => {
    it('creates, reads, updates and deletes a language provider', async () => {
      const created = await createProvider({ ref: 'crud', email: 'rooster@taalschool.example' });
      expect(created).toEqual({
        id: expect.any(String),
        regionId,
        ref: 'crud',
        name: 'Taalschool Oost',
        email: 'rooster@taalschool.example',
      });
      expect((await api.get(`/language-providers/${created.id}`).expect(200)).body).toEqual(created);

      const renamed = await api
        .patch(`/language-providers/${created.id}`, { name: 'Taalhuis Oost', email: null })
        .expect(200);
      expect(renamed.body).toEqual({ ...created, name: 'Taalhuis Oost', email: null });

      await api.delete(`/language-providers/${created.id}`).expect(204);
      await api.get(`/language-providers/${created.id}`).expect(404);
    });

    it('lists language providers by name with pages and the region and ref filters', async () => {
      const { body: region } = await api.post('/regions', { ref: 'providers', name: 'P' }).expect(201);
      const zuid = await createProvider({ regionId: region.id, name: 'Zuid', ref: 'p1' });
      const alfa = await createProvider({ regionId: region.id, name: 'Alfa', ref: 'p2' });
      const midden = await createProvider({ regionId: region.id, name: 'Midden', ref: 'p3' });
      await createProvider({ ref: 'p1' });

      const all = await api.get('/language-providers?region=providers').expect(200);
      expect(all.body.total).toBe(3);
      expect(ids(all.body)).toEqual([alfa.id, midden.id, zuid.id]);

      const page = await api.get(`/language-providers?region=${region.id}&limit=1&offset=2`).expect(200);
      expect(page.body).toMatchObject({ total: 3, items: [{ id: zuid.id }] });

      const byRef = await api.get('/language-providers?region=providers&ref=p1').expect(200);
      expect(ids(byRef.body)).toEqual([zuid.id]);
      expect((await api.get('/language-providers?ref=p1').expect(200)).body.total).toBe(2);

      const unknownRegion = await api.get('/language-providers?region=nowhere').expect(400);
      expect(unknownRegion.body.message).toMatch(/^region: /);
      await api.get('/language-providers?limit=0').expect(400);
    });

    it('answers 400 naming every bad field', async () => {
      const response = await api
        .post('/language-providers', {
          regionId: 'berkelland',
          name: '',
          email: 'rooster-at-school',
          colour: 1,
        })
        .expect(400);
      expectFieldErrors(response.body, ['regionId', 'name', 'email', 'colour']);

      const unknownRegion = await api
        .post('/language-providers', { regionId: UNKNOWN_ID, name: 'X' })
        .expect(400);
      expect(unknownRegion.body.message).toMatch(/^regionId: /);

      const provider = await createProvider();
      const nulled = await api.patch(`/language-providers/${provider.id}`, { name: null }).expect(400);
      expectFieldErrors(nulled.body, ['name']);
      const moved = await api
        .patch(`/language-providers/${provider.id}`, { regionId: otherRegionId })
        .expect(400);
      expectFieldErrors(moved.body, ['regionId']);
    });

    it('refuses a second language provider with the same ref in the region with 409', async () => {
      await createProvider({ ref: 'twice' });
      const again = await api
        .post('/language-providers', { regionId, name: 'Again', ref: 'twice' })
        .expect(409);
      expect(again.body.message).toMatch(/^ref: /);
    });

    it('answers 404 for an unknown language provider', async () => {
      await api.get(`/language-providers/${UNKNOWN_ID}`).expect(404);
      await api.patch(`/language-providers/${UNKNOWN_ID}`, { name: 'X' }).expect(404);
      const removed = await api.delete(`/language-providers/${UNKNOWN_ID}`).expect(404);
      expect(removed.body.message).toBe(`language provider ${UNKNOWN_ID}: not found`);
      await api.get('/language-providers/not-a-uuid').expect(400);
    });

    it('refuses to delete a language provider that still gives lessons (409)', async () => {
      const provider = await createProvider();
      const created = await createLesson((await createParticipant()).id, provider.id);

      const inUse = await api.delete(`/language-providers/${provider.id}`).expect(409);
      expect(inUse.body.message).toMatch(/still in use/);

      await api.delete(`/lessons/${created.id}`).expect(204);
      await api.delete(`/language-providers/${provider.id}`).expect(204);
    });
  });

  describe('/lessons', () => {
    it('creates, reads, updates and deletes a lesson', async () => {
      const her = await createParticipant();
      const provider = await createProvider();
      const otherProvider = await createProvider({ name: 'Taalhuis' });
      const created = await createLesson(her.id, provider.id);
      expect(created).toEqual({ id: expect.any(String), regionId, ...lesson(her.id, provider.id) });
      expect((await api.get(`/lessons/${created.id}`).expect(200)).body).toEqual(created);

      const updated = await api
        .patch(`/lessons/${created.id}`, {
          providerId: otherProvider.id,
          weekday: 3,
          from: '13:00',
          to: '15:00',
          position: { lat: 52.2, lon: 6.4 },
          validTo: '2027-12-17',
        })
        .expect(200);
      expect(updated.body).toEqual({
        ...created,
        providerId: otherProvider.id,
        weekday: 3,
        from: '13:00',
        to: '15:00',
        position: { lat: 52.2, lon: 6.4 },
        validTo: '2027-12-17',
      });

      await api.delete(`/lessons/${created.id}`).expect(204);
      await api.get(`/lessons/${created.id}`).expect(404);
    });

    it('lists lessons by participant, weekday and time with pages and the region, participant and provider filters', async () => {
      const { body: region } = await api.post('/regions', { ref: 'lessons', name: 'L' }).expect(201);
      const { body: municipality } = await api
        .post('/municipalities', { regionId: region.id, name: 'M' })
        .expect(201);
      const first = await createParticipant(region.id, municipality.id);
      const second = await createParticipant(region.id, municipality.id);
      const outside = await createParticipant();
      const school = await createProvider({ regionId: region.id });
      const other = await createProvider({ regionId: region.id, name: 'Other' });
      const outsideSchool = await createProvider();

      const [low, high] = [first, second].sort((a, b) => a.id.localeCompare(b.id));
      const highMonday = await createLesson(high.id, school.id, { weekday: 1, from: '09:00', to: '10:00' });
      const lowThursday = await createLesson(low.id, other.id, { weekday: 4, from: '09:00', to: '10:00' });
      const lowMondayLate = await createLesson(low.id, school.id, { weekday: 1, from: '13:00', to: '15:00' });
      const lowMondayEarly = await createLesson(low.id, school.id, {
        weekday: 1,
        from: '08:30',
        to: '10:00',
      });
      await createLesson(outside.id, outsideSchool.id);

      const inRegion = await api.get('/lessons?region=lessons').expect(200);
      expect(inRegion.body.total).toBe(4);
      expect(ids(inRegion.body)).toEqual([
        lowMondayEarly.id,
        lowMondayLate.id,
        lowThursday.id,
        highMonday.id,
      ]);
      expect(inRegion.body.items.every((item: { regionId: string }) => item.regionId === region.id)).toBe(
        true,
      );

      const page = await api.get(`/lessons?region=${region.id}&limit=2&offset=1`).expect(200);
      expect(page.body.total).toBe(4);
      expect(ids(page.body)).toEqual([lowMondayLate.id, lowThursday.id]);

      const ofLow = await api.get(`/lessons?participant=${low.id}`).expect(200);
      expect(ids(ofLow.body)).toEqual([lowMondayEarly.id, lowMondayLate.id, lowThursday.id]);

      const atSchool = await api.get(`/lessons?provider=${school.id}`).expect(200);
      expect(ids(atSchool.body)).toEqual([lowMondayEarly.id, lowMondayLate.id, highMonday.id]);

      const both = await api.get(`/lessons?participant=${low.id}&provider=${other.id}`).expect(200);
      expect(ids(both.body)).toEqual([lowThursday.id]);

      expect((await api.get('/lessons?region=nowhere').expect(400)).body.message).toMatch(/^region: /);
      const unknownParticipant = await api.get(`/lessons?participant=${UNKNOWN_ID}`).expect(400);
      expect(unknownParticipant.body.message).toMatch(/^participant: /);
      const unknownProvider = await api.get(`/lessons?provider=${UNKNOWN_ID}`).expect(400);
      expect(unknownProvider.body.message).toMatch(/^provider: /);
      expectFieldErrors((await api.get('/lessons?provider=school').expect(400)).body, ['provider']);
    });

    it('answers 400 naming every bad field, including to before from and validTo before validFrom', async () => {
      const her = await createParticipant();
      const provider = await createProvider();
      const bad = await api
        .post(
          '/lessons',
          lesson(her.id, provider.id, {
            weekday: 8,
            from: '11:30',
            to: '09:00',
            position: { lat: 52.1 },
            validFrom: '2027-07-09',
            validTo: '2027-01-04',
          }),
        )
        .expect(400);
      expectFieldErrors(bad.body, ['weekday', 'to', 'position.lon', 'validTo']);

      const sameTimes = await api.post('/lessons', lesson(her.id, provider.id, { to: '09:00' })).expect(400);
      expectFieldErrors(sameTimes.body, ['to']);
      // validTo may equal validFrom: a series of one lesson.
      await createLesson(her.id, provider.id, { validFrom: '2027-03-01', validTo: '2027-03-01' });

      const missing = await api
        .post('/lessons', { participantId: her.id, providerId: provider.id, weekday: 1 })
        .expect(400);
      expectFieldErrors(missing.body, ['from', 'to', 'position', 'validFrom', 'validTo']);
    });

    it('checks one end given on update against the stored other end', async () => {
      const created = await createLesson((await createParticipant()).id, (await createProvider()).id);
      const to = await api.patch(`/lessons/${created.id}`, { to: '08:00' }).expect(400);
      expect(to.body.message).toBe('to: must be after from');
      const validTo = await api.patch(`/lessons/${created.id}`, { validTo: '2026-12-31' }).expect(400);
      expect(validTo.body.message).toBe('validTo: must be on or after validFrom');
      const nulled = await api.patch(`/lessons/${created.id}`, { weekday: null }).expect(400);
      expectFieldErrors(nulled.body, ['weekday']);
      const moved = await api.patch(`/lessons/${created.id}`, { participantId: UNKNOWN_ID }).expect(400);
      expectFieldErrors(moved.body, ['participantId']);
      expect((await api.get(`/lessons/${created.id}`).expect(200)).body).toEqual(created);
    });

    it('refuses a language provider of another region, and a participant that does not exist', async () => {
      const her = await createParticipant();
      const elsewhere = await createProvider({ regionId: otherRegionId });
      const created = await api.post('/lessons', lesson(her.id, elsewhere.id)).expect(400);
      expect(created.body.message).toBe(`providerId: no language provider ${elsewhere.id} in this region`);

      const existing = await createLesson(her.id, (await createProvider()).id);
      const updated = await api.patch(`/lessons/${existing.id}`, { providerId: elsewhere.id }).expect(400);
      expect(updated.body.message).toMatch(/^providerId: /);

      const unknownProvider = await api.post('/lessons', lesson(her.id, UNKNOWN_ID)).expect(400);
      expect(unknownProvider.body.message).toMatch(/^providerId: /);
      const unknownParticipant = await api.post('/lessons', lesson(UNKNOWN_ID, elsewhere.id)).expect(400);
      expect(unknownParticipant.body.message).toBe(`participantId: no participant ${UNKNOWN_ID}`);
    });

    it('answers 404 for an unknown lesson', async () => {
      await api.get(`/lessons/${UNKNOWN_ID}`).expect(404);
      await api.patch(`/lessons/${UNKNOWN_ID}`, { weekday: 2 }).expect(404);
      const removed = await api.delete(`/lessons/${UNKNOWN_ID}`).expect(404);
      expect(removed.body.message).toBe(`lesson ${UNKNOWN_ID}: not found`);
    });

    it('deletes her lessons with a participant', async () => {
      const her = await createParticipant();
      const created = await createLesson(her.id, (await createProvider()).id);
      await api.delete(`/participants/${her.id}`).expect(204);
      await api.get(`/lessons/${created.id}`).expect(404);
    });
  });

  describe('GET /participants/:id/lessons/occurrences', () => {
    it('keeps a Monday 09:00–11:30 lesson at 09:00 local time across the start of summer time', async () => {
      const her = await createParticipant();
      const provider = await createProvider();
      const monday = await createLesson(her.id, provider.id, { weekday: 1, from: '09:00', to: '11:30' });

      const response = await api
        .get(`/participants/${her.id}/lessons/occurrences?from=2027-03-22&to=2027-04-04`)
        .expect(200);
      expect(response.body).toEqual({
        items: [
          {
            lessonId: monday.id,
            providerId: provider.id,
            date: '2027-03-22',
            start: '2027-03-22T09:00:00+01:00',
            end: '2027-03-22T11:30:00+01:00',
          },
          {
            lessonId: monday.id,
            providerId: provider.id,
            date: '2027-03-29',
            start: '2027-03-29T09:00:00+02:00',
            end: '2027-03-29T11:30:00+02:00',
          },
        ],
      });
    });

    it('lists every lesson in date order, within each series’ validity', async () => {
      const her = await createParticipant();
      const provider = await createProvider();
      const monday = await createLesson(her.id, provider.id, { weekday: 1, validTo: '2027-03-22' });
      const wednesday = await createLesson(her.id, provider.id, {
        weekday: 3,
        from: '13:00',
        to: '15:00',
        validFrom: '2027-03-24',
      });
      const other = await createParticipant();
      await createLesson(other.id, provider.id, { weekday: 2 });

      const response = await api
        .get(`/participants/${her.id}/lessons/occurrences?from=2027-03-15&to=2027-03-31`)
        .expect(200);
      expect(
        response.body.items.map((item: { lessonId: string; date: string }) => [item.lessonId, item.date]),
      ).toEqual([
        [monday.id, '2027-03-15'],
        [monday.id, '2027-03-22'],
        [wednesday.id, '2027-03-24'],
        [wednesday.id, '2027-03-31'],
      ]);

      const oneDay = await api
        .get(`/participants/${her.id}/lessons/occurrences?from=2027-03-22&to=2027-03-22`)
        .expect(200);
      expect(oneDay.body.items).toHaveLength(1);
    });

    it("uses the time zone of the participant's region", async () => {
      const { body: region } = await api
        .post('/regions', { ref: 'london', name: 'London', timezone: 'Europe/London' })
        .expect(201);
      const { body: municipality } = await api
        .post('/municipalities', { regionId: region.id, name: 'Camden' })
        .expect(201);
      const her = await createParticipant(region.id, municipality.id);
      const provider = await createProvider({ regionId: region.id });
      await createLesson(her.id, provider.id);

      const response = await api
        .get(`/participants/${her.id}/lessons/occurrences?from=2027-03-22&to=2027-03-29`)
        .expect(200);
      expect(response.body.items.map((item: { start: string }) => item.start)).toEqual([
        '2027-03-22T09:00:00+00:00',
        '2027-03-29T09:00:00+01:00',
      ]);
    });

    it('answers an empty list for a participant without lessons', async () => {
      const her = await createParticipant(otherRegionId, otherMunicipalityId);
      const response = await api
        .get(`/participants/${her.id}/lessons/occurrences?from=2027-01-01&to=2027-12-31`)
        .expect(200);
      expect(response.body).toEqual({ items: [] });
    });

    it('answers 400 naming the field for a bad or too long range, and 404 for an unknown participant', async () => {
      const her = await createParticipant();
      const path = `/participants/${her.id}/lessons/occurrences`;

      // 2028 is a leap year: 366 days after 2027-03-01 is 2028-03-01, the longest range allowed.
      await api.get(`${path}?from=2027-03-01&to=2028-03-01`).expect(200);
      const tooLong = await api.get(`${path}?from=2027-03-01&to=2028-03-02`).expect(400);
      expect(tooLong.body.message).toBe('to: must be at most 366 days after from');

      const backwards = await api.get(`${path}?from=2027-03-29&to=2027-03-22`).expect(400);
      expectFieldErrors(backwards.body, ['to']);
      const badDates = await api.get(`${path}?from=2027-02-30&to=tomorrow`).expect(400);
      expectFieldErrors(badDates.body, ['from', 'to']);
      const missing = await api.get(path).expect(400);
      expectFieldErrors(missing.body, ['from', 'to']);

      const unknown = await api
        .get(`/participants/${UNKNOWN_ID}/lessons/occurrences?from=2027-03-22&to=2027-03-29`)
        .expect(404);
      expect(unknown.body.message).toBe(`participant ${UNKNOWN_ID}: not found`);
      await api.get('/participants/not-a-uuid/lessons/occurrences?from=2027-03-22&to=2027-03-29').expect(400);
    });
  });
});
