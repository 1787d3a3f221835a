import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface StoredSession {
  id: string;
  groupId: string;
  date: string;
  start: string;
  end: string;
  trainerId: string;
  interpreterIds: string[];
  roles: { role: string; staffMemberId: string }[];
}

interface Record {
  id: string;
  ref: string;
}

describe('staff roles per session', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const list = async (path: string) => (await api.get(path).expect(200)).body.items as Record[];

  /** Imports a scenario, plans its programme, and answers the plan and the stored sessions with refs. */
  const importAndPlan = async (scenario: object, region: string) => {
    await api.post('/imports/scenario', scenario).expect(200);
    const programmeId = (await list(`/programmes?region=${region}`))[0].id;
    const plan = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    const records = [
      ...(await list(`/groups?region=${region}&limit=100`)),
      ...(await list(`/trainers?region=${region}`)),
      ...(await list(`/interpreters?region=${region}`)),
      ...(await list(`/staff-members?region=${region}`)),
    ];
    const refOf = new Map(records.map((record) => [record.id, record.ref]));
    const sessions = (
      (await api.get(`/sessions?region=${region}&limit=1000`).expect(200)).body.items as StoredSession[]
    ).sort((a, b) => a.start.localeCompare(b.start));
    return { plan, sessions, refOf };
  };

  describe('Almere: four cohorts of 20 weeks, twice a week, with a trainer and a co-trainer', () => {
    let result: Awaited<ReturnType<typeof importAndPlan>>;
    beforeAll(async () => {
      result = await importAndPlan(fixture('almere-cohorts.scenario.json'), 'almere');
    });

    /** A cohort's sessions as the test reads them: date, times, trainer, and who takes each role. */
    const sessionsOf = (cohort: string) => {
      const { sessions, refOf } = result;
      return sessions
        .filter((session) => refOf.get(session.groupId) === cohort)
        .map(
          (session) =>
            `${session.date} ${session.start.slice(11, 16)}-${session.end.slice(11, 16)} ${refOf.get(
              session.trainerId,
            )} ${session.roles.map((holder) => `${holder.role}:${refOf.get(holder.staffMemberId)}`).join(' ')}`,
        );
    };

    /** The weekly times a cohort holds, and the first and last dates of its sessions. */
    const outline = (cohort: string) => {
      const lines = sessionsOf(cohort);
      return {
        sessions: lines.length,
        first: lines[0],
        last: lines.at(-1),
        times: [...new Set(lines.map((line) => line.slice(11, 22)))],
      };
    };

    it('plans all four cohorts, 40 sessions each, with every role filled', () => {
      const { plan } = result;
      expect(plan.unplanned).toEqual([]);
      expect(plan.groups.map((g: { sessions: number }) => g.sessions)).toEqual([40, 40, 40, 40]);
      expect(plan.groups.map((g: { missingRoles: string[] }) => g.missingRoles)).toEqual([[], [], [], []]);
    });

    it('runs cohorts 1 and 3 one after another in the mornings, and 2 and 4 overlapping them in the afternoons', () => {
      // Hanan (co-trainer) works mornings only and is held by cohort 1 then; so cohort 2, which starts while
      // cohort 1 runs, meets in the afternoons with Sanne. The experience expert joins the last phase (8 sessions).
      expect(outline('c1')).toEqual({
        sessions: 40,
        first: '2027-01-12 09:00-12:00 tr-a co-trainer:co-hanan',
        last: '2027-06-17 09:00-12:00 tr-a co-trainer:co-hanan experience-expert:ex-amina',
        times: ['09:00-12:00'],
      });
      expect(outline('c2')).toEqual({
        sessions: 40,
        first: '2027-03-02 13:00-16:00 tr-b co-trainer:co-sanne',
        last: '2027-09-09 13:00-16:00 tr-b co-trainer:co-sanne experience-expert:ex-amina',
        times: ['13:00-16:00'],
      });
      // Cohort 3 starts the Tuesday after cohort 1's last session; cohort 4 after cohort 2's.
      expect(outline('c3')).toEqual({
        sessions: 40,
        first: '2027-06-22 09:00-12:00 tr-a co-trainer:co-hanan',
        last: '2027-12-23 09:00-12:00 tr-a co-trainer:co-hanan experience-expert:ex-amina',
        times: ['09:00-12:00'],
      });
      expect(outline('c4')).toEqual({
        sessions: 40,
        first: '2027-09-14 13:00-16:00 tr-b co-trainer:co-sanne',
        last: '2028-02-17 13:00-16:00 tr-b co-trainer:co-sanne experience-expert:ex-amina',
        times: ['13:00-16:00'],
      });
      for (const cohort of ['c1', 'c2', 'c3', 'c4']) {
        const lines = sessionsOf(cohort);
        expect(lines.filter((line) => line.includes('co-trainer:'))).toHaveLength(40);
        expect(lines.slice(32).every((line) => line.includes('experience-expert:ex-amina'))).toBe(true);
        expect(lines.slice(0, 32).some((line) => line.includes('experience-expert'))).toBe(false);
      }
    });

    it('never has anyone at two sessions at once', () => {
      const { sessions } = result;
      const people = (session: StoredSession) => [
        session.trainerId,
        ...session.roles.map((holder) => holder.staffMemberId),
      ];
      for (const [i, a] of sessions.entries())
        for (const b of sessions.slice(i + 1)) {
          if (!(a.start < b.end && b.start < a.end)) continue;
          expect(people(a).filter((id) => people(b).includes(id))).toEqual([]);
        }
    });

    it('shows who takes each role in the plan export', async () => {
      const exported = (
        await api.get('/exports/plan?region=almere&from=2027-06-15&to=2027-06-15').expect(200)
      ).body;
      expect(
        exported.sessions.map((s: { trainerId: string; roles: unknown }) => [s.trainerId, s.roles]),
      ).toEqual([
        [
          'tr-a',
          [
            { role: 'co-trainer', staffId: 'co-hanan' },
            { role: 'experience-expert', staffId: 'ex-amina' },
          ],
        ],
        ['tr-b', [{ role: 'co-trainer', staffId: 'co-sanne' }]],
      ]);
    });

    it('exports the staff and the roles in version 2 as they were imported', async () => {
      const scenario = (await api.get('/exports/scenario?region=almere').expect(200)).body;
      const original = fixture('almere-cohorts.scenario.json');
      expect(scenario.format).toBe('trefpunt-scenario/2');
      expect(scenario.staff).toEqual(original.staff);
      expect(scenario.programme.roles).toEqual(['co-trainer']);
      expect(scenario.programme.phases[1].roles).toEqual(['co-trainer', 'experience-expert']);
    });
  });

  it('gives a Bronckhorst group of Arabic and Tigrinya speakers the one interpreter who speaks both', async () => {
    const scenario = fixture('bronckhorst-online.scenario.json');
    const tuesday = [{ weekday: 2, from: '09:00', to: '13:00' }];
    scenario.region = 'bronckhorst-roles';
    delete scenario.programme.online;
    scenario.programme.groups[0].interpreterLanguages = ['ar', 'ti'];
    scenario.interpreters = [
      { id: 'int-ar', name: 'Tolk Arabisch', languages: ['ar'], availability: tuesday },
      { id: 'int-ar-ti', name: 'Tolk Arabisch en Tigrinya', languages: ['ar', 'ti'], availability: tuesday },
      { id: 'int-ti', name: 'Tolk Tigrinya', languages: ['ti'], availability: tuesday },
    ];
    const { plan, sessions, refOf } = await importAndPlan(scenario, 'bronckhorst-roles');
    expect(plan.groups[0].missingLanguages).toEqual([]);
    expect(sessions).toHaveLength(8);
    expect(
      new Set(sessions.map((session) => session.interpreterIds.map((id) => refOf.get(id)).join())),
    ).toEqual(new Set(['int-ar-ti']));
  });

  it('refuses a role it does not know, naming the field', async () => {
    const region = (await api.get('/regions?limit=1').expect(200)).body.items[0].id;
    const answer = await api
      .post('/staff-members', { regionId: region, name: 'Noor', roles: ['cook'] })
      .expect(400);
    expect(JSON.stringify(answer.body)).toContain('roles: must hold roles of co-trainer');
    const scenario = fixture('almere-cohorts.scenario.json');
    scenario.format = 'trefpunt-scenario/1';
    delete scenario.programme.phases;
    delete scenario.programme.roles;
    Object.assign(scenario.programme, { sessionsPerGroup: 40, sessionsPerWeek: 2, durationMinutes: 180 });
    for (const group of scenario.programme.groups) {
      delete group.startDate;
      delete group.after;
    }
    const refused = await api.post('/imports/scenario', scenario).expect(400);
    expect(JSON.stringify(refused.body)).toContain('staff: needs \\"format\\": \\"trefpunt-scenario/2\\"');
  });
});
