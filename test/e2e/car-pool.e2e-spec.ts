import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DeleteCarPoolOffersOfErased1795418930000 } from '../../migrations/1795418930000-DeleteCarPoolOffersOfErased';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface Offer {
  id: string;
  driverId: string;
  passengerId: string;
  children: number;
  status: string;
  sessionIds: string[];
}

describe('car-pooling among the women of Bronckhorst', () => {
  let api: TestApp;
  let programmeId: string;
  let idOf: Map<string, string>;
  let refOf: Map<string, string>;
  let sessions: { id: string; date: string }[];

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('bronckhorst-online.scenario.json')).expect(200);
    programmeId = (await api.get('/programmes?region=bronckhorst-online').expect(200)).body.items[0].id;
    const people = (await api.get('/participants?region=bronckhorst-online&limit=100').expect(200)).body
      .items as { id: string; ref: string }[];
    idOf = new Map(people.map((p) => [p.ref, p.id]));
    refOf = new Map(people.map((p) => [p.id, p.ref]));
    // A smaller bus than the pilot's: two seats, so that not every woman can be collected.
    const bus = (await api.get('/vehicles?region=bronckhorst-online').expect(200)).body.items[0];
    await api.patch(`/vehicles/${bus.id}`, { seats: 2, childSeats: 1 }).expect(200);
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    sessions = (await api.get('/sessions?region=bronckhorst-online&limit=100').expect(200)).body.items;
  });
  afterAll(() => api.close());

  const tokenOf = async (ref: string) => {
    const links = (await api.get(`/participants/${idOf.get(ref)}/links`).expect(200)).body;
    return new URL(links.personal).searchParams.get('token')!;
  };
  const as = (token: string) => ({
    get: (path: string) => request(api.app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string) =>
      request(api.app.getHttpServer()).post(path).set('Authorization', `Bearer ${token}`),
  });
  /** Per session date: who rides the vehicles (there) and who is left without a ride, as refs. */
  const rides = async () => {
    const rows: Record<string, { riders: string[]; unrouted: string[] }> = {};
    for (const session of sessions) {
      const body = (await api.get(`/sessions/${session.id}/routes`).expect(200)).body;
      rows[session.date] = {
        riders: (body.routes as { direction: string; stops: { participantId: string }[] }[])
          .filter((route) => route.direction === 'to')
          .flatMap((route) => route.stops.map((stop) => refOf.get(stop.participantId)!))
          .sort(),
        unrouted: [
          ...new Set((body.unrouted as { participantId: string }[]).map((u) => refOf.get(u.participantId)!)),
        ],
      };
    }
    return rows;
  };
  const canCome = async () =>
    (await api.get('/exports/plan?region=bronckhorst-online&from=2027-03-01&to=2027-04-30').expect(200)).body
      .canCome;
  const carPoolMessages = async () =>
    (
      (await api.get('/outbox?region=bronckhorst-online&limit=200').expect(200)).body.items as {
        participantRef: string;
        kind: string;
        language: string;
        body: string;
      }[]
    ).filter((message) => message.kind === 'car-pool');
  const pairs = (offers: Offer[]) =>
    offers.map(
      (o) => `${refOf.get(o.driverId)}>${refOf.get(o.passengerId)} ${o.status} ${o.sessionIds.length}`,
    );

  const offersOf = async () =>
    (await api.get(`/programmes/${programmeId}/car-pool`).expect(200)).body.items as Offer[];
  const offerOf = async (driver: string, passenger: string) =>
    (await offersOf()).find((o) => o.driverId === idOf.get(driver) && o.passengerId === idOf.get(passenger))!;
  const inPerson = ['2027-03-02', '2027-03-09', '2027-04-06', '2027-04-13', '2027-04-20'];

  it('refuses seats and detour limits that make no sense, naming the field', async () => {
    const b4 = idOf.get('b4');
    for (const seats of ['two', -1, 9, 1.5])
      await api.patch(`/participants/${b4}`, { carSeatsOffered: seats }).expect(400, /carSeatsOffered/);
    const propose = `/programmes/${programmeId}/car-pool/propose`;
    await api.post(propose, { maxDetourMinutes: -1 }).expect(400, /maxDetourMinutes/);
    await api.post(propose, { maxDetourShare: 2 }).expect(400, /maxDetourShare/);
    await api.post(propose, { seats: 2 }).expect(400, /seats/);
    expect((await api.get(`/participants/${b4}`).expect(200)).body.carSeatsOffered).toBe(0);
    expect(await offersOf()).toEqual([]);
  });

  it('offers the women with a car to take along those on their way, the one without a ride first, and tells them in their language', async () => {
    const standing = await rides();
    for (const date of inPerson) expect(standing[date].unrouted).toEqual(['b6']);
    expect((await canCome()).canCome).toBe(59);
    for (const ref of ['b4', 'b8'])
      expect(
        (await api.patch(`/participants/${idOf.get(ref)}`, { carSeatsOffered: 2 }).expect(200)).body
          .carSeatsOffered,
      ).toBe(2);
    const proposed = (
      await api.post(`/programmes/${programmeId}/car-pool/propose`, { maxDetourMinutes: 20 }).expect(200)
    ).body;
    // b6 (east, left without a ride) fits b4's way with her child; b1 rides with b4 while b6 is online, and
    // with b8 when b8 comes in person.
    expect(pairs(proposed.offers)).toEqual(['b4>b1 offered 3', 'b4>b6 offered 5', 'b8>b1 offered 5']);
    expect(proposed).toMatchObject({ sessions: 8, told: 3 });
    const b6 = proposed.offers.find((o: Offer) => o.passengerId === idOf.get('b6'));
    expect(b6.children).toBe(1);
    const told = await carPoolMessages();
    expect(told.map((m) => `${m.participantRef} ${m.language}`).sort()).toEqual(['b4 ti', 'b4 ti', 'b8 uk']);
    const toB8 = told.find((m) => m.participantRef === 'b8')!;
    expect(toB8.body).toContain('Скажіть так чи ні на своїй сторінці Trefpunt: http://localhost:3000/me');
    expect(toB8.body).toContain('5 разів');
    // Nothing is offered twice.
    const again = (
      await api.post(`/programmes/${programmeId}/car-pool/propose`, { maxDetourMinutes: 20 }).expect(200)
    ).body;
    expect(again).toMatchObject({ offers: [], told: 0 });
    expect(await rides()).toEqual(standing);
  });

  it('shows the offer on her page; when she declines, nothing changes and the pair is not asked again', async () => {
    const before = { rides: await rides(), canCome: (await canCome()).canCome };
    const b8 = as(await tokenOf('b8'));
    const mine = (await b8.get('/me/car-pool').expect(200)).body.items;
    expect(mine).toEqual([
      {
        id: expect.any(String),
        role: 'driver',
        status: 'offered',
        with: 'Deelnemer',
        address: null,
        phone: null,
        children: 1,
        sessions: inPerson.map((date) => ({
          sessionId: expect.any(String),
          start: `${date}T09:00:00${date < '2027-03-28' ? '+01:00' : '+02:00'}`,
        })),
      },
    ]);
    // Another woman cannot answer it.
    const b1 = as(await tokenOf('b1'));
    await b1.post(`/me/car-pool/${mine[0].id}/accept`).expect(404);
    await b8.post('/me/car-pool/not-a-uuid/decline').expect(400, /id/);
    expect((await b8.post(`/me/car-pool/${mine[0].id}/decline`).expect(200)).body.status).toBe('declined');
    await b8.post(`/me/car-pool/${mine[0].id}/accept`).expect(409, /declined/);
    expect({ rides: await rides(), canCome: (await canCome()).canCome }).toEqual(before);
    // The pair is not asked again; her seats may go to the next woman on her way.
    const again = (
      await api.post(`/programmes/${programmeId}/car-pool/propose`, { maxDetourMinutes: 20 }).expect(200)
    ).body;
    expect(pairs(again.offers)).toEqual(['b8>b2 offered 5']);
    expect(
      (await b8.get('/me/car-pool').expect(200)).body.items.map((o: { status: string }) => o.status),
    ).toEqual(['offered']);
  });

  it('when she accepts, the woman she takes along has a ride there and back, leaves the bus lists, and both are told', async () => {
    const offer = await offerOf('b4', 'b6');
    const b4 = as(await tokenOf('b4'));
    expect((await b4.post(`/me/car-pool/${offer.id}/accept`).expect(200)).body.status).toBe('accepted');
    const after = await rides();
    for (const session of sessions) expect(after[session.date].unrouted).toEqual([]);
    for (const date of inPerson) expect(after[date].riders).toEqual(['b1', 'b2', 'b5']);
    const standing = await canCome();
    expect(standing.canCome).toBe(standing.memberSessions);
    expect(standing.cannotCome).toEqual([]);
    const told = (await carPoolMessages()).filter((m) => !m.body.includes('/me'));
    expect(told.map((m) => `${m.participantRef} ${m.language}`).sort()).toEqual(['b4 ti', 'b6 so']);
    expect(told.find((m) => m.participantRef === 'b4')!.body).toContain('Straat 6, Vorden');
    // Her page shows the ride she gets, with the driver's first name and phone.
    const b6 = as(await tokenOf('b6'));
    const mine = (await b6.get('/me/car-pool').expect(200)).body.items;
    expect(mine).toMatchObject([{ role: 'passenger', status: 'accepted', with: 'Deelnemer', address: null }]);
    expect(mine[0].phone).toMatch(/^\+31/);
    await b6.post(`/me/car-pool/${offer.id}/decline`).expect(404);
    await b4.post(`/me/car-pool/${offer.id}/accept`).expect(409, /accepted/);
  });

  it('lists the offers for the coordinator; withdrawing an accepted one gives her back to the bus', async () => {
    expect(pairs(await offersOf()).sort()).toEqual([
      'b4>b1 offered 3',
      'b4>b6 accepted 5',
      'b8>b1 declined 5',
      'b8>b2 offered 5',
    ]);
    const offer = await offerOf('b4', 'b6');
    expect((await api.post(`/car-pool-offers/${offer.id}/withdraw`).expect(200)).body.status).toBe(
      'withdrawn',
    );
    await api.post(`/car-pool-offers/${offer.id}/withdraw`).expect(409, /withdrawn/);
    const after = await rides();
    for (const date of inPerson) expect(after[date].unrouted).toEqual(['b6']);
    expect((await carPoolMessages()).some((m) => m.participantRef === 'b6' && m.body.includes('Basku'))).toBe(
      true,
    );
  });

  it('forgets the offers of a woman who is erased, so that her passengers go back to the bus', async () => {
    const offer = await offerOf('b8', 'b2');
    const b8 = as(await tokenOf('b8'));
    expect((await b8.post(`/me/car-pool/${offer.id}/accept`).expect(200)).body.status).toBe('accepted');
    for (const date of inPerson) expect((await rides())[date].riders).not.toContain('b2');
    await api.post(`/participants/${idOf.get('b8')}/erase`).expect(200);
    expect(pairs(await offersOf()).filter((pair) => pair.includes('b8'))).toEqual([]);
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    for (const date of inPerson) expect((await rides())[date].riders).toContain('b2');
  });

  it('offers no car for a session before the driver or the passenger is ready (rolling start)', async () => {
    // b6 is ready from 10 April, b4 from 15 April: of their in-person sessions only 20 April is both of theirs.
    await api.patch(`/participants/${idOf.get('b6')}`, { readyFrom: '2027-04-10' }).expect(200);
    await api.patch(`/participants/${idOf.get('b4')}`, { readyFrom: '2027-04-15' }).expect(200);
    const proposed = (
      await api.post(`/programmes/${programmeId}/car-pool/propose`, { maxDetourMinutes: 20 }).expect(200)
    ).body.offers as Offer[];
    const dateOf = new Map(sessions.map((session) => [session.id, session.date]));
    const readyFrom: Record<string, string> = { b4: '2027-04-15', b6: '2027-04-10' };
    const dates = proposed.map(
      (o) =>
        `${refOf.get(o.driverId)}>${refOf.get(o.passengerId)} ${o.sessionIds.map((id) => dateOf.get(id)).sort()}`,
    );
    expect(dates).toContain('b4>b6 2027-04-20');
    for (const offer of proposed)
      for (const woman of [offer.driverId, offer.passengerId])
        for (const id of offer.sessionIds)
          expect(dateOf.get(id)! >= (readyFrom[refOf.get(woman)!] ?? '')).toBe(true);
  });
});

describe('the migration that deletes the car-pool offers of women erased before erasure deleted them', () => {
  let api: TestApp;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('bronckhorst-online.scenario.json')).expect(200);
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  it('deletes those offers, and only those', async () => {
    const programmeId = (await api.get('/programmes?region=bronckhorst-online').expect(200)).body.items[0].id;
    const people = (await api.get('/participants?region=bronckhorst-online&limit=100').expect(200)).body
      .items as { id: string; ref: string }[];
    const idOf = new Map(people.map((p) => [p.ref, p.id]));
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    for (const ref of ['b4', 'b8'])
      await api.patch(`/participants/${idOf.get(ref)}`, { carSeatsOffered: 2 }).expect(200);
    await api.post(`/programmes/${programmeId}/car-pool/propose`, { maxDetourMinutes: 20 }).expect(200);
    const offers = async () =>
      (
        await db.query<{ driver_id: string; passenger_id: string }>(
          'SELECT driver_id, passenger_id FROM car_pool_offers ORDER BY driver_id, passenger_id',
        )
      ).rows;
    const before = await offers();
    const erased = idOf.get('b8');
    const theirs = (row: { driver_id: string; passenger_id: string }) =>
      row.driver_id === erased || row.passenger_id === erased;
    expect(before.filter(theirs).length).toBeGreaterThan(0);
    expect(before.filter((row) => !theirs(row)).length).toBeGreaterThan(0);
    // As erasure left things before it deleted offers too: the woman marked erased, her offers kept.
    await db.query('UPDATE participants SET erased_at = now() WHERE id = $1', [erased]);
    await new DeleteCarPoolOffersOfErased1795418930000().up({
      query: (sql: string) => db.query(sql),
    } as never);
    expect(await offers()).toEqual(before.filter((row) => !theirs(row)));
  });
});
