import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf, namesOf } from '../support/answers';

describe('vehicles', () => {
  let api: TestApp;
  let achterhoek: { id: string };
  let twente: { id: string };

  beforeAll(async () => {
    api = await startTestApp();
    achterhoek = (await api.post('/regions', { ref: 'achterhoek', name: 'Achterhoek' }).expect(201)).body;
    twente = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body;
  });
  afterAll(() => api.close());

  const vehicle = () => ({
    regionId: achterhoek.id,
    ref: 'bus1',
    name: 'Taxibus 1',
    kind: 'taxibus',
    seats: 8,
    childSeats: 2,
    depot: { lat: 52.0833, lon: 6.6167 },
    availability: [
      { weekday: 2, from: '08:00', to: '12:00' },
      { weekday: 1, from: '08:00', to: '17:00' },
    ],
    volunteerDriven: true,
  });

  it('creates a vehicle, reads it back with its availability sorted, updates and deletes it', async () => {
    const created = await api.post('/vehicles', vehicle()).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      regionId: achterhoek.id,
      ref: 'bus1',
      name: 'Taxibus 1',
      kind: 'taxibus',
      seats: 8,
      childSeats: 2,
      depot: { lat: 52.0833, lon: 6.6167 },
      availability: [
        { weekday: 1, from: '08:00', to: '17:00' },
        { weekday: 2, from: '08:00', to: '12:00' },
      ],
      volunteerDriven: true,
    });
    const { id } = created.body;
    expect((await api.get(`/vehicles/${id}`).expect(200)).body).toEqual(created.body);

    const updated = await api
      .patch(`/vehicles/${id}`, {
        kind: 'minibus',
        seats: 6,
        childSeats: 0,
        volunteerDriven: false,
        depot: { lat: 52.1, lon: 6.6 },
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: 'Taxibus 1',
      kind: 'minibus',
      seats: 6,
      childSeats: 0,
      volunteerDriven: false,
      depot: { lat: 52.1, lon: 6.6 },
    });
    expect(updated.body.availability).toEqual(created.body.availability);

    const rescheduled = await api
      .patch(`/vehicles/${id}`, { availability: [{ weekday: 3, from: '09:00', to: '10:00' }] })
      .expect(200);
    expect(rescheduled.body.availability).toEqual([{ weekday: 3, from: '09:00', to: '10:00' }]);

    await api.delete(`/vehicles/${id}`).expect(204);
    await api.get(`/vehicles/${id}`).expect(404);
  });

  it('gives a vehicle no child seats, no availability and a paid driver when they are not given', async () => {
    const created = await api
      .post('/vehicles', {
        regionId: achterhoek.id,
        name: 'Auto',
        kind: 'car',
        seats: 3,
        depot: { lat: 52, lon: 6.5 },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      ref: null,
      childSeats: 0,
      availability: [],
      volunteerDriven: false,
    });
    await api.delete(`/vehicles/${created.body.id}`).expect(204);
  });

  it('lists vehicles by name, pages them and filters by region and ref', async () => {
    for (const [ref, name] of [
      ['v-c', 'Cmini'],
      ['v-a', 'Abus'],
      ['v-b', 'Bauto'],
    ]) {
      await api.post('/vehicles', { ...vehicle(), ref, name }).expect(201);
    }
    await api
      .post('/vehicles', { ...vehicle(), regionId: twente.id, ref: 'v-a', name: 'Aanrijder' })
      .expect(201);

    const all = await api.get('/vehicles').expect(200);
    expect(all.body.total).toBe(4);
    expect(namesOf(all.body)).toEqual(['Aanrijder', 'Abus', 'Bauto', 'Cmini']);

    const page = await api.get('/vehicles?region=achterhoek&limit=2&offset=1').expect(200);
    expect(page.body.total).toBe(3);
    expect(namesOf(page.body)).toEqual(['Bauto', 'Cmini']);

    expect(namesOf((await api.get(`/vehicles?region=${twente.id}`).expect(200)).body)).toEqual(['Aanrijder']);
    expect(namesOf((await api.get('/vehicles?ref=v-a').expect(200)).body)).toEqual(['Aanrijder', 'Abus']);
    expect(namesOf((await api.get('/vehicles?region=achterhoek&ref=v-a').expect(200)).body)).toEqual([
      'Abus',
    ]);

    const unknownRegion = await api.get('/vehicles?region=nowhere').expect(400);
    expect(messagesOf(unknownRegion.body)[0]).toMatch(/^region: /);
    await api.get('/vehicles?kind=car').expect(400);
    await api.get('/vehicles?offset=-1').expect(400);
  });

  it('answers 404 for an unknown vehicle', async () => {
    await api.get(`/vehicles/${UNKNOWN_ID}`).expect(404);
    await api.patch(`/vehicles/${UNKNOWN_ID}`, { name: 'Geen' }).expect(404);
    await api.delete(`/vehicles/${UNKNOWN_ID}`).expect(404);
    await api.delete('/vehicles/bus1').expect(400);
  });

  it('answers 400 naming every bad field', async () => {
    const response = await api
      .post('/vehicles', {
        ...vehicle(),
        name: '',
        kind: 'bicycle',
        seats: 0,
        childSeats: -1,
        depot: { lat: 52, lon: 200 },
        availability: [{ weekday: 1, from: '12:00', to: '08:00' }],
        volunteerDriven: 'yes',
      })
      .expect(400);
    const messages = messagesOf(response.body);
    for (const field of [
      'name',
      'kind',
      'seats',
      'childSeats',
      'depot.lon',
      'availability[0].to',
      'volunteerDriven',
    ]) {
      expect(messages.some((message) => message.startsWith(`${field}: `))).toBe(true);
    }
    const fractional = await api.post('/vehicles', { ...vehicle(), seats: 4.5 }).expect(400);
    expect(messagesOf(fractional.body)).toEqual([expect.stringMatching(/^seats: /)]);
  });

  it('refuses more child seats than seats, on create and when an update changes either number', async () => {
    const tooMany = await api
      .post('/vehicles', { ...vehicle(), ref: 'full', seats: 3, childSeats: 4 })
      .expect(400);
    expect(messagesOf(tooMany.body)).toEqual([expect.stringMatching(/^childSeats: must be at most seats/)]);

    const created = await api
      .post('/vehicles', { ...vehicle(), ref: 'fits', seats: 4, childSeats: 4 })
      .expect(201);
    const fewerSeats = await api.patch(`/vehicles/${created.body.id}`, { seats: 3 }).expect(400);
    expect(messagesOf(fewerSeats.body)[0]).toMatch(/^childSeats: /);
    const moreChildSeats = await api.patch(`/vehicles/${created.body.id}`, { childSeats: 5 }).expect(400);
    expect(messagesOf(moreChildSeats.body)[0]).toMatch(/^childSeats: /);
    const both = await api.patch(`/vehicles/${created.body.id}`, { seats: 2, childSeats: 1 }).expect(200);
    expect(both.body).toMatchObject({ seats: 2, childSeats: 1 });
    await api.delete(`/vehicles/${created.body.id}`).expect(204);
  });

  it('refuses a vehicle in a region that does not exist', async () => {
    const response = await api.post('/vehicles', { ...vehicle(), regionId: UNKNOWN_ID }).expect(400);
    expect(messagesOf(response.body)[0]).toMatch(/^regionId: /);
  });

  it('refuses a second vehicle with the same ref in a region with 409 naming the field', async () => {
    await api.post('/vehicles', { ...vehicle(), ref: 'twice' }).expect(201);
    const again = await api.post('/vehicles', { ...vehicle(), ref: 'twice' }).expect(409);
    expect(messagesOf(again.body)[0]).toMatch(/^ref: /);
    await api.post('/vehicles', { ...vehicle(), regionId: twente.id, ref: 'twice' }).expect(201);
  });
});
