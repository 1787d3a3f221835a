import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf, namesOf } from '../support/answers';

const without = (object: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

const expectFieldErrors = (body: { message: string | string[] }, fields: string[]) => {
  const messages = messagesOf(body);
  for (const field of fields) {
    expect(
      messages.some((message) => message.startsWith(`${field}: `) || message.includes(`property ${field} `)),
    ).toBe(true);
  }
};

describe('participants, children and appointments', () => {
  let api: TestApp;
  let regionId: string;
  let otherRegionId: string;
  let eibergen: string;
  let neede: string;
  let enschede: string;

  const participant = (overrides: Record<string, unknown> = {}) => ({
    regionId,
    municipalityId: eibergen,
    name: 'Amina',
    phone: '+31612345678',
    email: 'amina@example.org',
    language: 'ar',
    interpreterNeeded: true,
    reminderChannel: 'whatsapp',
    transport: 'pickup',
    address: 'Marktstraat 1, Eibergen',
    position: { lat: 52.1, lon: 6.65 },
    ...overrides,
  });

  const createParticipant = async (overrides: Record<string, unknown> = {}) =>
    (await api.post('/participants', participant(overrides)).expect(201)).body;

  beforeAll(async () => {
    api = await startTestApp();
    regionId = (await api.post('/regions', { ref: 'berkelland', name: 'Berkelland' }).expect(201)).body.id;
    otherRegionId = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body.id;
    const municipality = async (region: string, ref: string, name: string) =>
      (await api.post('/municipalities', { regionId: region, ref, name }).expect(201)).body.id;
    eibergen = await municipality(regionId, 'eibergen', 'Eibergen');
    neede = await municipality(regionId, 'neede', 'Neede');
    enschede = await municipality(otherRegionId, 'enschede', 'Enschede');
  });
  afterAll(() => api.close());

  describe('/participants', () => {
    it('creates, reads, updates and deletes a participant', async () => {
      const created = await createParticipant({ ref: 'crud' });
      expect(created).toEqual({
        id: expect.any(String),
        level: null,
        readyFrom: null,
        ...participant({ ref: 'crud' }),
        carSeatsOffered: 0,
      });

      const read = await api.get(`/participants/${created.id}`).expect(200);
      expect(read.body).toEqual(created);

      const updated = await api
        .patch(`/participants/${created.id}`, {
          municipalityId: neede,
          email: null,
          language: 'prs',
          transport: 'bike',
          position: { lat: 52.13, lon: 6.6 },
        })
        .expect(200);
      expect(updated.body).toEqual({
        ...created,
        municipalityId: neede,
        email: null,
        language: 'prs',
        transport: 'bike',
        position: { lat: 52.13, lon: 6.6 },
      });
      expect((await api.get(`/participants/${created.id}`).expect(200)).body).toEqual(updated.body);

      await api.delete(`/participants/${created.id}`).expect(204);
      await api.get(`/participants/${created.id}`).expect(404);
    });

    it('leaves out the optional fields: no e-mail, no interpreter, no ref', async () => {
      const created = await api
        .post('/participants', without(participant(), 'email', 'interpreterNeeded'))
        .expect(201);
      expect(created.body).toMatchObject({ email: null, interpreterNeeded: false, ref: null });
    });

    it('lists participants by name with pages and the region, municipality and ref filters', async () => {
      const { body: list } = await api.post('/regions', { ref: 'list-region', name: 'List' }).expect(201);
      const north = (
        await api.post('/municipalities', { regionId: list.id, ref: 'north', name: 'N' }).expect(201)
      ).body.id;
      const south = (
        await api.post('/municipalities', { regionId: list.id, ref: 'south', name: 'S' }).expect(201)
      ).body.id;
      for (const [name, municipalityId, ref] of [
        ['Hawa', north, 'l1'],
        ['Fatima', south, 'l2'],
        ['Bisrat', north, 'l3'],
      ]) {
        await createParticipant({ regionId: list.id, municipalityId, name, ref });
      }
      // Same ref in another region: the ref filter alone finds both, with the region only one.
      await createParticipant({ ref: 'l1' });

      const all = await api.get('/participants?region=list-region').expect(200);
      expect(all.body.total).toBe(3);
      expect(namesOf(all.body)).toEqual(['Bisrat', 'Fatima', 'Hawa']);
      expect(all.body.items.every((item: { regionId: string }) => item.regionId === list.id)).toBe(true);

      const page = await api.get(`/participants?region=${list.id}&limit=1&offset=1`).expect(200);
      expect(page.body).toMatchObject({ total: 3, items: [{ name: 'Fatima' }] });

      const byMunicipalityId = await api.get(`/participants?municipality=${north}`).expect(200);
      expect(namesOf(byMunicipalityId.body)).toEqual(['Bisrat', 'Hawa']);
      const byMunicipalityRef = await api
        .get('/participants?region=list-region&municipality=south')
        .expect(200);
      expect(namesOf(byMunicipalityRef.body)).toEqual(['Fatima']);

      const byRef = await api.get('/participants?ref=l1').expect(200);
      expect(byRef.body.total).toBe(2);
      const byRegionAndRef = await api.get('/participants?region=list-region&ref=l1').expect(200);
      expect(byRegionAndRef.body).toMatchObject({ total: 1, items: [{ name: 'Hawa' }] });

      const unknownRegion = await api.get('/participants?region=nowhere').expect(400);
      expect(unknownRegion.body.message).toMatch(/^region: /);
      const unknownMunicipality = await api.get('/participants?municipality=nowhere').expect(400);
      expect(unknownMunicipality.body.message).toMatch(/^municipality: /);
      const unknownParameter = await api.get('/participants?colour=blue').expect(400);
      expectFieldErrors(unknownParameter.body, ['colour']);
    });

    it('answers 400 naming every bad field', async () => {
      const response = await api
        .post('/participants', {
          ...participant(),
          name: '',
          phone: 'call me',
          email: 'not-an-address',
          language: 'Arabic',
          interpreterNeeded: 'yes',
          reminderChannel: 'pigeon',
          transport: 'car',
          position: { lat: 95, lon: 'east' },
          colour: 'blue',
        })
        .expect(400);
      expectFieldErrors(response.body, [
        'name',
        'phone',
        'email',
        'language',
        'interpreterNeeded',
        'reminderChannel',
        'transport',
        'position.lat',
        'position.lon',
        'colour',
      ]);

      const missing = await api
        .post('/participants', without(participant(), 'position', 'address'))
        .expect(400);
      expectFieldErrors(missing.body, ['position', 'address']);

      const uppercase = await api.post('/participants', participant({ language: 'NL' })).expect(400);
      expectFieldErrors(uppercase.body, ['language']);
    });

    it('refuses null for a required field on update, and a move to another region', async () => {
      const created = await createParticipant();
      const nulls = await api
        .patch(`/participants/${created.id}`, { name: null, interpreterNeeded: null })
        .expect(400);
      expectFieldErrors(nulls.body, ['name', 'interpreterNeeded']);
      const move = await api.patch(`/participants/${created.id}`, { regionId: otherRegionId }).expect(400);
      expectFieldErrors(move.body, ['regionId']);
    });

    it('refuses a municipality of another region, on create and on update', async () => {
      const created = await api.post('/participants', participant({ municipalityId: enschede })).expect(400);
      expect(created.body.message).toBe(`municipalityId: no municipality ${enschede} in this region`);

      const existing = await createParticipant();
      const updated = await api
        .patch(`/participants/${existing.id}`, { municipalityId: enschede })
        .expect(400);
      expect(updated.body.message).toMatch(/^municipalityId: /);
    });

    it('refuses a region that does not exist', async () => {
      const response = await api.post('/participants', participant({ regionId: UNKNOWN_ID })).expect(400);
      expect(response.body.message).toMatch(/^regionId: /);
    });

    it('refuses a second participant with the same ref in the region with 409', async () => {
      await createParticipant({ ref: 'twice' });
      const again = await api.post('/participants', participant({ ref: 'twice' })).expect(409);
      expect(again.body.message).toMatch(/^ref: /);
      // The same ref in another region is another participant.
      await createParticipant({ ref: 'twice', regionId: otherRegionId, municipalityId: enschede });
    });

    it('answers 404 for an unknown participant and 400 for an id that is not a UUID', async () => {
      for (const response of [
        await api.get(`/participants/${UNKNOWN_ID}`),
        await api.patch(`/participants/${UNKNOWN_ID}`, { name: 'X' }),
        await api.delete(`/participants/${UNKNOWN_ID}`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body.message).toBe(`participant ${UNKNOWN_ID}: not found`);
      }
      const bad = await api.get('/participants/not-a-uuid').expect(400);
      expect(bad.body.message).toMatch(/^id: /);
    });

    it('keeps a municipality with participants from being deleted (409)', async () => {
      const { body: municipality } = await api
        .post('/municipalities', { regionId, ref: 'kept', name: 'Kept' })
        .expect(201);
      await createParticipant({ municipalityId: municipality.id });
      await api.delete(`/municipalities/${municipality.id}`).expect(409);
    });
  });

  describe('/children', () => {
    it('creates a child in her mother’s region, reads, updates and deletes it', async () => {
      const mother = await createParticipant();
      const created = await api
        .post('/children', { participantId: mother.id, ref: 'c-crud', birthDate: '2023-05-14' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        regionId,
        ref: 'c-crud',
        participantId: mother.id,
        birthDate: '2023-05-14',
        careByPartner: false,
      });
      expect((await api.get(`/children/${created.body.id}`).expect(200)).body).toEqual(created.body);

      const updated = await api
        .patch(`/children/${created.body.id}`, { careByPartner: true, birthDate: '2022-01-31' })
        .expect(200);
      expect(updated.body).toEqual({ ...created.body, careByPartner: true, birthDate: '2022-01-31' });

      await api.delete(`/children/${created.body.id}`).expect(204);
      await api.get(`/children/${created.body.id}`).expect(404);
      expect((await api.get(`/participants/${mother.id}`).expect(200)).body.id).toBe(mother.id);
    });

    it('lists children with pages and the region, participant and ref filters', async () => {
      const first = await createParticipant();
      const second = await createParticipant();
      const elsewhere = await createParticipant({ regionId: otherRegionId, municipalityId: enschede });
      const child = async (participantId: string, birthDate: string, ref: string) =>
        (await api.post('/children', { participantId, birthDate, ref }).expect(201)).body;
      const a = await child(first.id, '2021-03-01', 'list-a');
      const b = await child(first.id, '2019-07-15', 'list-b');
      const c = await child(second.id, '2024-01-01', 'list-c');
      const d = await child(elsewhere.id, '2020-02-29', 'list-a');

      const ofFirst = await api.get(`/children?participant=${first.id}`).expect(200);
      expect(ofFirst.body.total).toBe(2);
      expect(ofFirst.body.items.map((item: { id: string }) => item.id)).toEqual([b.id, a.id]);

      const paged = await api.get(`/children?participant=${first.id}&limit=1&offset=1`).expect(200);
      expect(paged.body).toMatchObject({ total: 2, items: [{ id: a.id }] });

      const inOtherRegion = await api.get('/children?region=twente').expect(200);
      expect(inOtherRegion.body.items.map((item: { id: string }) => item.id)).toEqual([d.id]);
      expect(d.regionId).toBe(otherRegionId);

      const byRef = await api.get('/children?region=berkelland&ref=list-c').expect(200);
      expect(byRef.body).toMatchObject({ total: 1, items: [{ id: c.id }] });
      expect((await api.get('/children?ref=list-a').expect(200)).body.total).toBe(2);

      const unknownParticipant = await api.get(`/children?participant=${UNKNOWN_ID}`).expect(400);
      expect(unknownParticipant.body.message).toMatch(/^participant: /);
      const badParticipant = await api.get('/children?participant=amina').expect(400);
      expectFieldErrors(badParticipant.body, ['participant']);
      await api.get('/children?region=nowhere').expect(400);
    });

    it('answers 400 naming the field for a bad child', async () => {
      const mother = await createParticipant();
      const bad = await api
        .post('/children', {
          participantId: mother.id,
          birthDate: '2023-02-30',
          careByPartner: 'no',
          regionId,
        })
        .expect(400);
      expectFieldErrors(bad.body, ['birthDate', 'careByPartner', 'regionId']);

      const notADate = await api
        .post('/children', { participantId: mother.id, birthDate: '14-05-2023' })
        .expect(400);
      expectFieldErrors(notADate.body, ['birthDate']);

      const orphan = await api
        .post('/children', { participantId: UNKNOWN_ID, birthDate: '2023-05-14' })
        .expect(400);
      expect(orphan.body.message).toBe(`participantId: no participant ${UNKNOWN_ID}`);

      const { body: child } = await api
        .post('/children', { participantId: mother.id, birthDate: '2023-05-14' })
        .expect(201);
      const nulled = await api.patch(`/children/${child.id}`, { birthDate: null }).expect(400);
      expectFieldErrors(nulled.body, ['birthDate']);
      const moved = await api.patch(`/children/${child.id}`, { participantId: mother.id }).expect(400);
      expectFieldErrors(moved.body, ['participantId']);
    });

    it('refuses a second child with the same ref in the region with 409', async () => {
      const mother = await createParticipant();
      await api
        .post('/children', { participantId: mother.id, birthDate: '2023-05-14', ref: 'c-twice' })
        .expect(201);
      const again = await api
        .post('/children', { participantId: mother.id, birthDate: '2024-05-14', ref: 'c-twice' })
        .expect(409);
      expect(again.body.message).toMatch(/^ref: /);
    });

    it('answers 404 for an unknown child', async () => {
      await api.get(`/children/${UNKNOWN_ID}`).expect(404);
      await api.patch(`/children/${UNKNOWN_ID}`, { careByPartner: true }).expect(404);
      const removed = await api.delete(`/children/${UNKNOWN_ID}`).expect(404);
      expect(removed.body.message).toBe(`child ${UNKNOWN_ID}: not found`);
    });
  });

  describe('/appointments', () => {
    it('creates, reads, updates and deletes an appointment', async () => {
      const her = await createParticipant();
      const created = await api
        .post('/appointments', { participantId: her.id, date: '2027-03-24', from: '10:00', to: '10:30' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        regionId,
        participantId: her.id,
        date: '2027-03-24',
        from: '10:00',
        to: '10:30',
        what: '',
      });
      expect((await api.get(`/appointments/${created.body.id}`).expect(200)).body).toEqual(created.body);

      const updated = await api
        .patch(`/appointments/${created.body.id}`, { what: 'huisarts', to: '11:15' })
        .expect(200);
      expect(updated.body).toEqual({ ...created.body, what: 'huisarts', to: '11:15' });

      await api.delete(`/appointments/${created.body.id}`).expect(204);
      await api.get(`/appointments/${created.body.id}`).expect(404);
    });

    it('lists appointments by date with pages and the region and participant filters', async () => {
      const { body: region } = await api.post('/regions', { ref: 'appointments', name: 'A' }).expect(201);
      const { body: municipality } = await api
        .post('/municipalities', { regionId: region.id, name: 'M' })
        .expect(201);
      const first = await createParticipant({ regionId: region.id, municipalityId: municipality.id });
      const second = await createParticipant({ regionId: region.id, municipalityId: municipality.id });
      const outside = await createParticipant();
      const appointment = async (participantId: string, date: string, from: string, to: string) =>
        (await api.post('/appointments', { participantId, date, from, to, what: 'klantmanager' }).expect(201))
          .body;
      const late = await appointment(first.id, '2027-04-02', '13:00', '14:00');
      const early = await appointment(second.id, '2027-04-01', '09:00', '09:30');
      const sameDay = await appointment(first.id, '2027-04-01', '11:00', '12:00');
      await appointment(outside.id, '2027-04-01', '08:00', '08:30');

      const inRegion = await api.get('/appointments?region=appointments').expect(200);
      expect(inRegion.body.total).toBe(3);
      expect(inRegion.body.items.map((item: { id: string }) => item.id)).toEqual([
        early.id,
        sameDay.id,
        late.id,
      ]);
      expect(inRegion.body.items.every((item: { regionId: string }) => item.regionId === region.id)).toBe(
        true,
      );

      const paged = await api.get(`/appointments?region=${region.id}&limit=2&offset=2`).expect(200);
      expect(paged.body).toMatchObject({ total: 3, items: [{ id: late.id }] });

      const ofFirst = await api.get(`/appointments?participant=${first.id}`).expect(200);
      expect(ofFirst.body.items.map((item: { id: string }) => item.id)).toEqual([sameDay.id, late.id]);

      const both = await api.get(`/appointments?region=berkelland&participant=${first.id}`).expect(200);
      expect(both.body.total).toBe(0);

      expect((await api.get('/appointments?region=nowhere').expect(400)).body.message).toMatch(/^region: /);
      const unknown = await api.get(`/appointments?participant=${UNKNOWN_ID}`).expect(400);
      expect(unknown.body.message).toMatch(/^participant: /);
      const byRef = await api.get('/appointments?ref=a1').expect(400);
      expectFieldErrors(byRef.body, ['ref']);
    });

    it('answers 400 naming the field for a bad appointment, including an end before its start', async () => {
      const her = await createParticipant();
      const bad = await api
        .post('/appointments', {
          participantId: her.id,
          date: '2027-13-01',
          from: '9:00',
          to: '25:00',
          what: 7,
        })
        .expect(400);
      expectFieldErrors(bad.body, ['date', 'from', 'to', 'what']);

      const backwards = await api
        .post('/appointments', { participantId: her.id, date: '2027-03-24', from: '11:00', to: '10:00' })
        .expect(400);
      expectFieldErrors(backwards.body, ['to']);

      const unknown = await api
        .post('/appointments', { participantId: UNKNOWN_ID, date: '2027-03-24', from: '10:00', to: '11:00' })
        .expect(400);
      expect(unknown.body.message).toBe(`participantId: no participant ${UNKNOWN_ID}`);

      const { body: appointment } = await api
        .post('/appointments', { participantId: her.id, date: '2027-03-24', from: '10:00', to: '11:00' })
        .expect(201);
      // Only one end given: checked against the stored other end.
      const endBeforeStoredStart = await api
        .patch(`/appointments/${appointment.id}`, { to: '09:00' })
        .expect(400);
      expect(endBeforeStoredStart.body.message).toBe('to: must be after from');
      const nulled = await api.patch(`/appointments/${appointment.id}`, { what: null }).expect(400);
      expectFieldErrors(nulled.body, ['what']);
    });

    it('answers 404 for an unknown appointment', async () => {
      await api.get(`/appointments/${UNKNOWN_ID}`).expect(404);
      await api.patch(`/appointments/${UNKNOWN_ID}`, { what: 'x' }).expect(404);
      const removed = await api.delete(`/appointments/${UNKNOWN_ID}`).expect(404);
      expect(removed.body.message).toBe(`appointment ${UNKNOWN_ID}: not found`);
    });
  });

  it('deletes a participant with her children and appointments', async () => {
    const her = await createParticipant();
    const { body: child } = await api
      .post('/children', { participantId: her.id, birthDate: '2023-05-14' })
      .expect(201);
    const { body: appointment } = await api
      .post('/appointments', { participantId: her.id, date: '2027-03-24', from: '10:00', to: '10:30' })
      .expect(201);

    await api.delete(`/participants/${her.id}`).expect(204);

    await api.get(`/children/${child.id}`).expect(404);
    await api.get(`/appointments/${appointment.id}`).expect(404);
  });
});
