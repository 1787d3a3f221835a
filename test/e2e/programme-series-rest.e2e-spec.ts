import { messagesOf } from '../support/answers';
import { startTestApp, TestApp } from '../support/test-app';

interface Created {
  id: string;
}

describe('phases and series through the API', () => {
  let api: TestApp;
  let regionId: string;
  let locationId: string;

  const create = async (path: string, body: object): Promise<Created> =>
    (await api.post(path, body).expect(201)).body;
  const problems = async (request: ReturnType<TestApp['post']>) =>
    messagesOf((await request.expect(400)).body);

  const phases = [
    { sessions: 6, sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 180, themes: ['kennismaken'] },
    { endDate: '2027-09-30', sessionsPerWeek: 1, intervalWeeks: 2, durationMinutes: 120 },
  ];

  beforeAll(async () => {
    api = await startTestApp();
    regionId = (await create('/regions', { ref: 'meierijstad', name: 'Meierijstad' })).id;
    const municipalityId = (await create('/municipalities', { regionId, name: 'Meierijstad' })).id;
    locationId = (
      await create('/locations', {
        regionId,
        municipalityId,
        name: 'Wijkhuis Veghel',
        address: 'Markt 1, Veghel',
        position: { lat: 51.616, lon: 5.549 },
      })
    ).id;
  });
  afterAll(() => api.close());

  it('creates a programme of phases, its counts following from them, and answers them', async () => {
    const created = (
      await api
        .post('/programmes', {
          regionId,
          name: 'Meedoen Meierijstad',
          startDate: '2027-03-01',
          phases,
          avoidReligiousPeriods: true,
        })
        .expect(201)
    ).body;
    expect(created).toMatchObject({
      phases,
      avoidReligiousPeriods: true,
      sessionsPerGroup: 6,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 180,
    });
    const patched = (
      await api
        .patch(`/programmes/${created.id}`, { phases: [{ ...phases[0], sessions: 10, durationMinutes: 90 }] })
        .expect(200)
    ).body;
    expect(patched).toMatchObject({ sessionsPerGroup: 10, durationMinutes: 90, avoidReligiousPeriods: true });
    expect(patched.phases).toHaveLength(1);
    const cleared = (await api.patch(`/programmes/${created.id}`, { phases: null }).expect(200)).body;
    expect(cleared).toMatchObject({ phases: [], sessionsPerGroup: 10, durationMinutes: 90 });
  });

  it('refuses phases that do not hold together, naming the field, and stores nothing', async () => {
    const body = { regionId, name: 'Fout', startDate: '2027-03-01' };
    expect(await problems(api.post('/programmes', body))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^sessionsPerGroup: /)]),
    );
    expect(
      await problems(
        api.post('/programmes', { ...body, phases: [{ ...phases[0], endDate: '2027-02-01' }, phases[1]] }),
      ),
    ).toEqual([
      'phases[0].sessions: give either sessions or an endDate',
      'phases[0].endDate: 2027-02-01 is before the start date (2027-03-01)',
    ]);
    expect(
      await problems(api.post('/programmes', { ...body, phases: [{ ...phases[0], sessionsPerWeek: 9 }] })),
    ).toEqual([expect.stringMatching(/^phases\[0\]\.sessionsPerWeek: /)]);
    const programmes = (await api.get(`/programmes?region=${regionId}`).expect(200)).body.items;
    expect(programmes.map((p: { name: string }) => p.name)).toEqual(['Meedoen Meierijstad']);
  });

  it('gives groups their own start date or a group to follow, and refuses a circle or a stranger', async () => {
    const programmeId = (await api.get(`/programmes?region=${regionId}`).expect(200)).body.items[0].id;
    const group = (name: string, extra: object = {}) =>
      api.post('/groups', { regionId, programmeId, locationId, name, ...extra });
    const first = (await group('Reeks 1', { startDate: '2027-03-02' }).expect(201)).body;
    expect(first).toMatchObject({ startDate: '2027-03-02', afterGroupId: null });
    const second = (await group('Reeks 2', { afterGroupId: first.id }).expect(201)).body;
    expect(second).toMatchObject({ startDate: null, afterGroupId: first.id });
    expect(await problems(api.patch(`/groups/${first.id}`, { afterGroupId: second.id }))).toEqual([
      `afterGroupId: group ${second.id} leads back to this group in a circle`,
    ]);
    expect(await problems(api.patch(`/groups/${first.id}`, { afterGroupId: first.id }))).toEqual([
      'afterGroupId: a group cannot follow itself',
    ]);
    expect(await problems(group('Reeks 3', { afterGroupId: locationId }))).toEqual([
      expect.stringMatching(/^afterGroupId: no group /),
    ]);
    expect(await problems(group('Reeks 3', { startDate: '2027-02-30' }))).toEqual([
      expect.stringMatching(/^startDate: /),
    ]);
    const moved = (
      await api.patch(`/groups/${second.id}`, { afterGroupId: null, startDate: '2027-09-07' }).expect(200)
    ).body;
    expect(moved).toMatchObject({ startDate: '2027-09-07', afterGroupId: null });
    expect((await api.get(`/groups/${second.id}`).expect(200)).body).toMatchObject({
      startDate: '2027-09-07',
    });
  });
});
