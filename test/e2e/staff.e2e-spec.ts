import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf, namesOf } from '../support/answers';

describe('trainers and interpreters', () => {
  let api: TestApp;
  let achterhoek: { id: string };
  let twente: { id: string };

  beforeAll(async () => {
    api = await startTestApp();
    achterhoek = (await api.post('/regions', { ref: 'achterhoek', name: 'Achterhoek' }).expect(201)).body;
    twente = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body;
  });
  afterAll(() => api.close());

  describe('trainers', () => {
    const trainer = () => ({
      regionId: achterhoek.id,
      ref: 't1',
      name: 'Fatima',
      availability: [
        { weekday: 4, from: '09:00', to: '12:00' },
        { weekday: 2, from: '13:00', to: '16:00' },
        { weekday: 2, from: '09:00', to: '14:00' },
      ],
    });

    it('creates a trainer, reads her back with her availability sorted, updates and deletes her', async () => {
      const created = await api.post('/trainers', trainer()).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        regionId: achterhoek.id,
        ref: 't1',
        name: 'Fatima',
        availability: [
          { weekday: 2, from: '09:00', to: '14:00' },
          { weekday: 2, from: '13:00', to: '16:00' },
          { weekday: 4, from: '09:00', to: '12:00' },
        ],
      });
      const { id } = created.body;
      expect((await api.get(`/trainers/${id}`).expect(200)).body).toEqual(created.body);

      const renamed = await api.patch(`/trainers/${id}`, { name: 'Fatima B.' }).expect(200);
      expect(renamed.body.name).toBe('Fatima B.');
      expect(renamed.body.availability).toEqual(created.body.availability);

      const same = await api.patch(`/trainers/${id}`, { availability: trainer().availability }).expect(200);
      expect(same.body.availability).toEqual(created.body.availability);

      const moved = await api
        .patch(`/trainers/${id}`, { availability: [{ weekday: 1, from: '10:00', to: '11:30' }] })
        .expect(200);
      expect(moved.body.availability).toEqual([{ weekday: 1, from: '10:00', to: '11:30' }]);
      expect((await api.get(`/trainers/${id}`).expect(200)).body.availability).toEqual([
        { weekday: 1, from: '10:00', to: '11:30' },
      ]);

      await api.delete(`/trainers/${id}`).expect(204);
      await api.get(`/trainers/${id}`).expect(404);
    });

    it('gives a trainer without availability an empty list', async () => {
      const created = await api.post('/trainers', { regionId: achterhoek.id, name: 'Ingrid' }).expect(201);
      expect(created.body).toMatchObject({ ref: null, availability: [] });
      await api.delete(`/trainers/${created.body.id}`).expect(204);
    });

    it('lists trainers by name, pages them and filters by region and ref', async () => {
      for (const [ref, name] of [
        ['t-c', 'Carla'],
        ['t-a', 'Anouk'],
        ['t-b', 'Birsen'],
      ]) {
        await api.post('/trainers', { ...trainer(), ref, name }).expect(201);
      }
      await api
        .post('/trainers', { ...trainer(), regionId: twente.id, ref: 't-a', name: 'Aaltje' })
        .expect(201);

      const all = await api.get('/trainers').expect(200);
      expect(all.body.total).toBe(4);
      expect(namesOf(all.body)).toEqual(['Aaltje', 'Anouk', 'Birsen', 'Carla']);

      const page = await api.get('/trainers?region=achterhoek&limit=2&offset=1').expect(200);
      expect(page.body.total).toBe(3);
      expect(namesOf(page.body)).toEqual(['Birsen', 'Carla']);

      expect(namesOf((await api.get(`/trainers?region=${twente.id}`).expect(200)).body)).toEqual(['Aaltje']);
      expect(namesOf((await api.get('/trainers?ref=t-a').expect(200)).body)).toEqual(['Aaltje', 'Anouk']);
      expect(namesOf((await api.get('/trainers?region=achterhoek&ref=t-a').expect(200)).body)).toEqual([
        'Anouk',
      ]);

      const unknownRegion = await api.get('/trainers?region=nowhere').expect(400);
      expect(messagesOf(unknownRegion.body)[0]).toMatch(/^region: /);
      await api.get('/trainers?language=ar').expect(400);
    });

    it('answers 404 for an unknown trainer', async () => {
      await api.get(`/trainers/${UNKNOWN_ID}`).expect(404);
      await api.patch(`/trainers/${UNKNOWN_ID}`, { name: 'Niemand' }).expect(404);
      await api.delete(`/trainers/${UNKNOWN_ID}`).expect(404);
      await api.get('/trainers/t1').expect(400);
    });

    it('answers 400 naming every bad field, including a window that ends before it starts', async () => {
      const response = await api
        .post('/trainers', {
          regionId: 'achterhoek',
          name: '',
          availability: [
            { weekday: 8, from: '9:00', to: '12:00' },
            { weekday: 1, from: '12:00', to: '11:00' },
          ],
        })
        .expect(400);
      const messages = messagesOf(response.body);
      for (const field of [
        'regionId',
        'name',
        'availability[0].weekday',
        'availability[0].from',
        'availability[1].to',
      ]) {
        expect(messages.some((message) => message.startsWith(`${field}: `))).toBe(true);
      }
    });

    it('refuses a trainer in a region that does not exist', async () => {
      const response = await api.post('/trainers', { ...trainer(), regionId: UNKNOWN_ID }).expect(400);
      expect(messagesOf(response.body)[0]).toMatch(/^regionId: /);
    });

    it('refuses a second trainer with the same ref in a region with 409 naming the field', async () => {
      await api.post('/trainers', { ...trainer(), ref: 'twice' }).expect(201);
      const again = await api.post('/trainers', { ...trainer(), ref: 'twice' }).expect(409);
      expect(messagesOf(again.body)[0]).toMatch(/^ref: /);
      const other = await api.post('/trainers', { ...trainer(), ref: 'other' }).expect(201);
      const renamed = await api.patch(`/trainers/${other.body.id}`, { ref: 'twice' }).expect(409);
      expect(messagesOf(renamed.body)[0]).toMatch(/^ref: /);
    });
  });

  describe('interpreters', () => {
    const interpreter = () => ({
      regionId: achterhoek.id,
      ref: 'i1',
      name: 'Amina',
      languages: ['ar', 'tir'],
      availability: [{ weekday: 3, from: '09:00', to: '15:00' }],
    });

    it('creates an interpreter, reads her back, updates and deletes her', async () => {
      const created = await api.post('/interpreters', interpreter()).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        regionId: achterhoek.id,
        ref: 'i1',
        name: 'Amina',
        languages: ['ar', 'tir'],
        availability: [{ weekday: 3, from: '09:00', to: '15:00' }],
      });
      const { id } = created.body;
      expect((await api.get(`/interpreters/${id}`).expect(200)).body).toEqual(created.body);

      const updated = await api
        .patch(`/interpreters/${id}`, { languages: ['prs', 'fa', 'prs'], ref: null })
        .expect(200);
      expect(updated.body).toMatchObject({ languages: ['prs', 'fa'], ref: null, name: 'Amina' });
      expect(updated.body.availability).toEqual(created.body.availability);

      const rescheduled = await api
        .patch(`/interpreters/${id}`, { availability: [{ weekday: 5, from: '08:00', to: '10:00' }] })
        .expect(200);
      expect(rescheduled.body.availability).toEqual([{ weekday: 5, from: '08:00', to: '10:00' }]);
      expect(rescheduled.body.languages).toEqual(['prs', 'fa']);

      await api.delete(`/interpreters/${id}`).expect(204);
      await api.get(`/interpreters/${id}`).expect(404);
    });

    it('lists interpreters by name, pages them and filters by region, ref and language', async () => {
      const made = [
        { ref: 'i-c', name: 'Chaimae', languages: ['ar', 'ber'] },
        { ref: 'i-a', name: 'Ayan', languages: ['so'] },
        { ref: 'i-b', name: 'Berhane', languages: ['tir', 'ar'] },
      ];
      for (const fields of made) await api.post('/interpreters', { ...interpreter(), ...fields }).expect(201);
      await api
        .post('/interpreters', {
          ...interpreter(),
          regionId: twente.id,
          ref: 'i-a',
          name: 'Aisha',
          languages: ['ar'],
        })
        .expect(201);

      const all = await api.get('/interpreters').expect(200);
      expect(all.body.total).toBe(4);
      expect(namesOf(all.body)).toEqual(['Aisha', 'Ayan', 'Berhane', 'Chaimae']);

      const page = await api.get('/interpreters?region=achterhoek&limit=1&offset=1').expect(200);
      expect(page.body.total).toBe(3);
      expect(namesOf(page.body)).toEqual(['Berhane']);

      expect(namesOf((await api.get('/interpreters?language=ar').expect(200)).body)).toEqual([
        'Aisha',
        'Berhane',
        'Chaimae',
      ]);
      expect(
        namesOf((await api.get('/interpreters?region=achterhoek&language=ar').expect(200)).body),
      ).toEqual(['Berhane', 'Chaimae']);
      const nobody = await api.get('/interpreters?language=nl').expect(200);
      expect(nobody.body).toEqual({ items: [], total: 0 });

      expect(namesOf((await api.get('/interpreters?ref=i-a').expect(200)).body)).toEqual(['Aisha', 'Ayan']);
      expect(namesOf((await api.get('/interpreters?region=twente&ref=i-a').expect(200)).body)).toEqual([
        'Aisha',
      ]);

      const badLanguage = await api.get('/interpreters?language=Arabic').expect(400);
      expect(messagesOf(badLanguage.body)[0]).toMatch(/^language: /);
      const unknownRegion = await api.get('/interpreters?region=nowhere').expect(400);
      expect(messagesOf(unknownRegion.body)[0]).toMatch(/^region: /);
    });

    it('answers 404 for an unknown interpreter', async () => {
      await api.get(`/interpreters/${UNKNOWN_ID}`).expect(404);
      await api.patch(`/interpreters/${UNKNOWN_ID}`, { name: 'Niemand' }).expect(404);
      await api.delete(`/interpreters/${UNKNOWN_ID}`).expect(404);
    });

    it('refuses an interpreter without languages or with codes that are not ISO 639', async () => {
      const none = await api.post('/interpreters', { ...interpreter(), languages: [] }).expect(400);
      expect(messagesOf(none.body)).toEqual([expect.stringMatching(/^languages: /)]);

      const missing = await api.post('/interpreters', { regionId: achterhoek.id, name: 'Amina' }).expect(400);
      expect(messagesOf(missing.body).some((message) => message.startsWith('languages: '))).toBe(true);

      for (const languages of [['AR'], ['arabic'], ['a'], ['ar', 'n1'], 'ar']) {
        const response = await api.post('/interpreters', { ...interpreter(), languages }).expect(400);
        expect(messagesOf(response.body).every((message) => message.startsWith('languages: '))).toBe(true);
      }

      const created = await api.post('/interpreters', { ...interpreter(), ref: 'keeps' }).expect(201);
      const emptied = await api.patch(`/interpreters/${created.body.id}`, { languages: [] }).expect(400);
      expect(messagesOf(emptied.body)[0]).toMatch(/^languages: /);
    });

    it('refuses a window whose end is not after its start', async () => {
      const response = await api
        .post('/interpreters', {
          ...interpreter(),
          availability: [{ weekday: 1, from: '15:00', to: '09:00' }],
        })
        .expect(400);
      expect(messagesOf(response.body)).toEqual([expect.stringMatching(/^availability\[0\]\.to: /)]);
    });

    it('refuses an interpreter in a region that does not exist', async () => {
      const response = await api
        .post('/interpreters', { ...interpreter(), regionId: UNKNOWN_ID })
        .expect(400);
      expect(messagesOf(response.body)[0]).toMatch(/^regionId: /);
    });

    it('refuses a second interpreter with the same ref in a region with 409 naming the field', async () => {
      await api.post('/interpreters', { ...interpreter(), ref: 'twice' }).expect(201);
      const again = await api.post('/interpreters', { ...interpreter(), ref: 'twice' }).expect(409);
      expect(messagesOf(again.body)[0]).toMatch(/^ref: /);
      await api.post('/interpreters', { ...interpreter(), regionId: twente.id, ref: 'twice' }).expect(201);
    });
  });
});
