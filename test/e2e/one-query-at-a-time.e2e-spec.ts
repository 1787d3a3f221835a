import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A transaction is one connection, and a connection answers one query at a time: pg 8 queues a query sent while
 * another is still running (and warns that it is deprecated), pg 9 refuses it. Records with lists (a region's
 * school hours and closed dates, a provider's opening hours and places, the weekly availability of trainers,
 * interpreters, staff members and vehicles, a location's opening hours) are written and deleted one query after
 * the other.
 */
describe('one query at a time on a connection', () => {
  let api: TestApp;
  let db: Client;
  /** The SQL of every query sent to a connection that was still busy with another. */
  const overlapping: string[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    const running = new WeakMap<Client, number>();
    const query = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if ((running.get(this) ?? 0) > 0)
        overlapping.push(String((args[0] as { text?: string }).text ?? args[0]));
      const result = query.apply(this, args);
      if (!(result instanceof Promise)) return result;
      running.set(this, (running.get(this) ?? 0) + 1);
      const done = () => running.set(this, running.get(this)! - 1);
      result.then(done, done);
      return result;
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await db.end();
    await api.close();
  });
  beforeEach(() => {
    overlapping.length = 0;
  });

  const rowsOf = async (table: string, column: string, id: string): Promise<number> =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]))
      .rows[0].n;

  it('changes and deletes a region with its school hours and closed dates', async () => {
    const region = (
      await api
        .post('/regions', {
          ref: 'achterhoek',
          name: 'Achterhoek',
          schoolHours: [{ weekday: 1, from: '08:30', to: '14:30' }],
          closedDates: [{ from: '2027-02-20', to: '2027-02-28', reason: 'voorjaarsvakantie' }],
        })
        .expect(201)
    ).body;

    const renamed = await api.patch('/regions/achterhoek', { name: 'Achterhoek-Oost' }).expect(200);
    expect(renamed.body).toMatchObject({
      name: 'Achterhoek-Oost',
      schoolHours: [{ weekday: 1, from: '08:30', to: '14:30' }],
      closedDates: [{ from: '2027-02-20', to: '2027-02-28', reason: 'voorjaarsvakantie' }],
    });
    const changed = await api
      .patch('/regions/achterhoek', {
        schoolHours: [
          { weekday: 3, from: '08:30', to: '12:00' },
          { weekday: 2, from: '08:30', to: '14:30' },
        ],
        closedDates: [{ from: '2027-10-16', to: '2027-10-24' }],
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      name: 'Achterhoek-Oost',
      schoolHours: [
        { weekday: 2, from: '08:30', to: '14:30' },
        { weekday: 3, from: '08:30', to: '12:00' },
      ],
      closedDates: [{ from: '2027-10-16', to: '2027-10-24', reason: '' }],
    });
    expect(await rowsOf('region_school_hours', 'region_id', region.id)).toBe(2);

    await api.delete('/regions/achterhoek').expect(204);
    await api.delete('/regions/achterhoek').expect(404);
    expect(await rowsOf('region_school_hours', 'region_id', region.id)).toBe(0);
    expect(await rowsOf('region_closed_dates', 'region_id', region.id)).toBe(0);
    expect(overlapping).toEqual([]);
  });

  it('changes and deletes a childcare provider with its opening hours and places', async () => {
    const region = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body;
    const provider = (
      await api
        .post('/childcare-providers', {
          regionId: region.id,
          name: 'Het Vlindertje',
          kind: 'formal',
          position: { lat: 52.22, lon: 6.89 },
          openingHours: [{ weekday: 1, from: '07:30', to: '18:30' }],
          places: [{ minAgeMonths: 0, maxAgeMonths: 47, capacity: 12 }],
        })
        .expect(201)
    ).body;

    await api.patch(`/childcare-providers/${provider.id}`, { pricePerHour: 10 }).expect(200);
    const changed = await api
      .patch(`/childcare-providers/${provider.id}`, {
        openingHours: [{ weekday: 2, from: '08:00', to: '17:00' }],
        places: [
          { minAgeMonths: 0, maxAgeMonths: 23, capacity: 6 },
          { minAgeMonths: 24, maxAgeMonths: 47, capacity: 8 },
        ],
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      pricePerHour: 10,
      openingHours: [{ weekday: 2, from: '08:00', to: '17:00' }],
      places: [
        { minAgeMonths: 0, maxAgeMonths: 23, capacity: 6 },
        { minAgeMonths: 24, maxAgeMonths: 47, capacity: 8 },
      ],
    });

    await api.delete(`/childcare-providers/${provider.id}`).expect(204);
    await api.delete(`/childcare-providers/${provider.id}`).expect(404);
    expect(await rowsOf('childcare_places', 'provider_id', provider.id)).toBe(0);
    expect(await rowsOf('childcare_opening_hours', 'provider_id', provider.id)).toBe(0);
    expect(overlapping).toEqual([]);
  });

  describe('records with a weekly availability or opening hours', () => {
    let regionId: string;
    let municipalityId: string;
    beforeAll(async () => {
      regionId = (await api.post('/regions', { ref: 'salland', name: 'Salland' }).expect(201)).body.id;
      municipalityId = (
        await api.post('/municipalities', { regionId, ref: 'deventer', name: 'Deventer' }).expect(201)
      ).body.id;
    });

    const kinds = () => [
      {
        path: '/trainers',
        body: { name: 'Fatima' },
        list: 'availability',
        table: 'trainer_availability',
        column: 'trainer_id',
      },
      {
        path: '/interpreters',
        body: { name: 'Amina', languages: ['ar'] },
        list: 'availability',
        table: 'interpreter_availability',
        column: 'interpreter_id',
      },
      {
        path: '/staff-members',
        body: { name: 'Noor', roles: ['co-trainer'] },
        list: 'availability',
        table: 'staff_member_availability',
        column: 'staff_member_id',
      },
      {
        path: '/vehicles',
        body: { name: 'Taxibus 1', kind: 'taxibus', seats: 8, depot: { lat: 52.25, lon: 6.16 } },
        list: 'availability',
        table: 'vehicle_availability',
        column: 'vehicle_id',
      },
      {
        path: '/locations',
        body: {
          municipalityId,
          name: 'Buurthuis De Hoven',
          address: 'Hovenstraat 1, Deventer',
          position: { lat: 52.25, lon: 6.15 },
        },
        list: 'openingHours',
        table: 'location_opening_hours',
        column: 'location_id',
      },
    ];

    it.each(['/trainers', '/interpreters', '/staff-members', '/vehicles', '/locations'])(
      'changes and deletes one of %s with its weekly windows',
      async (path) => {
        const kind = kinds().find((candidate) => candidate.path === path)!;
        const record = (
          await api
            .post(path, { ...kind.body, regionId, [kind.list]: [{ weekday: 1, from: '09:00', to: '12:00' }] })
            .expect(201)
        ).body;

        const renamed = await api.patch(`${path}/${record.id}`, { name: 'Renamed' }).expect(200);
        expect(renamed.body).toMatchObject({
          name: 'Renamed',
          [kind.list]: [{ weekday: 1, from: '09:00', to: '12:00' }],
        });
        const changed = await api
          .patch(`${path}/${record.id}`, {
            [kind.list]: [
              { weekday: 4, from: '13:00', to: '16:00' },
              { weekday: 2, from: '08:30', to: '12:00' },
            ],
          })
          .expect(200);
        expect(changed.body).toEqual({
          ...renamed.body,
          [kind.list]: [
            { weekday: 2, from: '08:30', to: '12:00' },
            { weekday: 4, from: '13:00', to: '16:00' },
          ],
        });
        expect((await api.get(`${path}/${record.id}`).expect(200)).body).toEqual(changed.body);
        expect(await rowsOf(kind.table, kind.column, record.id)).toBe(2);

        await api.delete(`${path}/${record.id}`).expect(204);
        await api.delete(`${path}/${record.id}`).expect(404);
        expect(await rowsOf(kind.table, kind.column, record.id)).toBe(0);
        expect(overlapping).toEqual([]);
      },
    );
  });
});
