import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID, messagesOf, namesOf } from '../support/answers';

/** Whether some problem of the answer starts with the field's name. */
const namesField = (body: { message: string | string[] }, field: string): boolean =>
  messagesOf(body).some((message) => message.startsWith(`${field}: `));

interface Created {
  id: string;
}

describe('programmes, groups and sessions', () => {
  let api: TestApp;
  let achterhoek: Created;
  let twente: Created;
  let deKei: Created;
  let hetAnker: Created;
  let twenteLocation: Created;
  let participants: Created[];
  let twenteParticipant: Created;
  let trainers: Created[];
  let twenteTrainer: Created;
  let interpreter: Created;
  let twenteInterpreter: Created;

  const create = async (path: string, body: object): Promise<Created> =>
    (await api.post(path, body).expect(201)).body;

  const location = (regionId: string, municipalityId: string, ref: string, name: string) =>
    create('/locations', {
      regionId,
      municipalityId,
      ref,
      name,
      address: 'Kerkstraat 1, Borculo',
      position: { lat: 52.1158, lon: 6.5215 },
    });

  const participant = (regionId: string, municipalityId: string, ref: string) =>
    create('/participants', {
      regionId,
      municipalityId,
      ref,
      name: `Deelnemer ${ref}`,
      phone: '+31 6 12345678',
      language: 'ar',
      reminderChannel: 'sms',
      transport: 'pickup',
      address: 'Marktstraat 1, Eibergen',
      position: { lat: 52.1, lon: 6.65 },
    });

  beforeAll(async () => {
    api = await startTestApp();
    achterhoek = await create('/regions', { ref: 'achterhoek', name: 'Achterhoek' });
    twente = await create('/regions', { ref: 'twente', name: 'Twente' });
    const berkelland = await create('/municipalities', { regionId: achterhoek.id, name: 'Berkelland' });
    const enschede = await create('/municipalities', { regionId: twente.id, name: 'Enschede' });
    deKei = await location(achterhoek.id, berkelland.id, 'kei', 'Buurthuis De Kei');
    hetAnker = await location(achterhoek.id, berkelland.id, 'anker', 'Het Anker');
    twenteLocation = await location(twente.id, enschede.id, 'wijkhuis', 'Wijkhuis');
    participants = [];
    for (const ref of ['p1', 'p2', 'p3'])
      participants.push(await participant(achterhoek.id, berkelland.id, ref));
    twenteParticipant = await participant(twente.id, enschede.id, 'p1');
    trainers = [
      await create('/trainers', { regionId: achterhoek.id, ref: 't1', name: 'Fatima' }),
      await create('/trainers', { regionId: achterhoek.id, ref: 't2', name: 'Ingrid' }),
    ];
    twenteTrainer = await create('/trainers', { regionId: twente.id, ref: 't1', name: 'Carla' });
    interpreter = await create('/interpreters', { regionId: achterhoek.id, name: 'Amal', languages: ['ar'] });
    twenteInterpreter = await create('/interpreters', {
      regionId: twente.id,
      name: 'Selam',
      languages: ['ti'],
    });
  });
  afterAll(() => api.close());

  const programme = (overrides: object = {}) => ({
    regionId: achterhoek.id,
    ref: 'voorjaar',
    name: 'Samen sterk voorjaar 2027',
    startDate: '2027-03-01',
    sessionsPerGroup: 12,
    durationMinutes: 120,
    ...overrides,
  });

  describe('programmes', () => {
    it('creates a programme with weekly defaults, reads, updates and deletes it', async () => {
      const created = await api.post('/programmes', programme()).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        regionId: achterhoek.id,
        ref: 'voorjaar',
        name: 'Samen sterk voorjaar 2027',
        startDate: '2027-03-01',
        sessionsPerGroup: 12,
        sessionsPerWeek: 1,
        intervalWeeks: 1,
        durationMinutes: 120,
        phases: [],
        avoidReligiousPeriods: false,
        roles: [],
      });
      const { id } = created.body;
      expect((await api.get(`/programmes/${id}`).expect(200)).body).toEqual(created.body);

      const updated = await api
        .patch(`/programmes/${id}`, {
          sessionsPerWeek: 2,
          intervalWeeks: 2,
          startDate: '2027-03-08',
          ref: null,
        })
        .expect(200);
      expect(updated.body).toEqual({
        ...created.body,
        sessionsPerWeek: 2,
        intervalWeeks: 2,
        startDate: '2027-03-08',
        ref: null,
      });

      await api.delete(`/programmes/${id}`).expect(204);
      await api.get(`/programmes/${id}`).expect(404);
      await api.patch(`/programmes/${id}`, { name: 'Nergens' }).expect(404);
      await api.delete(`/programmes/${id}`).expect(404);
      await api.get('/programmes/not-a-uuid').expect(400);
    });

    it('lists programmes by name, pages them and filters by region and ref', async () => {
      const ids: string[] = [];
      for (const [ref, name] of [
        ['c', 'Najaar'],
        ['a', 'Herfst'],
        ['b', 'Lente'],
      ]) {
        ids.push((await create('/programmes', programme({ ref, name }))).id);
      }
      ids.push(
        (await create('/programmes', programme({ regionId: twente.id, ref: 'a', name: 'Twents' }))).id,
      );

      const page = await api.get('/programmes?region=achterhoek&limit=2&offset=1').expect(200);
      expect(page.body.total).toBe(3);
      expect(page.body.items.map((item: { name: string }) => item.name)).toEqual(['Lente', 'Najaar']);

      const byRef = await api.get('/programmes?ref=a').expect(200);
      expect(byRef.body.items.map((item: { name: string }) => item.name)).toEqual(['Herfst', 'Twents']);
      const byRegionAndRef = await api.get(`/programmes?region=${twente.id}&ref=a`).expect(200);
      expect(byRegionAndRef.body).toMatchObject({
        total: 1,
        items: [{ name: 'Twents', regionId: twente.id }],
      });

      expect(namesField((await api.get('/programmes?region=nowhere').expect(400)).body, 'region')).toBe(true);
      expect(namesField((await api.get('/programmes?colour=blue').expect(400)).body, 'colour')).toBe(true);
      for (const id of ids) await api.delete(`/programmes/${id}`).expect(204);
    });

    it('answers 400 naming every bad field of a programme', async () => {
      const response = await api
        .post(
          '/programmes',
          programme({
            name: '',
            startDate: '2027-02-30',
            sessionsPerGroup: 0,
            sessionsPerWeek: 8,
            intervalWeeks: 0,
            durationMinutes: 1441,
          }),
        )
        .expect(400);
      for (const field of [
        'name',
        'startDate',
        'sessionsPerGroup',
        'sessionsPerWeek',
        'intervalWeeks',
        'durationMinutes',
      ]) {
        expect(namesField(response.body, field)).toBe(true);
      }
      const cleared = await api.post('/programmes', programme({ sessionsPerWeek: null })).expect(400);
      expect(namesField(cleared.body, 'sessionsPerWeek')).toBe(true);
    });

    it('refuses a programme in a region that does not exist', async () => {
      const response = await api.post('/programmes', programme({ regionId: UNKNOWN_ID })).expect(400);
      expect(namesField(response.body, 'regionId')).toBe(true);
    });

    it('refuses a second programme with the same ref in a region with 409', async () => {
      const first = await create('/programmes', programme({ ref: 'twice' }));
      const again = await api.post('/programmes', programme({ ref: 'twice' })).expect(409);
      expect(namesField(again.body, 'ref')).toBe(true);
      await api.delete(`/programmes/${first.id}`).expect(204);
    });
  });

  describe('groups', () => {
    let voorjaar: Created;
    let twenteProgramme: Created;
    beforeAll(async () => {
      voorjaar = await create('/programmes', programme({ ref: 'groups' }));
      twenteProgramme = await create('/programmes', programme({ regionId: twente.id, ref: 'groups' }));
    });

    const group = (overrides: object = {}) => ({
      regionId: achterhoek.id,
      ref: 'g1',
      programmeId: voorjaar.id,
      name: 'Eibergen dinsdag',
      locationId: deKei.id,
      participantIds: [participants[2].id, participants[0].id],
      trainerIds: [trainers[1].id, trainers[0].id],
      interpreterLanguages: ['ar', 'prs'],
      ...overrides,
    });

    it('creates a group with sorted members and trainers, reads, replaces its lists and deletes it', async () => {
      const created = await api.post('/groups', group()).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        regionId: achterhoek.id,
        ref: 'g1',
        programmeId: voorjaar.id,
        name: 'Eibergen dinsdag',
        locationId: deKei.id,
        participantIds: [participants[2].id, participants[0].id].sort(),
        hiddenParticipants: 0,
        trainerIds: [trainers[1].id, trainers[0].id].sort(),
        interpreterLanguages: ['ar', 'prs'],
        startDate: null,
        afterGroupId: null,
        rollingStart: null,
      });
      const { id } = created.body;
      expect((await api.get(`/groups/${id}`).expect(200)).body).toEqual(created.body);

      const renamed = await api.patch(`/groups/${id}`, { name: 'Eibergen woensdag' }).expect(200);
      expect(renamed.body).toEqual({ ...created.body, name: 'Eibergen woensdag' });

      const replaced = await api
        .patch(`/groups/${id}`, {
          participantIds: [participants[1].id],
          trainerIds: [trainers[0].id],
          locationId: hetAnker.id,
          interpreterLanguages: [],
        })
        .expect(200);
      expect(replaced.body).toMatchObject({
        participantIds: [participants[1].id],
        trainerIds: [trainers[0].id],
        locationId: hetAnker.id,
        interpreterLanguages: [],
      });
      expect((await api.get(`/groups/${id}`).expect(200)).body).toEqual(replaced.body);

      const emptied = await api.patch(`/groups/${id}`, { participantIds: [] }).expect(200);
      expect(emptied.body.participantIds).toEqual([]);

      await api.delete(`/groups/${id}`).expect(204);
      await api.get(`/groups/${id}`).expect(404);
      await api.patch(`/groups/${id}`, { name: 'Weg' }).expect(404);
      await api.get('/groups/not-a-uuid').expect(400);
    });

    it('gives a group without lists empty ones', async () => {
      const created = await api
        .post('/groups', {
          regionId: achterhoek.id,
          programmeId: voorjaar.id,
          name: 'Leeg',
          locationId: deKei.id,
        })
        .expect(201);
      expect(created.body).toMatchObject({
        ref: null,
        participantIds: [],
        trainerIds: [],
        interpreterLanguages: [],
      });
      await api.delete(`/groups/${created.body.id}`).expect(204);
    });

    it('names the member that is not a participant of the region, by her place in the list', async () => {
      const otherRegion = await api
        .post(
          '/groups',
          group({ participantIds: [participants[0].id, participants[1].id, twenteParticipant.id] }),
        )
        .expect(400);
      expect(messagesOf(otherRegion.body)[0]).toMatch(/^participantIds\[2\]: /);

      const unknown = await api.post('/groups', group({ participantIds: [UNKNOWN_ID] })).expect(400);
      expect(namesField(unknown.body, 'participantIds[0]')).toBe(true);

      const notAnId = await api
        .post('/groups', group({ participantIds: [participants[0].id, 'amina'] }))
        .expect(400);
      expect(namesField(notAnId.body, 'participantIds[1]')).toBe(true);

      const twice = await api
        .post(
          '/groups',
          group({ participantIds: [participants[0].id, participants[1].id, participants[0].id] }),
        )
        .expect(400);
      expect(messagesOf(twice.body)[0]).toBe('participantIds[2]: repeats participantIds[0]');

      const trainerElsewhere = await api
        .post('/groups', group({ trainerIds: [twenteTrainer.id] }))
        .expect(400);
      expect(namesField(trainerElsewhere.body, 'trainerIds[0]')).toBe(true);
      expect((await api.get('/groups?region=achterhoek').expect(200)).body.total).toBe(0);
    });

    it('refuses a programme or a location of another region', async () => {
      const programmeElsewhere = await api
        .post('/groups', group({ programmeId: twenteProgramme.id }))
        .expect(400);
      expect(namesField(programmeElsewhere.body, 'programmeId')).toBe(true);
      const locationElsewhere = await api
        .post('/groups', group({ locationId: twenteLocation.id }))
        .expect(400);
      expect(namesField(locationElsewhere.body, 'locationId')).toBe(true);
      const regionUnknown = await api.post('/groups', group({ regionId: UNKNOWN_ID })).expect(400);
      expect(namesField(regionUnknown.body, 'regionId')).toBe(true);

      const created = await create('/groups', group());
      const moved = await api.patch(`/groups/${created.id}`, { locationId: twenteLocation.id }).expect(400);
      expect(namesField(moved.body, 'locationId')).toBe(true);
      const replaced = await api
        .patch(`/groups/${created.id}`, { participantIds: [twenteParticipant.id] })
        .expect(400);
      expect(namesField(replaced.body, 'participantIds[0]')).toBe(true);
      const unchanged = await api.get(`/groups/${created.id}`).expect(200);
      expect(unchanged.body.participantIds).toEqual([participants[2].id, participants[0].id].sort());
      await api.delete(`/groups/${created.id}`).expect(204);
    });

    it('answers 400 naming every bad field of a group', async () => {
      const response = await api
        .post(
          '/groups',
          group({
            programmeId: 'voorjaar',
            name: '',
            locationId: 42,
            participantIds: 'p1',
            trainerIds: [7],
            interpreterLanguages: ['Arabic'],
          }),
        )
        .expect(400);
      for (const field of [
        'programmeId',
        'name',
        'locationId',
        'participantIds',
        'trainerIds',
        'interpreterLanguages',
      ]) {
        expect(namesField(response.body, field)).toBe(true);
      }
      const cleared = await api.post('/groups', group({ trainerIds: null })).expect(400);
      expect(namesField(cleared.body, 'trainerIds')).toBe(true);
    });

    it('lists groups by name with pages and filters by region, ref, programme, location and participant', async () => {
      const other = await create('/programmes', programme({ ref: 'other', name: 'Ander programma' }));
      const a = await create(
        '/groups',
        group({ ref: 'ga', name: 'A', participantIds: [participants[0].id] }),
      );
      const b = await create(
        '/groups',
        group({
          ref: 'gb',
          name: 'B',
          locationId: hetAnker.id,
          participantIds: [participants[0].id, participants[1].id],
        }),
      );
      const c = await create(
        '/groups',
        group({ ref: 'gc', name: 'C', programmeId: other.id, participantIds: [] }),
      );
      const t = await create('/groups', {
        regionId: twente.id,
        ref: 'ga',
        programmeId: twenteProgramme.id,
        name: 'T',
        locationId: twenteLocation.id,
        participantIds: [twenteParticipant.id],
      });

      const page = await api.get('/groups?region=achterhoek&limit=2&offset=1').expect(200);
      expect(page.body.total).toBe(3);
      expect(namesOf(page.body)).toEqual(['B', 'C']);
      expect(namesOf((await api.get('/groups?ref=ga').expect(200)).body)).toEqual(['A', 'T']);
      expect(namesOf((await api.get(`/groups?region=twente&ref=ga`).expect(200)).body)).toEqual(['T']);
      expect(namesOf((await api.get(`/groups?programme=${voorjaar.id}`).expect(200)).body)).toEqual([
        'A',
        'B',
      ]);
      expect(namesOf((await api.get(`/groups?location=${hetAnker.id}`).expect(200)).body)).toEqual(['B']);

      const hers = await api.get(`/groups?participant=${participants[0].id}`).expect(200);
      expect(namesOf(hers.body)).toEqual(['A', 'B']);
      // Filtering by one member still answers all members of her groups.
      expect(hers.body.items[1].participantIds).toEqual([participants[0].id, participants[1].id].sort());
      expect(namesOf((await api.get(`/groups?participant=${participants[2].id}`).expect(200)).body)).toEqual(
        [],
      );

      expect(
        namesField((await api.get(`/groups?participant=${UNKNOWN_ID}`).expect(400)).body, 'participant'),
      ).toBe(true);
      expect(
        namesField((await api.get(`/groups?programme=${UNKNOWN_ID}`).expect(400)).body, 'programme'),
      ).toBe(true);
      expect(namesField((await api.get(`/groups?location=${UNKNOWN_ID}`).expect(400)).body, 'location')).toBe(
        true,
      );
      expect(namesField((await api.get('/groups?location=kei').expect(400)).body, 'location')).toBe(true);
      expect(namesField((await api.get('/groups?region=nowhere').expect(400)).body, 'region')).toBe(true);

      const inUse = await api.delete(`/programmes/${other.id}`).expect(409);
      expect(messagesOf(inUse.body)[0]).toMatch(/still in use/);

      for (const { id } of [a, b, c, t]) await api.delete(`/groups/${id}`).expect(204);
      await api.delete(`/programmes/${other.id}`).expect(204);
    });

    it('refuses a second group with the same ref in a region with 409', async () => {
      const first = await create('/groups', group({ ref: 'twice' }));
      const again = await api.post('/groups', group({ ref: 'twice' })).expect(409);
      expect(namesField(again.body, 'ref')).toBe(true);
      await api.delete(`/groups/${first.id}`).expect(204);
    });
  });

  describe('sessions', () => {
    let group: Created;
    let otherGroup: Created;
    let twenteGroup: Created;
    beforeAll(async () => {
      const voorjaar = await create('/programmes', programme({ ref: 'sessions' }));
      group = await create('/groups', {
        regionId: achterhoek.id,
        ref: 'eibergen',
        programmeId: voorjaar.id,
        name: 'Eibergen',
        locationId: deKei.id,
        participantIds: [participants[0].id],
        trainerIds: [trainers[0].id],
      });
      otherGroup = await create('/groups', {
        regionId: achterhoek.id,
        ref: 'borculo',
        programmeId: voorjaar.id,
        name: 'Borculo',
        locationId: hetAnker.id,
        trainerIds: [trainers[1].id],
      });
      const twenteProgramme = await create(
        '/programmes',
        programme({ regionId: twente.id, ref: 'sessions' }),
      );
      twenteGroup = await create('/groups', {
        regionId: twente.id,
        ref: 'eibergen',
        programmeId: twenteProgramme.id,
        name: 'Enschede',
        locationId: twenteLocation.id,
      });
    });

    const session = (overrides: object = {}) => ({
      regionId: achterhoek.id,
      groupId: group.id,
      start: '2027-03-29T07:30:00Z',
      end: '2027-03-29T09:30:00Z',
      ...overrides,
    });

    it('answers times in the region’s zone with the offset in force on that date, across summer time', async () => {
      const summer = await api.post('/sessions', session({ ref: 's-summer' })).expect(201);
      expect(summer.body).toEqual({
        id: expect.any(String),
        regionId: achterhoek.id,
        ref: 's-summer',
        groupId: group.id,
        locationId: deKei.id,
        date: '2027-03-29',
        start: '2027-03-29T09:30:00+02:00',
        end: '2027-03-29T11:30:00+02:00',
        trainerId: null,
        interpreterIds: [],
        roles: [],
        status: 'planned',
      });
      const winter = await api
        .post('/sessions', session({ start: '2027-03-22T09:30:00+01:00', end: '2027-03-22T11:30:00+01:00' }))
        .expect(201);
      expect(winter.body).toMatchObject({
        date: '2027-03-22',
        start: '2027-03-22T09:30:00+01:00',
        end: '2027-03-22T11:30:00+01:00',
      });
      expect((await api.get(`/sessions/${summer.body.id}`).expect(200)).body).toEqual(summer.body);
      await api.delete(`/sessions/${summer.body.id}`).expect(204);
      await api.delete(`/sessions/${winter.body.id}`).expect(204);
    });

    it('selects sessions by the local date they start on, not the UTC one', async () => {
      const afterMidnight = await create(
        '/sessions',
        session({ start: '2027-01-12T00:30:00+01:00', end: '2027-01-12T02:00:00+01:00' }),
      );
      const beforeMidnight = await create(
        '/sessions',
        session({ start: '2027-01-11T23:30:00+01:00', end: '2027-01-12T00:15:00+01:00' }),
      );
      const ids = (body: { items: Created[] }) => body.items.map((item) => item.id);

      const onTwelfth = await api
        .get('/sessions?region=achterhoek&from=2027-01-12&to=2027-01-12')
        .expect(200);
      expect(ids(onTwelfth.body)).toEqual([afterMidnight.id]);
      expect(onTwelfth.body.items[0]).toMatchObject({
        date: '2027-01-12',
        start: '2027-01-12T00:30:00+01:00',
      });
      const onEleventh = await api.get('/sessions?from=2027-01-11&to=2027-01-11').expect(200);
      expect(ids(onEleventh.body)).toEqual([beforeMidnight.id]);
      expect(ids((await api.get('/sessions?from=2027-01-12').expect(200)).body)).toEqual([afterMidnight.id]);
      expect(ids((await api.get('/sessions?to=2027-01-11').expect(200)).body)).toEqual([beforeMidnight.id]);
      expect(ids((await api.get('/sessions?from=2027-01-11&to=2027-01-12').expect(200)).body)).toEqual([
        beforeMidnight.id,
        afterMidnight.id,
      ]);
      expect(ids((await api.get('/sessions?region=twente&from=2027-01-11').expect(200)).body)).toEqual([]);

      const backwards = await api.get('/sessions?from=2027-01-12&to=2027-01-11').expect(400);
      expect(namesField(backwards.body, 'to')).toBe(true);
      expect(namesField((await api.get('/sessions?from=2027-02-30').expect(400)).body, 'from')).toBe(true);

      await api.delete(`/sessions/${afterMidnight.id}`).expect(204);
      await api.delete(`/sessions/${beforeMidnight.id}`).expect(204);
    });

    it('selects and answers each region’s sessions in its own time zone when no region is given', async () => {
      const bonaire = await create('/regions', {
        ref: 'bonaire',
        name: 'Bonaire',
        timezone: 'America/Kralendijk',
      });
      const kralendijk = await create('/municipalities', { regionId: bonaire.id, name: 'Kralendijk' });
      const buurthuis = await location(bonaire.id, kralendijk.id, 'buurthuis', 'Buurthuis');
      const bonaireProgramme = await create('/programmes', programme({ regionId: bonaire.id }));
      const bonaireGroup = await create('/groups', {
        regionId: bonaire.id,
        programmeId: bonaireProgramme.id,
        name: 'Kralendijk',
        locationId: buurthuis.id,
      });
      // 02:00Z on the 12th is still the evening of the 11th in Kralendijk (UTC-4) and 03:00 on the 12th here.
      const evening = await create('/sessions', {
        regionId: bonaire.id,
        groupId: bonaireGroup.id,
        start: '2027-01-12T02:00:00Z',
        end: '2027-01-12T03:30:00Z',
      });
      const night = await create(
        '/sessions',
        session({ start: '2027-01-12T02:00:00Z', end: '2027-01-12T03:30:00Z' }),
      );

      const onEleventh = await api.get('/sessions?from=2027-01-11&to=2027-01-11').expect(200);
      expect(onEleventh.body.items).toEqual([
        expect.objectContaining({ id: evening.id, date: '2027-01-11', start: '2027-01-11T22:00:00-04:00' }),
      ]);
      const onTwelfth = await api.get('/sessions?from=2027-01-12&to=2027-01-12').expect(200);
      expect(onTwelfth.body.items).toEqual([
        expect.objectContaining({ id: night.id, date: '2027-01-12', start: '2027-01-12T03:00:00+01:00' }),
      ]);

      await api.delete(`/sessions/${evening.id}`).expect(204);
      await api.delete(`/sessions/${night.id}`).expect(204);
      await api.delete(`/groups/${bonaireGroup.id}`).expect(204);
      await api.delete(`/programmes/${bonaireProgramme.id}`).expect(204);
    });

    it('compares start and end as instants and answers 400 naming end when it is not after start', async () => {
      // 08:00Z is 10:00 in Amsterdam: after a 09:30+02:00 start, though it sorts before it as text.
      const created = await create(
        '/sessions',
        session({ start: '2027-03-29T09:30:00+02:00', end: '2027-03-29T08:00:00Z' }),
      );
      await api.delete(`/sessions/${created.id}`).expect(204);

      const backwards = await api
        .post('/sessions', session({ start: '2027-03-29T09:30:00+02:00', end: '2027-03-29T07:30:00Z' }))
        .expect(400);
      expect(namesField(backwards.body, 'end')).toBe(true);
      const withoutOffset = await api
        .post('/sessions', session({ start: '2027-03-29T09:30:00', end: '2027-03-29T11:30:00+02:00' }))
        .expect(400);
      expect(namesField(withoutOffset.body, 'start')).toBe(true);
      const notADate = await api.post('/sessions', session({ end: '2027-02-30T11:30:00Z' })).expect(400);
      expect(namesField(notADate.body, 'end')).toBe(true);
    });

    it('answers 400 naming every bad field of a session', async () => {
      const response = await api
        .post('/sessions', {
          regionId: achterhoek.id,
          groupId: 'eibergen',
          locationId: null,
          start: 'monday',
          end: '2027-03-29T11:30:00Z',
          trainerId: 'fatima',
          interpreterIds: 'amal',
          status: 'done',
          colour: 'blue',
        })
        .expect(400);
      for (const field of [
        'groupId',
        'locationId',
        'start',
        'trainerId',
        'interpreterIds',
        'status',
        'colour',
      ]) {
        expect(namesField(response.body, field)).toBe(true);
      }
    });

    it('only lets one of the group’s trainers lead a session', async () => {
      const notHers = await api.post('/sessions', session({ trainerId: trainers[1].id })).expect(400);
      expect(namesField(notHers.body, 'trainerId')).toBe(true);
      const elsewhere = await api.post('/sessions', session({ trainerId: twenteTrainer.id })).expect(400);
      expect(namesField(elsewhere.body, 'trainerId')).toBe(true);

      const led = await api.post('/sessions', session({ trainerId: trainers[0].id })).expect(201);
      expect(led.body.trainerId).toBe(trainers[0].id);
      const switched = await api.patch(`/sessions/${led.body.id}`, { trainerId: trainers[1].id }).expect(400);
      expect(namesField(switched.body, 'trainerId')).toBe(true);
      const moved = await api.patch(`/sessions/${led.body.id}`, { groupId: otherGroup.id }).expect(400);
      expect(namesField(moved.body, 'trainerId')).toBe(true);

      // The trainer who leads it cannot leave the group; the session keeps a valid trainer.
      const leaving = await api.patch(`/groups/${group.id}`, { trainerIds: [trainers[1].id] }).expect(409);
      expect(namesField(leaving.body, 'trainerIds')).toBe(true);

      const movedWithTrainer = await api
        .patch(`/sessions/${led.body.id}`, { groupId: otherGroup.id, trainerId: trainers[1].id })
        .expect(200);
      expect(movedWithTrainer.body).toMatchObject({
        groupId: otherGroup.id,
        trainerId: trainers[1].id,
        locationId: deKei.id,
      });
      const unled = await api.patch(`/sessions/${led.body.id}`, { trainerId: null }).expect(200);
      expect(unled.body.trainerId).toBeNull();
      await api.delete(`/sessions/${led.body.id}`).expect(204);
    });

    it('refuses a group, location or interpreter of another region', async () => {
      const groupElsewhere = await api.post('/sessions', session({ groupId: twenteGroup.id })).expect(400);
      expect(namesField(groupElsewhere.body, 'groupId')).toBe(true);
      const locationElsewhere = await api
        .post('/sessions', session({ locationId: twenteLocation.id }))
        .expect(400);
      expect(namesField(locationElsewhere.body, 'locationId')).toBe(true);
      const interpreterElsewhere = await api
        .post('/sessions', session({ interpreterIds: [interpreter.id, twenteInterpreter.id] }))
        .expect(400);
      expect(namesField(interpreterElsewhere.body, 'interpreterIds[1]')).toBe(true);
      const twice = await api
        .post('/sessions', session({ interpreterIds: [interpreter.id, interpreter.id] }))
        .expect(400);
      expect(namesField(twice.body, 'interpreterIds[1]')).toBe(true);
      const regionUnknown = await api.post('/sessions', session({ regionId: UNKNOWN_ID })).expect(400);
      expect(namesField(regionUnknown.body, 'regionId')).toBe(true);
      expect((await api.get('/sessions?region=achterhoek').expect(200)).body.total).toBe(0);
    });

    it('updates a session: times, status, location and interpreters', async () => {
      const created = await create('/sessions', session({ ref: 'upd', interpreterIds: [interpreter.id] }));
      const fetched = await api.get(`/sessions/${created.id}`).expect(200);
      expect(fetched.body.interpreterIds).toEqual([interpreter.id]);

      const updated = await api
        .patch(`/sessions/${created.id}`, {
          start: '2027-04-05T10:00:00+02:00',
          end: '2027-04-05T12:00:00+02:00',
          status: 'cancelled',
          locationId: hetAnker.id,
          interpreterIds: [],
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        ref: 'upd',
        date: '2027-04-05',
        start: '2027-04-05T10:00:00+02:00',
        end: '2027-04-05T12:00:00+02:00',
        status: 'cancelled',
        locationId: hetAnker.id,
        interpreterIds: [],
      });

      const endBeforeStoredStart = await api
        .patch(`/sessions/${created.id}`, { end: '2027-04-05T09:00:00+02:00' })
        .expect(400);
      expect(namesField(endBeforeStoredStart.body, 'end')).toBe(true);
      const startCleared = await api.patch(`/sessions/${created.id}`, { start: null }).expect(400);
      expect(namesField(startCleared.body, 'start')).toBe(true);
      const locationElsewhere = await api
        .patch(`/sessions/${created.id}`, { locationId: twenteLocation.id })
        .expect(400);
      expect(namesField(locationElsewhere.body, 'locationId')).toBe(true);
      expect((await api.get(`/sessions/${created.id}`).expect(200)).body).toEqual(updated.body);

      await api.delete(`/sessions/${created.id}`).expect(204);
      await api.get(`/sessions/${created.id}`).expect(404);
      await api.patch(`/sessions/${created.id}`, { status: 'planned' }).expect(404);
      await api.delete(`/sessions/${created.id}`).expect(404);
      await api.get('/sessions/not-a-uuid').expect(400);
    });

    it('lists sessions by start with pages and filters by region, ref, group and status', async () => {
      const late = await create(
        '/sessions',
        session({ ref: 'late', start: '2027-05-03T12:00:00Z', end: '2027-05-03T14:00:00Z' }),
      );
      const early = await create(
        '/sessions',
        session({ ref: 'early', start: '2027-05-03T08:00:00Z', end: '2027-05-03T10:00:00Z' }),
      );
      const cancelled = await create(
        '/sessions',
        session({
          ref: 'cancelled',
          groupId: otherGroup.id,
          status: 'cancelled',
          start: '2027-05-03T09:00:00Z',
          end: '2027-05-03T11:00:00Z',
        }),
      );
      const twenteSession = await create('/sessions', {
        regionId: twente.id,
        ref: 'early',
        groupId: twenteGroup.id,
        start: '2027-05-03T07:00:00Z',
        end: '2027-05-03T09:00:00Z',
      });
      const refs = (body: { items: { ref: string; regionId: string }[] }) =>
        body.items.map((item) => item.ref);

      expect(refs((await api.get('/sessions?region=achterhoek').expect(200)).body)).toEqual([
        'early',
        'cancelled',
        'late',
      ]);
      const page = await api.get('/sessions?limit=2&offset=1').expect(200);
      expect(page.body.total).toBe(4);
      expect(refs(page.body)).toEqual(['early', 'cancelled']);
      expect(page.body.items[0].regionId).toBe(achterhoek.id);

      expect(refs((await api.get('/sessions?ref=early').expect(200)).body)).toEqual(['early', 'early']);
      expect(refs((await api.get('/sessions?region=twente&ref=early').expect(200)).body)).toEqual(['early']);
      expect(refs((await api.get(`/sessions?group=${group.id}`).expect(200)).body)).toEqual([
        'early',
        'late',
      ]);
      // A group's ref may recur in other regions: without a region the filter takes them all.
      expect(refs((await api.get('/sessions?group=eibergen').expect(200)).body)).toEqual([
        'early',
        'early',
        'late',
      ]);
      expect(refs((await api.get('/sessions?region=achterhoek&group=eibergen').expect(200)).body)).toEqual([
        'early',
        'late',
      ]);
      expect(refs((await api.get('/sessions?status=cancelled').expect(200)).body)).toEqual(['cancelled']);
      expect(
        refs((await api.get('/sessions?status=planned&from=2027-05-03&to=2027-05-03').expect(200)).body),
      ).toEqual(['early', 'early', 'late']);

      expect(namesField((await api.get('/sessions?group=nowhere').expect(400)).body, 'group')).toBe(true);
      expect(namesField((await api.get('/sessions?status=done').expect(400)).body, 'status')).toBe(true);
      expect(namesField((await api.get('/sessions?region=nowhere').expect(400)).body, 'region')).toBe(true);

      const inUse = await api.delete(`/groups/${otherGroup.id}`).expect(409);
      expect(messagesOf(inUse.body)[0]).toMatch(/still in use/);

      for (const { id } of [late, early, cancelled, twenteSession])
        await api.delete(`/sessions/${id}`).expect(204);
    });

    it('refuses a second session with the same ref in a region with 409', async () => {
      const first = await create('/sessions', session({ ref: 'twice' }));
      const again = await api.post('/sessions', session({ ref: 'twice' })).expect(409);
      expect(namesField(again.body, 'ref')).toBe(true);
      await api.delete(`/sessions/${first.id}`).expect(204);
    });
  });
});
