import { startTestApp, TestApp } from '../support/test-app';

describe('regions and municipalities', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const region = {
    ref: 'achterhoek',
    name: 'Achterhoek',
    policy: {
      arriveMinutesBefore: 10,
      maxRideMinutes: 45,
      maxRideFactor: 1.8,
      travelBufferMinutes: 15,
      slotStepMinutes: 15,
      earliestStart: '09:00',
      latestEnd: '16:00',
    },
    schoolHours: [{ weekday: 1, from: '08:30', to: '14:30' }],
    closedDates: [{ from: '2027-02-20', to: '2027-02-28', reason: 'voorjaarsvakantie' }],
  };

  it('creates, reads by id and by ref, updates and deletes a region', async () => {
    const created = await api.post('/regions', region).expect(201);
    expect(created.body).toMatchObject({ ...region, timezone: 'Europe/Amsterdam' });

    await api.get(`/regions/${created.body.id}`).expect(200);
    const byRef = await api.get('/regions/achterhoek').expect(200);
    expect(byRef.body.id).toBe(created.body.id);

    const updated = await api
      .patch('/regions/achterhoek', {
        name: 'Achterhoek-Oost',
        schoolHours: [{ weekday: 2, from: '08:30', to: '12:00' }],
      })
      .expect(200);
    expect(updated.body.name).toBe('Achterhoek-Oost');
    expect(updated.body.schoolHours).toEqual([{ weekday: 2, from: '08:30', to: '12:00' }]);
    expect(updated.body.closedDates).toEqual(region.closedDates);

    await api.delete('/regions/achterhoek').expect(204);
    await api.get('/regions/achterhoek').expect(404);
  });

  it('refuses a second region with the same ref with 409 naming the field', async () => {
    await api.post('/regions', { ref: 'twice', name: 'Once' }).expect(201);
    const again = await api.post('/regions', { ref: 'twice', name: 'Twice' }).expect(409);
    expect(again.body.message).toMatch(/^ref: /);
  });

  it('answers 400 naming every bad field', async () => {
    const response = await api
      .post('/regions', {
        ref: 'bad ref!',
        name: '',
        timezone: 'Mars/Olympus',
        policy: { ...region.policy, earliestStart: '16:00', latestEnd: '09:00' },
        schoolHours: [{ weekday: 8, from: '14:30', to: '08:30' }],
        colour: 'blue',
      })
      .expect(400);
    const messages: string[] = response.body.message;
    for (const field of [
      'ref',
      'name',
      'timezone',
      'policy.latestEnd',
      'schoolHours[0].weekday',
      'schoolHours[0].to',
      'colour',
    ]) {
      expect(
        messages.some(
          (message) => message.startsWith(`${field}: `) || message.includes(`property ${field} `),
        ),
      ).toBe(true);
    }
  });

  it('keeps municipalities in a region, lists them with filters and pages, and protects a region in use', async () => {
    const { body: berkelland } = await api
      .post('/regions', { ref: 'berkelland', name: 'Berkelland' })
      .expect(201);
    for (const [ref, name] of [
      ['berkelland', 'Berkelland'],
      ['bronckhorst', 'Bronckhorst'],
      ['oost-gelre', 'Oost Gelre'],
    ]) {
      await api.post('/municipalities', { regionId: berkelland.id, ref, name }).expect(201);
    }
    const page = await api.get('/municipalities?region=berkelland&limit=2&offset=1').expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((m: { name: string }) => m.name)).toEqual(['Bronckhorst', 'Oost Gelre']);

    const byRef = await api.get('/municipalities?region=berkelland&ref=bronckhorst').expect(200);
    expect(byRef.body).toMatchObject({ total: 1, items: [{ name: 'Bronckhorst', regionId: berkelland.id }] });

    const unknownRegion = await api.get('/municipalities?region=nowhere').expect(400);
    expect(unknownRegion.body.message).toMatch(/^region: /);
    await api.get('/municipalities?limit=0').expect(400);
    await api.get('/municipalities?limit=5000').expect(400);

    const inUse = await api.delete('/regions/berkelland').expect(409);
    expect(inUse.body.message).toMatch(/still in use/);

    const municipality = byRef.body.items[0];
    const renamed = await api
      .patch(`/municipalities/${municipality.id}`, { name: 'Bronckhorst (Gld)' })
      .expect(200);
    expect(renamed.body.name).toBe('Bronckhorst (Gld)');
    await api.delete(`/municipalities/${municipality.id}`).expect(204);
    await api.get(`/municipalities/${municipality.id}`).expect(404);
    await api.get('/municipalities/not-a-uuid').expect(400);
  });

  it('refuses a municipality in a region that does not exist', async () => {
    const response = await api
      .post('/municipalities', { regionId: '00000000-0000-4000-8000-000000000000', name: 'Nergens' })
      .expect(400);
    expect(response.body.message).toMatch(/^regionId: /);
  });
});

describe('operations', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('reports health without a token', async () => {
    const response = await api.anonymous().get('/health').expect(200);
    expect(response.body.info.database.status).toBe('up');
  });

  it('refuses requests without a valid bearer token', async () => {
    await api.anonymous().get('/regions').expect(401);
    await api.anonymous().get('/regions').set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
  });

  it('serves the OpenAPI description', async () => {
    const response = await api.anonymous().get('/docs/openapi.json').expect(200);
    expect(response.body.paths['/regions']).toBeDefined();
    // The plan's answer is described whole: who can come, the bound, the advice, the closing talks.
    const plan =
      response.body.paths['/programmes/{id}/plan'].post.responses['200'].content['application/json'];
    expect(plan.schema.$ref).toBe('#/components/schemas/ProgrammePlanAnswer');
    const { schemas } = response.body.components;
    expect(Object.keys(schemas.ProgrammePlanAnswer.properties)).toEqual(
      expect.arrayContaining(['sessions', 'groups', 'careAndRides', 'slotSearch', 'closingTalks']),
    );
    expect(Object.keys(schemas.CareAndRidesSummaryDto.properties)).toEqual(
      expect.arrayContaining(['canCome', 'upperBound', 'advice']),
    );
    // Two answers of one name would share one schema, the one read last: a training session and who is signed in.
    const signedIn =
      response.body.paths['/auth/session'].get.responses['200'].content['application/json'].schema.$ref;
    expect(Object.keys(schemas[signedIn.split('/').pop()].properties)).toEqual(
      expect.arrayContaining(['accountId', 'role', 'regionIds']),
    );
    expect(Object.keys(schemas.SessionDto.properties)).toEqual(expect.arrayContaining(['groupId', 'start']));
  });
});
