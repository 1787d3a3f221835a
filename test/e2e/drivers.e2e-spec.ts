import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf, namesOf } from '../support/answers';

describe('drivers', () => {
  let api: TestApp;
  let achterhoek: { id: string };
  let twente: { id: string };
  let bus: { id: string };
  let twenteBus: { id: string };

  const vehicle = (regionId: string, ref: string) => ({
    regionId,
    ref,
    name: `Bus ${ref}`,
    kind: 'minibus',
    seats: 8,
    depot: { lat: 52.0833, lon: 6.6167 },
  });

  beforeAll(async () => {
    api = await startTestApp();
    achterhoek = (await api.post('/regions', { ref: 'achterhoek', name: 'Achterhoek' }).expect(201)).body;
    twente = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body;
    bus = (await api.post('/vehicles', vehicle(achterhoek.id, 'naoberbus')).expect(201)).body;
    twenteBus = (await api.post('/vehicles', vehicle(twente.id, 'twentebus')).expect(201)).body;
  });
  afterAll(() => api.close());

  const driver = () => ({
    regionId: achterhoek.id,
    ref: 'd1',
    name: 'Fatma',
    phone: '+31 6 12345678',
    vehicleId: bus.id,
  });

  it('creates a driver, reads her back, updates and deletes her', async () => {
    const created = await api.post('/drivers', driver()).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      regionId: achterhoek.id,
      ref: 'd1',
      name: 'Fatma',
      phone: '+31612345678',
      vehicleId: bus.id,
    });
    const { id } = created.body;
    expect((await api.get(`/drivers/${id}`).expect(200)).body).toEqual(created.body);

    const renamed = await api.patch(`/drivers/${id}`, { name: 'Fatma B.', phone: '0544-123456' }).expect(200);
    expect(renamed.body).toEqual({ ...created.body, name: 'Fatma B.', phone: '+31544123456' });

    const cleared = await api
      .patch(`/drivers/${id}`, { ref: null, phone: null, vehicleId: null })
      .expect(200);
    expect(cleared.body).toEqual({ ...renamed.body, ref: null, phone: null, vehicleId: null });
    expect((await api.get(`/drivers/${id}`).expect(200)).body).toEqual(cleared.body);

    const reassigned = await api.patch(`/drivers/${id}`, { vehicleId: bus.id }).expect(200);
    expect(reassigned.body.vehicleId).toBe(bus.id);

    await api.delete(`/drivers/${id}`).expect(204);
    await api.get(`/drivers/${id}`).expect(404);
  });

  it('gives a driver no ref, phone or vehicle when they are not given', async () => {
    const created = await api.post('/drivers', { regionId: achterhoek.id, name: 'Gerrit' }).expect(201);
    expect(created.body).toMatchObject({ ref: null, name: 'Gerrit', phone: null, vehicleId: null });
    await api.delete(`/drivers/${created.body.id}`).expect(204);
  });

  it('lists drivers by name, pages them and filters by region, ref and vehicle', async () => {
    const spare = (await api.post('/vehicles', vehicle(achterhoek.id, 'spare')).expect(201)).body;
    for (const [ref, name, vehicleId] of [
      ['l-c', 'Cora', bus.id],
      ['l-a', 'Anke', spare.id],
      ['l-b', 'Bert', bus.id],
    ]) {
      await api.post('/drivers', { ...driver(), ref, name, vehicleId }).expect(201);
    }
    await api
      .post('/drivers', {
        ...driver(),
        regionId: twente.id,
        ref: 'l-a',
        name: 'Aaltje',
        vehicleId: twenteBus.id,
      })
      .expect(201);

    const all = await api.get('/drivers').expect(200);
    expect(all.body.total).toBe(4);
    expect(namesOf(all.body)).toEqual(['Aaltje', 'Anke', 'Bert', 'Cora']);

    const page = await api.get('/drivers?region=achterhoek&limit=2&offset=1').expect(200);
    expect(page.body.total).toBe(3);
    expect(namesOf(page.body)).toEqual(['Bert', 'Cora']);

    expect(namesOf((await api.get(`/drivers?region=${twente.id}`).expect(200)).body)).toEqual(['Aaltje']);
    expect(namesOf((await api.get('/drivers?ref=l-a').expect(200)).body)).toEqual(['Aaltje', 'Anke']);
    expect(namesOf((await api.get('/drivers?region=achterhoek&ref=l-a').expect(200)).body)).toEqual(['Anke']);

    const onBus = await api.get(`/drivers?vehicle=${bus.id}`).expect(200);
    expect(onBus.body.total).toBe(2);
    expect(namesOf(onBus.body)).toEqual(['Bert', 'Cora']);
    expect(namesOf((await api.get(`/drivers?vehicle=${bus.id}&limit=1&offset=1`).expect(200)).body)).toEqual([
      'Cora',
    ]);
    expect(namesOf((await api.get(`/drivers?vehicle=${twenteBus.id}`).expect(200)).body)).toEqual(['Aaltje']);
    expect((await api.get(`/drivers?region=achterhoek&vehicle=${twenteBus.id}`).expect(200)).body).toEqual({
      items: [],
      total: 0,
    });

    const unknownRegion = await api.get('/drivers?region=nowhere').expect(400);
    expect(messagesOf(unknownRegion.body)[0]).toMatch(/^region: /);
    const badVehicle = await api.get('/drivers?vehicle=naoberbus').expect(400);
    expect(messagesOf(badVehicle.body)[0]).toMatch(/^vehicle: /);
    const unknownVehicle = await api.get(`/drivers?vehicle=${UNKNOWN_ID}`).expect(400);
    expect(messagesOf(unknownVehicle.body)[0]).toMatch(/^vehicle: /);
    await api.get('/drivers?phone=0612345678').expect(400);
    await api.get('/drivers?limit=0').expect(400);
  });

  it('keeps the drivers of a deleted vehicle, without a vehicle', async () => {
    const old = (await api.post('/vehicles', vehicle(achterhoek.id, 'old')).expect(201)).body;
    const created = await api.post('/drivers', { ...driver(), ref: 'orphan', vehicleId: old.id }).expect(201);
    await api.delete(`/vehicles/${old.id}`).expect(204);
    const after = await api.get(`/drivers/${created.body.id}`).expect(200);
    expect(after.body).toEqual({ ...created.body, vehicleId: null });
  });

  it('answers 404 for an unknown driver', async () => {
    await api.get(`/drivers/${UNKNOWN_ID}`).expect(404);
    await api.patch(`/drivers/${UNKNOWN_ID}`, { name: 'Niemand' }).expect(404);
    await api.delete(`/drivers/${UNKNOWN_ID}`).expect(404);
    const notAnId = await api.get('/drivers/d1').expect(400);
    expect(messagesOf(notAnId.body)[0]).toMatch(/^id: /);
  });

  it('answers 400 naming every bad field', async () => {
    const response = await api
      .post('/drivers', { ...driver(), ref: '', name: '', phone: 'Fatma', vehicleId: 'naoberbus' })
      .expect(400);
    const messages = messagesOf(response.body);
    for (const field of ['ref', 'name', 'phone', 'vehicleId']) {
      expect(messages.some((message) => message.startsWith(`${field}: `))).toBe(true);
    }
    const missing = await api.post('/drivers', { regionId: achterhoek.id }).expect(400);
    expect(messagesOf(missing.body)).toEqual([expect.stringMatching(/^name: /)]);
    await api.post('/drivers', { ...driver(), ref: 'extra', licence: 'B' }).expect(400);
  });

  it('refuses a null name on update and leaves the driver as she was', async () => {
    const created = await api.post('/drivers', { ...driver(), ref: 'keep' }).expect(201);
    const response = await api.patch(`/drivers/${created.body.id}`, { name: null }).expect(400);
    expect(messagesOf(response.body)[0]).toMatch(/^name: /);
    const badPhone = await api.patch(`/drivers/${created.body.id}`, { phone: 'bel me' }).expect(400);
    expect(messagesOf(badPhone.body)[0]).toMatch(/^phone: /);
    expect((await api.get(`/drivers/${created.body.id}`).expect(200)).body).toEqual(created.body);
  });

  it('refuses a driver in a region that does not exist', async () => {
    const response = await api.post('/drivers', { ...driver(), regionId: UNKNOWN_ID }).expect(400);
    expect(messagesOf(response.body)[0]).toMatch(/^regionId: /);
  });

  it('refuses a vehicle of another region or an unknown vehicle, on create and on update', async () => {
    const elsewhere = await api
      .post('/drivers', { ...driver(), ref: 'x', vehicleId: twenteBus.id })
      .expect(400);
    expect(messagesOf(elsewhere.body)).toEqual([`vehicleId: no vehicle ${twenteBus.id} in this region`]);
    const unknown = await api.post('/drivers', { ...driver(), ref: 'x', vehicleId: UNKNOWN_ID }).expect(400);
    expect(messagesOf(unknown.body)[0]).toMatch(/^vehicleId: /);
    expect((await api.get('/drivers?ref=x').expect(200)).body.total).toBe(0);

    const created = await api.post('/drivers', { ...driver(), ref: 'stays' }).expect(201);
    const moved = await api.patch(`/drivers/${created.body.id}`, { vehicleId: twenteBus.id }).expect(400);
    expect(messagesOf(moved.body)[0]).toMatch(/^vehicleId: /);
    expect((await api.get(`/drivers/${created.body.id}`).expect(200)).body.vehicleId).toBe(bus.id);
  });

  it('refuses a second driver with the same ref in a region with 409 naming the field', async () => {
    await api.post('/drivers', { ...driver(), ref: 'twice' }).expect(201);
    const again = await api.post('/drivers', { ...driver(), ref: 'twice', name: 'Other' }).expect(409);
    expect(messagesOf(again.body)[0]).toMatch(/^ref: /);
    const other = await api.post('/drivers', { ...driver(), ref: 'other' }).expect(201);
    const renamed = await api.patch(`/drivers/${other.body.id}`, { ref: 'twice' }).expect(409);
    expect(messagesOf(renamed.body)[0]).toMatch(/^ref: /);
    await api
      .post('/drivers', { ...driver(), regionId: twente.id, ref: 'twice', vehicleId: null })
      .expect(201);
  });
});
