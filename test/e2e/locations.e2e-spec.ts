import { startTestApp, TestApp } from '../support/test-app';
import { messagesOf } from '../support/answers';

const without = (body: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));

describe('locations', () => {
  let api: TestApp;
  let achterhoek: { id: string };
  let twente: { id: string };
  let berkelland: { id: string };
  let bronckhorst: { id: string };
  let enschede: { id: string };

  beforeAll(async () => {
    api = await startTestApp();
    achterhoek = (await api.post('/regions', { ref: 'achterhoek', name: 'Achterhoek' }).expect(201)).body;
    twente = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body;
    berkelland = (
      await api
        .post('/municipalities', { regionId: achterhoek.id, ref: 'berkelland', name: 'Berkelland' })
        .expect(201)
    ).body;
    bronckhorst = (
      await api
        .post('/municipalities', { regionId: achterhoek.id, ref: 'bronckhorst', name: 'Bronckhorst' })
        .expect(201)
    ).body;
    enschede = (
      await api
        .post('/municipalities', { regionId: twente.id, ref: 'enschede', name: 'Enschede' })
        .expect(201)
    ).body;
  });
  afterAll(() => api.close());

  const location = () => ({
    regionId: achterhoek.id,
    ref: 'kei',
    municipalityId: berkelland.id,
    name: 'Buurthuis De Kei',
    address: 'Kerkstraat 1, Borculo',
    position: { lat: 52.1158, lon: 6.5215 },
    openingHours: [
      { weekday: 3, from: '09:00', to: '12:00' },
      { weekday: 1, from: '13:00', to: '17:00' },
      { weekday: 1, from: '08:30', to: '12:00' },
    ],
    rooms: 2,
  });

  it('creates a location, reads it back with its opening hours sorted, updates and deletes it', async () => {
    const created = await api.post('/locations', location()).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      regionId: achterhoek.id,
      ref: 'kei',
      municipalityId: berkelland.id,
      name: 'Buurthuis De Kei',
      address: 'Kerkstraat 1, Borculo',
      position: { lat: 52.1158, lon: 6.5215 },
      openingHours: [
        { weekday: 1, from: '08:30', to: '12:00' },
        { weekday: 1, from: '13:00', to: '17:00' },
        { weekday: 3, from: '09:00', to: '12:00' },
      ],
      rooms: 2,
    });
    const { id } = created.body;

    const read = await api.get(`/locations/${id}`).expect(200);
    expect(read.body).toEqual(created.body);

    const renamed = await api
      .patch(`/locations/${id}`, { name: 'De Kei', municipalityId: bronckhorst.id, rooms: 3 })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'De Kei', municipalityId: bronckhorst.id, rooms: 3 });
    expect(renamed.body.openingHours).toEqual(created.body.openingHours);
    expect(renamed.body.position).toEqual(created.body.position);

    const rescheduled = await api
      .patch(`/locations/${id}`, {
        openingHours: [{ weekday: 5, from: '10:00', to: '15:00' }],
        position: { lat: 52.0, lon: 6.4 },
      })
      .expect(200);
    expect(rescheduled.body.openingHours).toEqual([{ weekday: 5, from: '10:00', to: '15:00' }]);
    expect(rescheduled.body.position).toEqual({ lat: 52.0, lon: 6.4 });
    expect(rescheduled.body.name).toBe('De Kei');

    const closed = await api.patch(`/locations/${id}`, { openingHours: [], ref: null }).expect(200);
    expect(closed.body.openingHours).toEqual([]);
    expect(closed.body.ref).toBeNull();

    await api.delete(`/locations/${id}`).expect(204);
    await api.get(`/locations/${id}`).expect(404);
  });

  it('gives a location one room and no opening hours when they are not given', async () => {
    const bare = without(location(), 'openingHours', 'rooms');
    const created = await api.post('/locations', { ...bare, ref: 'bare' }).expect(201);
    expect(created.body).toMatchObject({ rooms: 1, openingHours: [] });
    await api.delete(`/locations/${created.body.id}`).expect(204);
  });

  it('lists locations in a stable order, pages them and filters by region, municipality and ref', async () => {
    const made = [
      { ref: 'l-c', name: 'Cultuurhuis', municipalityId: berkelland.id },
      { ref: 'l-a', name: 'Aula', municipalityId: bronckhorst.id },
      { ref: 'l-b', name: 'Bibliotheek', municipalityId: berkelland.id },
    ];
    for (const fields of made) await api.post('/locations', { ...location(), ...fields }).expect(201);
    await api
      .post('/locations', {
        ...location(),
        regionId: twente.id,
        municipalityId: enschede.id,
        ref: 'l-a',
        name: 'Atrium',
      })
      .expect(201);

    const all = await api.get('/locations').expect(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((l: { name: string }) => l.name)).toEqual([
      'Atrium',
      'Aula',
      'Bibliotheek',
      'Cultuurhuis',
    ]);

    const page = await api.get('/locations?region=achterhoek&limit=2&offset=1').expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((l: { name: string }) => l.name)).toEqual(['Bibliotheek', 'Cultuurhuis']);

    const byRegionId = await api.get(`/locations?region=${twente.id}`).expect(200);
    expect(byRegionId.body.items.map((l: { name: string }) => l.name)).toEqual(['Atrium']);

    const byMunicipalityRef = await api.get('/locations?municipality=berkelland').expect(200);
    expect(byMunicipalityRef.body.items.map((l: { name: string }) => l.name)).toEqual([
      'Bibliotheek',
      'Cultuurhuis',
    ]);
    const byMunicipalityId = await api.get(`/locations?municipality=${bronckhorst.id}`).expect(200);
    expect(byMunicipalityId.body.items.map((l: { name: string }) => l.name)).toEqual(['Aula']);

    const byRef = await api.get('/locations?ref=l-a').expect(200);
    expect(byRef.body.total).toBe(2);
    const byRegionAndRef = await api.get('/locations?region=twente&ref=l-a').expect(200);
    expect(byRegionAndRef.body.items.map((l: { name: string }) => l.name)).toEqual(['Atrium']);

    const unknownRegion = await api.get('/locations?region=nowhere').expect(400);
    expect(messagesOf(unknownRegion.body)[0]).toMatch(/^region: /);
    const unknownMunicipality = await api.get('/locations?region=twente&municipality=berkelland').expect(400);
    expect(messagesOf(unknownMunicipality.body)[0]).toMatch(/^municipality: /);
    const unknownFilter = await api.get('/locations?colour=blue').expect(400);
    expect(messagesOf(unknownFilter.body).some((m) => m.includes('colour'))).toBe(true);
    await api.get('/locations?limit=0').expect(400);
  });

  it('answers 404 for an unknown location and 400 for an id that is not a UUID', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await api.get(`/locations/${unknown}`).expect(404);
    await api.patch(`/locations/${unknown}`, { name: 'Niets' }).expect(404);
    await api.delete(`/locations/${unknown}`).expect(404);
    const bad = await api.get('/locations/not-a-uuid').expect(400);
    expect(messagesOf(bad.body)[0]).toMatch(/^id: /);
  });

  it('answers 400 naming every bad field', async () => {
    const response = await api
      .post('/locations', {
        ...location(),
        municipalityId: 'berkelland',
        name: '',
        address: 42,
        position: { lat: 95, lon: 6.5 },
        openingHours: [{ weekday: 0, from: '14:00', to: '09:00' }],
        rooms: 0,
        colour: 'blue',
      })
      .expect(400);
    const messages = messagesOf(response.body);
    for (const field of [
      'municipalityId',
      'name',
      'address',
      'position.lat',
      'openingHours[0].weekday',
      'openingHours[0].to',
      'rooms',
    ]) {
      expect(messages.some((message) => message.startsWith(`${field}: `))).toBe(true);
    }
    expect(messages.some((message) => message.includes('colour'))).toBe(true);
  });

  it('refuses a location without a position and opening hours that are not a list', async () => {
    const withoutPosition = without(location(), 'position');
    const response = await api
      .post('/locations', { ...withoutPosition, openingHours: { weekday: 1, from: '09:00', to: '12:00' } })
      .expect(400);
    const messages = messagesOf(response.body);
    expect(messages.some((message) => message.startsWith('position: '))).toBe(true);
    expect(messages.some((message) => message.startsWith('openingHours: '))).toBe(true);
  });

  it('refuses a window whose end is not after its start, also on update', async () => {
    const created = await api.post('/locations', { ...location(), ref: 'windows' }).expect(201);
    const response = await api
      .patch(`/locations/${created.body.id}`, { openingHours: [{ weekday: 2, from: '10:00', to: '10:00' }] })
      .expect(400);
    expect(messagesOf(response.body)).toEqual([
      expect.stringMatching(/^openingHours\[0\]\.to: .*after from/),
    ]);
    await api.delete(`/locations/${created.body.id}`).expect(204);
  });

  it('refuses a municipality of another region, on create and on update', async () => {
    const response = await api
      .post('/locations', { ...location(), ref: 'elsewhere', municipalityId: enschede.id })
      .expect(400);
    expect(messagesOf(response.body)[0]).toMatch(/^municipalityId: no municipality .* in this region/);

    const created = await api.post('/locations', { ...location(), ref: 'moving' }).expect(201);
    const moved = await api
      .patch(`/locations/${created.body.id}`, { municipalityId: enschede.id })
      .expect(400);
    expect(messagesOf(moved.body)[0]).toMatch(/^municipalityId: /);
    await api.delete(`/locations/${created.body.id}`).expect(204);
  });

  it('refuses a location in a region that does not exist', async () => {
    const response = await api
      .post('/locations', { ...location(), regionId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(messagesOf(response.body)[0]).toMatch(/^regionId: /);
  });

  it('refuses a PATCH that tries to move a location to another region', async () => {
    const created = await api.post('/locations', { ...location(), ref: 'stay' }).expect(201);
    const response = await api.patch(`/locations/${created.body.id}`, { regionId: twente.id }).expect(400);
    expect(messagesOf(response.body).some((message) => message.includes('regionId'))).toBe(true);
    await api.delete(`/locations/${created.body.id}`).expect(204);
  });

  it('refuses a second location with the same ref in a region with 409 naming the field', async () => {
    await api.post('/locations', { ...location(), ref: 'twice' }).expect(201);
    const again = await api.post('/locations', { ...location(), ref: 'twice' }).expect(409);
    expect(messagesOf(again.body)[0]).toMatch(/^ref: /);
  });

  it('keeps a municipality that still has locations', async () => {
    const municipality = (
      await api
        .post('/municipalities', { regionId: achterhoek.id, ref: 'lochem', name: 'Lochem' })
        .expect(201)
    ).body;
    const created = await api
      .post('/locations', { ...location(), ref: 'lochem-1', municipalityId: municipality.id })
      .expect(201);
    const inUse = await api.delete(`/municipalities/${municipality.id}`).expect(409);
    expect(messagesOf(inUse.body)[0]).toMatch(/still in use/);
    await api.delete(`/locations/${created.body.id}`).expect(204);
    await api.delete(`/municipalities/${municipality.id}`).expect(204);
  });
});
