import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface Record {
  id: string;
  ref: string;
}

interface ProposedGroup {
  number: number;
  locationId: string;
  participantIds: string[];
  languages: { language: string; members: number }[];
  interpreterLanguages: string[];
  levels: { [level: string]: number };
  meanTravelMinutes: number;
  commonFreeSlots: number;
  bestTimes: { weekday: number; start: string; end: string; free: number }[];
}

interface Proposal {
  id: string;
  groups: ProposedGroup[];
  score: { interpreterLanguages: number; mixedLanguages: number; levelSpread: number; travelMinutes: number };
  explanation: string[];
  acceptedAt: string | null;
  acceptedGroupIds: string[];
}

/** The pilots' programmes (README, "Programmes as the pilots ran them"), with the size range each proposal asks. */
const PILOTS = [
  { file: 'de-bilt-series.scenario.json', region: 'debilt', sizes: [8, 12], groups: 5 },
  { file: 'haarlemmermeer-phases.scenario.json', region: 'haarlemmermeer', sizes: [6, 10], groups: 2 },
  { file: 'almere-cohorts.scenario.json', region: 'almere', sizes: [8, 16], groups: 3 },
  { file: 'bronckhorst-online.scenario.json', region: 'bronckhorst-online', sizes: [3, 5], groups: 2 },
] as const;

describe('group proposals', () => {
  let api: TestApp;
  /** Per region: its programme, and its participants and locations by ref. */
  const pilots = new Map<
    string,
    { programmeId: string; women: Map<string, string>; refOf: Map<string, string> }
  >();

  const list = async (path: string) => (await api.get(path).expect(200)).body.items as Record[];

  beforeAll(async () => {
    api = await startTestApp();
    for (const { file, region } of PILOTS) {
      await api.post('/imports/scenario', fixture(file)).expect(200);
      const programmeId = (await list(`/programmes?region=${region}`))[0].id;
      // The pilots typed their groups in by hand: start from the women without them.
      for (const group of await list(`/groups?region=${region}&limit=100`))
        await api.delete(`/groups/${group.id}`).expect(204);
      const participants = await list(`/participants?region=${region}&limit=100`);
      const locations = await list(`/locations?region=${region}&limit=100`);
      pilots.set(region, {
        programmeId,
        women: new Map(participants.map((participant) => [participant.ref, participant.id])),
        refOf: new Map([...participants, ...locations].map((record) => [record.id, record.ref])),
      });
    }
  }, 300_000);
  afterAll(() => api.close());

  const propose = async (region: string, body: object, status = 201) =>
    (await api.post(`/programmes/${pilots.get(region)!.programmeId}/group-proposals`, body).expect(status))
      .body as Proposal;

  it.each(PILOTS)(
    'proposes groups within the size range for every woman of $region',
    async ({ region, sizes, groups }) => {
      const proposal = await propose(region, { minSize: sizes[0], maxSize: sizes[1] });
      expect(proposal.groups).toHaveLength(groups);
      for (const group of proposal.groups) {
        expect(group.participantIds.length).toBeGreaterThanOrEqual(sizes[0]);
        expect(group.participantIds.length).toBeLessThanOrEqual(sizes[1]);
        expect(group.bestTimes.length).toBeGreaterThan(0);
      }
      const everyone = proposal.groups.flatMap((group) => group.participantIds).sort();
      expect(everyone).toEqual([...pilots.get(region)!.women.values()].sort());
      expect(proposal.explanation).toHaveLength(5);
      expect(proposal.acceptedAt).toBeNull();
    },
    120_000,
  );

  it('gives each of Almere’s three languages a group of its own', async () => {
    const proposal = await propose('almere', { minSize: 8, maxSize: 16 });
    expect(
      proposal.groups
        .map((group) => group.languages)
        .sort((a, b) => a[0].language.localeCompare(b[0].language)),
    ).toEqual([
      [{ language: 'ar', members: 12 }],
      [{ language: 'ti', members: 16 }],
      [{ language: 'tr', members: 12 }],
    ]);
    expect(proposal.score.mixedLanguages).toBe(0);
  });

  it('keeps the Tigrinya speakers of Bronckhorst who need an interpreter in one group', async () => {
    const proposal = await propose('bronckhorst-online', { minSize: 3, maxSize: 5 });
    expect(proposal.score.interpreterLanguages).toBe(1);
    expect(proposal.groups.map((group) => group.interpreterLanguages).sort()).toEqual([[], ['ti']]);
  });

  it('keeps levels close in Haarlemmermeer once the women have a level', async () => {
    const { women } = pilots.get('haarlemmermeer')!;
    const refs = [...women.keys()].sort();
    // Alternating by ref, so that the order of the women does not do the work.
    for (const [index, ref] of refs.entries())
      await api
        .patch(`/participants/${women.get(ref)}`, { level: index % 2 === 0 ? 'A0' : 'A2' })
        .expect(200);
    await api
      .patch(`/participants/${women.get(refs[0])}`, { level: 'C3' })
      .expect(400)
      .expect(({ body }) =>
        expect(JSON.stringify(body.message)).toContain('level: must be one of A0, A1, A2, B1, B2'),
      );
    const proposal = await propose('haarlemmermeer', { minSize: 6, maxSize: 10 });
    expect(proposal.score.levelSpread).toBe(0);
    expect(
      proposal.groups
        .map((group) => group.levels)
        .sort((a, b) => Object.keys(a)[0].localeCompare(Object.keys(b)[0])),
    ).toEqual([{ A0: 8 }, { A2: 8 }]);
  });

  it.each([
    [{ maxSize: 10 }, 'minSize'],
    [{ minSize: 0, maxSize: 10 }, 'minSize'],
    [{ minSize: 10, maxSize: 8 }, 'maxSize: 8 is less than minSize (10)'],
    [{ minSize: 30, maxSize: 40 }, 'minSize, maxSize: 50 women cannot be split into groups of 30 to 40'],
    [
      { minSize: 8, maxSize: 12, locationIds: ['0b5a1f3e-0000-4000-8000-000000000000'] },
      'locationIds[0]: no location',
    ],
    [{ minSize: 8, maxSize: 12, participantIds: ['not-a-uuid'] }, 'participantIds'],
  ])('refuses %j naming the field (%s)', async (body, field) => {
    const refused = await propose('debilt', body, 400);
    expect(JSON.stringify(refused)).toContain(field);
  });

  describe('propose, edit, accept, plan (Almere)', () => {
    let proposal: Proposal;
    const programmeId = () => pilots.get('almere')!.programmeId;
    const accept = (body: object) =>
      api.post(`/programmes/${programmeId()}/group-proposals/${proposal.id}/accept`, body);

    beforeAll(async () => {
      proposal = await propose('almere', { minSize: 8, maxSize: 16 });
    });

    it('keeps the proposal to be looked at later', async () => {
      const again = (await api.get(`/programmes/${programmeId()}/group-proposals/${proposal.id}`).expect(200))
        .body as Proposal;
      expect(again).toEqual(proposal);
      const items = (await api.get(`/programmes/${programmeId()}/group-proposals`).expect(200)).body.items;
      expect(items.map((item: Proposal) => item.id)).toContain(proposal.id);
    });

    it('refuses moves that do not fit, and creates nothing then', async () => {
      const woman = proposal.groups[0].participantIds[0];
      await accept({ moves: [{ participantId: woman, toGroup: 9 }] })
        .expect(400)
        .expect(({ body }) =>
          expect(body.message).toContain('moves[0].toGroup: the proposal has groups 1 to 3, not 9'),
        );
      const eightOut = proposal.groups[0].participantIds.slice(0, 9).map((participantId) => ({
        participantId,
        toGroup: 2,
      }));
      await accept({ moves: eightOut })
        .expect(400)
        .expect(({ body }) => expect(body.message).toMatch(/^moves: group 1 would have \d+ women/));
      // A trainer refused while the groups are written: none of them is kept, nor the proposal marked accepted.
      await accept({ trainerIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400)
        .expect(({ body }) => expect(body.message).toContain('trainerIds[0]: no trainer'));
      expect(await list(`/groups?region=almere&limit=100`)).toEqual([]);
      expect(
        (await api.get(`/programmes/${programmeId()}/group-proposals/${proposal.id}`).expect(200)).body
          .acceptedAt,
      ).toBeNull();
    });

    it('accepts with a woman moved: the groups exist with their members, and the programme plans', async () => {
      const moved = proposal.groups[0].participantIds[0];
      const accepted = (await accept({ moves: [{ participantId: moved, toGroup: 2 }] }).expect(200))
        .body as Proposal;
      expect(accepted.acceptedAt).not.toBeNull();
      expect(accepted.acceptedGroupIds).toHaveLength(3);
      const groups = await Promise.all(
        accepted.acceptedGroupIds.map(async (id) => (await api.get(`/groups/${id}`).expect(200)).body),
      );
      expect(groups.map((group) => group.participantIds.sort())).toEqual([
        proposal.groups[0].participantIds.slice(1).sort(),
        [...proposal.groups[1].participantIds, moved].sort(),
        proposal.groups[2].participantIds.sort(),
      ]);
      expect(groups.map((group) => group.locationId)).toEqual(
        proposal.groups.map((group) => group.locationId),
      );
      expect(groups.every((group) => group.trainerIds.length === 2)).toBe(true);

      // Two trainers cannot lead three groups twice a week at once: as the pilot did, the third cohort follows
      // the first (an edit of the accepted groups, as of any group).
      let plan = (await api.post(`/programmes/${programmeId()}/plan`).expect(200)).body;
      expect(plan.unplanned.map((group: { reason: string }) => group.reason)).toEqual([
        'no 2 weekly times are left where a trainer and a room are free',
      ]);
      const [first, , third] = accepted.acceptedGroupIds;
      await api.patch(`/groups/${third}`, { afterGroupId: first }).expect(200);
      plan = (await api.post(`/programmes/${programmeId()}/plan`).expect(200)).body;
      expect(plan.unplanned).toEqual([]);
      expect(plan.groups.map((group: { groupId: string }) => group.groupId).sort()).toEqual(
        [...accepted.acceptedGroupIds].sort(),
      );
      expect(plan.sessions).toBeGreaterThan(0);
    }, 300_000);

    it('refuses to accept the same proposal twice', async () => {
      await accept({})
        .expect(409)
        .expect(({ body }) => expect(body.message).toContain('was accepted already'));
      expect(await list(`/groups?region=almere&limit=100`)).toHaveLength(3);
    });

    it('has no woman left to propose for once all are in groups', async () => {
      const refused = await propose('almere', { minSize: 8, maxSize: 16 }, 400);
      expect(JSON.stringify(refused)).toContain('participantIds: there are no women to put in groups');
    });
  });

  describe('a coordinator limited to De Bilt', () => {
    let token: string;
    const as = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);

    beforeAll(async () => {
      token = (
        await api
          .post('/tokens', { role: 'coordinator', regions: ['debilt'], municipalities: ['debilt'] })
          .expect(201)
      ).body.token;
    });

    it('proposes for her own women at her own locations only, and does not see proposals of others', async () => {
      const { programmeId, refOf } = pilots.get('debilt')!;
      const hers = (
        await as(api.anonymous().get('/participants?region=debilt&limit=100')).expect(200)
      ).body.items.map((participant: Record) => participant.id);
      expect(hers.length).toBeGreaterThan(0);
      expect(hers.length).toBeLessThan(50);
      const proposal = (
        await as(api.anonymous().post(`/programmes/${programmeId}/group-proposals`))
          .send({ minSize: 4, maxSize: 12 })
          .expect(201)
      ).body as Proposal;
      expect(proposal.groups.flatMap((group) => group.participantIds).sort()).toEqual([...hers].sort());
      expect(new Set(proposal.groups.map((group) => refOf.get(group.locationId)))).toEqual(
        new Set(['loc-debilt']),
      );

      const everyone = await propose('debilt', { minSize: 8, maxSize: 12 });
      await as(api.anonymous().get(`/programmes/${programmeId}/group-proposals/${everyone.id}`)).expect(404);
      await as(api.anonymous().post(`/programmes/${programmeId}/group-proposals/${everyone.id}/accept`))
        .send({})
        .expect(404);
      const listed = (await as(api.anonymous().get(`/programmes/${programmeId}/group-proposals`)).expect(200))
        .body.items as Proposal[];
      expect(listed.map((item) => item.id)).toContain(proposal.id);
      expect(listed.map((item) => item.id)).not.toContain(everyone.id);
    });
  });
  it('takes a level from a scenario, gives it back in the export, and refuses one that is not a level', async () => {
    const scenario = fixture('bronckhorst-online.scenario.json');
    scenario.participants[0].level = 'B1';
    await api.post('/imports/scenario', scenario).expect(200);
    const id = pilots.get('bronckhorst-online')!.women.get(scenario.participants[0].id)!;
    expect((await api.get(`/participants/${id}`).expect(200)).body.level).toBe('B1');
    const exported = (await api.get('/exports/scenario?region=bronckhorst-online').expect(200)).body;
    expect(exported.participants.map((participant: { level?: string }) => participant.level ?? null)).toEqual(
      scenario.participants.map((_: unknown, index: number) => (index === 0 ? 'B1' : null)),
    );
    scenario.participants[1].level = 'C3';
    const refused = (await api.post('/imports/scenario', scenario).expect(400)).body;
    expect(JSON.stringify(refused)).toContain('level');
    expect(JSON.stringify(refused)).toContain('must be one of A0, A1, A2, B1, B2');
  });
});
