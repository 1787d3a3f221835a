import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf, namesOf } from '../support/answers';

describe('childcare providers', () => {
  let api: TestApp;
  let achterhoek: { id: string };
  let twente: { id: string };
  let kei: { id: string };
  let aula: { id: string };
  let atrium: { id: string };

  const newLocation = async (regionId: string, municipalityId: string, ref: string, name: string) =>
    (
      await api
        .post('/locations', {
          regionId,
          ref,
          municipalityId,
          name,
          address: 'Dorpsstraat 1',
          position: { lat: 52.1, lon: 6.5 },
        })
        .expect(201)
    ).body;

  beforeAll(async () => {
    api = await startTestApp();
    achterhoek = (await api.post('/regions', { ref: 'achterhoek', name: 'Achterhoek' }).expect(201)).body;
    twente = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body;
    const berkelland = (
      await api
        .post('/municipalities', { regionId: achterhoek.id, ref: 'berkelland', name: 'Berkelland' })
        .expect(201)
    ).body;
    const enschede = (
      await api
        .post('/municipalities', { regionId: twente.id, ref: 'enschede', name: 'Enschede' })
        .expect(201)
    ).body;
    kei = await newLocation(achterhoek.id, berkelland.id, 'kei', 'De Kei');
    aula = await newLocation(achterhoek.id, berkelland.id, 'aula', 'Aula');
    atrium = await newLocation(twente.id, enschede.id, 'atrium', 'Atrium');
  });
  afterAll(() => api.close());

  const formal = () => ({
    regionId: achterhoek.id,
    ref: 'kdv1',
    name: 'Kinderdagverblijf Het Vlindertje',
    kind: 'formal',
    position: { lat: 52.11, lon: 6.52 },
    openingHours: [
      { weekday: 2, from: '07:30', to: '18:30' },
      { weekday: 1, from: '07:30', to: '18:30' },
    ],
    places: [
      { minAgeMonths: 48, maxAgeMonths: 155, capacity: 10 },
      { minAgeMonths: 0, maxAgeMonths: 47, capacity: 12 },
    ],
    pricePerHour: 9.45,
  });

  const volunteer = () => ({
    regionId: achterhoek.id,
    ref: 'oppas1',
    name: 'Oppas De Kei',
    kind: 'volunteer',
    locationId: kei.id,
    position: { lat: 52.1, lon: 6.5 },
    openingHours: [{ weekday: 3, from: '09:00', to: '12:00' }],
    places: [{ minAgeMonths: 0, maxAgeMonths: 48, capacity: 4 }],
  });

  it('creates formal childcare without a location, reads it back sorted, updates and deletes it', async () => {
    const created = await api.post('/childcare-providers', formal()).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      regionId: achterhoek.id,
      ref: 'kdv1',
      name: 'Kinderdagverblijf Het Vlindertje',
      kind: 'formal',
      locationId: null,
      position: { lat: 52.11, lon: 6.52 },
      openingHours: [
        { weekday: 1, from: '07:30', to: '18:30' },
        { weekday: 2, from: '07:30', to: '18:30' },
      ],
      places: [
        { minAgeMonths: 0, maxAgeMonths: 47, capacity: 12 },
        { minAgeMonths: 48, maxAgeMonths: 155, capacity: 10 },
      ],
      pricePerHour: 9.45,
    });
    const { id } = created.body;
    expect((await api.get(`/childcare-providers/${id}`).expect(200)).body).toEqual(created.body);

    const repriced = await api
      .patch(`/childcare-providers/${id}`, { pricePerHour: 10, name: 'Het Vlindertje' })
      .expect(200);
    expect(repriced.body).toMatchObject({ pricePerHour: 10, name: 'Het Vlindertje' });
    expect(repriced.body.places).toEqual(created.body.places);
    expect(repriced.body.openingHours).toEqual(created.body.openingHours);

    const reshaped = await api
      .patch(`/childcare-providers/${id}`, {
        places: [{ minAgeMonths: 12, maxAgeMonths: 12, capacity: 0 }],
        openingHours: [{ weekday: 5, from: '08:00', to: '13:00' }],
        position: { lat: 52.2, lon: 6.6 },
      })
      .expect(200);
    expect(reshaped.body).toMatchObject({
      places: [{ minAgeMonths: 12, maxAgeMonths: 12, capacity: 0 }],
      openingHours: [{ weekday: 5, from: '08:00', to: '13:00' }],
      position: { lat: 52.2, lon: 6.6 },
      pricePerHour: 10,
    });

    const atKei = await api.patch(`/childcare-providers/${id}`, { locationId: kei.id }).expect(200);
    expect(atKei.body.locationId).toBe(kei.id);
    const ownAddress = await api.patch(`/childcare-providers/${id}`, { locationId: null }).expect(200);
    expect(ownAddress.body.locationId).toBeNull();

    await api.delete(`/childcare-providers/${id}`).expect(204);
    await api.get(`/childcare-providers/${id}`).expect(404);
  });

  it('creates volunteer childcare at a location, free and without hours or places unless given', async () => {
    const created = await api
      .post('/childcare-providers', {
        regionId: achterhoek.id,
        name: 'Oppas',
        kind: 'volunteer',
        locationId: kei.id,
        position: { lat: 52.1, lon: 6.5 },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      ref: null,
      kind: 'volunteer',
      locationId: kei.id,
      pricePerHour: 0,
      openingHours: [],
      places: [],
    });
    const moved = await api
      .patch(`/childcare-providers/${created.body.id}`, { locationId: aula.id })
      .expect(200);
    expect(moved.body.locationId).toBe(aula.id);
    await api.delete(`/childcare-providers/${created.body.id}`).expect(204);
  });

  it('lists providers by name, pages them and filters by region, ref and kind', async () => {
    const made = [
      { ...formal(), ref: 'c-c', name: 'Crèche' },
      { ...volunteer(), ref: 'c-a', name: 'Aan huis' },
      { ...formal(), ref: 'c-b', name: 'BSO' },
    ];
    for (const provider of made) await api.post('/childcare-providers', provider).expect(201);
    await api
      .post('/childcare-providers', {
        ...volunteer(),
        regionId: twente.id,
        locationId: atrium.id,
        ref: 'c-a',
        name: 'Atriumoppas',
      })
      .expect(201);

    const all = await api.get('/childcare-providers').expect(200);
    expect(all.body.total).toBe(4);
    expect(namesOf(all.body)).toEqual(['Aan huis', 'Atriumoppas', 'BSO', 'Crèche']);

    const page = await api.get('/childcare-providers?region=achterhoek&limit=2&offset=1').expect(200);
    expect(page.body.total).toBe(3);
    expect(namesOf(page.body)).toEqual(['BSO', 'Crèche']);

    expect(namesOf((await api.get(`/childcare-providers?region=${twente.id}`).expect(200)).body)).toEqual([
      'Atriumoppas',
    ]);
    expect(namesOf((await api.get('/childcare-providers?ref=c-a').expect(200)).body)).toEqual([
      'Aan huis',
      'Atriumoppas',
    ]);
    expect(
      namesOf((await api.get('/childcare-providers?region=achterhoek&ref=c-a').expect(200)).body),
    ).toEqual(['Aan huis']);
    expect(namesOf((await api.get('/childcare-providers?kind=formal').expect(200)).body)).toEqual([
      'BSO',
      'Crèche',
    ]);
    expect(
      namesOf((await api.get('/childcare-providers?kind=volunteer&region=twente').expect(200)).body),
    ).toEqual(['Atriumoppas']);

    const badKind = await api.get('/childcare-providers?kind=grandma').expect(400);
    expect(messagesOf(badKind.body)[0]).toMatch(/^kind: /);
    const unknownRegion = await api.get('/childcare-providers?region=nowhere').expect(400);
    expect(messagesOf(unknownRegion.body)[0]).toMatch(/^region: /);
  });

  it('answers 404 for an unknown provider', async () => {
    await api.get(`/childcare-providers/${UNKNOWN_ID}`).expect(404);
    await api.patch(`/childcare-providers/${UNKNOWN_ID}`, { name: 'Geen' }).expect(404);
    await api.delete(`/childcare-providers/${UNKNOWN_ID}`).expect(404);
    await api.get('/childcare-providers/kdv1').expect(400);
  });

  it('answers 400 naming every bad field', async () => {
    const response = await api
      .post('/childcare-providers', {
        ...formal(),
        name: '',
        kind: 'grandma',
        locationId: 'kei',
        position: { lat: 'north', lon: 6.5 },
        openingHours: [{ weekday: 1, from: '18:30', to: '07:30' }],
        places: [
          { minAgeMonths: 24, maxAgeMonths: 12, capacity: 3 },
          { minAgeMonths: -1, maxAgeMonths: 1.5, capacity: -2 },
        ],
        pricePerHour: -1,
      })
      .expect(400);
    const messages = messagesOf(response.body);
    for (const field of [
      'name',
      'kind',
      'locationId',
      'position.lat',
      'openingHours[0].to',
      'places[0].maxAgeMonths',
      'places[1].minAgeMonths',
      'places[1].maxAgeMonths',
      'places[1].capacity',
      'pricePerHour',
    ]) {
      expect(messages.some((message) => message.startsWith(`${field}: `))).toBe(true);
    }
    const band = messages.find((message) => message.startsWith('places[0].maxAgeMonths: '));
    expect(band).toMatch(/at least minAgeMonths/);
  });

  it('refuses a price with more than 2 decimals', async () => {
    const response = await api.post('/childcare-providers', { ...formal(), pricePerHour: 9.455 }).expect(400);
    expect(messagesOf(response.body)).toEqual([expect.stringMatching(/^pricePerHour: .*2 decimals/)]);
  });

  it('refuses volunteer childcare without a location, on create and on update', async () => {
    const withoutLocation = { ...volunteer(), ref: 'nowhere' } as Record<string, unknown>;
    delete withoutLocation.locationId;
    const created = await api.post('/childcare-providers', withoutLocation).expect(400);
    expect(messagesOf(created.body)).toEqual([
      expect.stringMatching(/^locationId: required when kind is volunteer/),
    ]);

    const formalOne = await api.post('/childcare-providers', { ...formal(), ref: 'turns' }).expect(201);
    const turned = await api
      .patch(`/childcare-providers/${formalOne.body.id}`, { kind: 'volunteer' })
      .expect(400);
    expect(messagesOf(turned.body)[0]).toMatch(/^locationId: /);
    const turnedWithLocation = await api
      .patch(`/childcare-providers/${formalOne.body.id}`, { kind: 'volunteer', locationId: aula.id })
      .expect(200);
    expect(turnedWithLocation.body).toMatchObject({ kind: 'volunteer', locationId: aula.id });

    const cleared = await api
      .patch(`/childcare-providers/${formalOne.body.id}`, { locationId: null })
      .expect(400);
    expect(messagesOf(cleared.body)[0]).toMatch(/^locationId: /);
    await api.delete(`/childcare-providers/${formalOne.body.id}`).expect(204);
  });

  it('refuses a location of another region, on create and on update', async () => {
    const elsewhere = await api
      .post('/childcare-providers', { ...volunteer(), ref: 'elsewhere', locationId: atrium.id })
      .expect(400);
    expect(messagesOf(elsewhere.body)).toEqual([
      expect.stringMatching(/^locationId: no location .* in this region/),
    ]);
    const formalElsewhere = await api
      .post('/childcare-providers', { ...formal(), ref: 'elsewhere', locationId: atrium.id })
      .expect(400);
    expect(messagesOf(formalElsewhere.body)[0]).toMatch(/^locationId: /);
    const unknown = await api
      .post('/childcare-providers', { ...volunteer(), ref: 'elsewhere', locationId: UNKNOWN_ID })
      .expect(400);
    expect(messagesOf(unknown.body)[0]).toMatch(/^locationId: /);

    const created = await api.post('/childcare-providers', { ...volunteer(), ref: 'stays' }).expect(201);
    const moved = await api
      .patch(`/childcare-providers/${created.body.id}`, { locationId: atrium.id })
      .expect(400);
    expect(messagesOf(moved.body)[0]).toMatch(/^locationId: /);
    expect((await api.get(`/childcare-providers/${created.body.id}`).expect(200)).body.locationId).toBe(
      kei.id,
    );
    await api.delete(`/childcare-providers/${created.body.id}`).expect(204);
  });

  it('refuses a provider in a region that does not exist', async () => {
    const response = await api
      .post('/childcare-providers', { ...formal(), regionId: UNKNOWN_ID })
      .expect(400);
    expect(messagesOf(response.body)[0]).toMatch(/^regionId: /);
  });

  it('keeps a location while volunteer childcare is given there', async () => {
    const created = await api.post('/childcare-providers', { ...volunteer(), ref: 'holds' }).expect(201);
    const inUse = await api.delete(`/locations/${kei.id}`).expect(409);
    expect(messagesOf(inUse.body)[0]).toMatch(/still in use/);
    await api.delete(`/childcare-providers/${created.body.id}`).expect(204);
  });

  it('refuses a second provider with the same ref in a region with 409 naming the field', async () => {
    await api.post('/childcare-providers', { ...formal(), ref: 'twice' }).expect(201);
    const again = await api.post('/childcare-providers', { ...volunteer(), ref: 'twice' }).expect(409);
    expect(messagesOf(again.body)[0]).toMatch(/^ref: /);
    await api
      .post('/childcare-providers', {
        ...volunteer(),
        regionId: twente.id,
        locationId: atrium.id,
        ref: 'twice',
      })
      .expect(201);
  });
});
