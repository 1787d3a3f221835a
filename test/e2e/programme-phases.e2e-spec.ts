import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface StoredSession {
  groupId: string;
  date: string;
  start: string;
  end: string;
  trainerId: string;
}

describe('programmes as the pilots ran them', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** Imports a fixture, plans its programme, and answers the plan and the stored sessions by group ref. */
  const importAndPlan = async (file: string, region: string) => {
    await api.post('/imports/scenario', fixture(file)).expect(200);
    const programmeId = (await api.get(`/programmes?region=${region}`).expect(200)).body.items[0].id;
    const plan = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    const groups = (await api.get(`/groups?region=${region}&limit=100`).expect(200)).body.items as {
      id: string;
      ref: string;
    }[];
    const trainers = (await api.get(`/trainers?region=${region}`).expect(200)).body.items as {
      id: string;
      ref: string;
    }[];
    const sessions = (await api.get(`/sessions?region=${region}&limit=1000`).expect(200)).body
      .items as StoredSession[];
    const refOf = new Map([...groups, ...trainers].map((record) => [record.id, record.ref]));
    const byGroup = new Map<string, string[]>();
    for (const session of [...sessions].sort((a, b) => a.start.localeCompare(b.start))) {
      const ref = refOf.get(session.groupId)!;
      byGroup.set(ref, [
        ...(byGroup.get(ref) ?? []),
        `${session.date} ${session.start.slice(11, 16)}-${session.end.slice(11, 16)} ${refOf.get(session.trainerId)}`,
      ]);
    }
    return { plan, byGroup, refOf };
  };

  /** Sessions as the test reads them: date, times, trainer. */
  const tuesdays = (dates: string[], time: string, trainer: string) =>
    dates.map((date) => `${date} ${time} ${trainer}`);

  it('plans all five De Bilt series one after another, with the one trainer', async () => {
    const { plan, byGroup } = await importAndPlan('de-bilt-series.scenario.json', 'debilt');
    expect(plan.unplanned).toEqual([]);
    expect(plan.groups.map((g: { sessions: number }) => g.sessions)).toEqual([12, 12, 12, 12, 12]);
    const at = (dates: string[]) => tuesdays(dates, '09:00-11:30', 'tr-anne');
    // Each series starts on the first Tuesday after the one before it ended; holidays are made up at the end.
    expect(byGroup.get('g-s1')).toEqual(
      at([
        '2027-01-12',
        '2027-01-19',
        '2027-01-26',
        '2027-02-02',
        '2027-02-09',
        '2027-02-16',
        '2027-03-02',
        '2027-03-09',
        '2027-03-16',
        '2027-03-23',
        '2027-03-30',
        '2027-04-06',
      ]),
    );
    expect(byGroup.get('g-s2')).toEqual(
      at([
        '2027-04-13',
        '2027-04-20',
        '2027-05-04',
        '2027-05-11',
        '2027-05-18',
        '2027-05-25',
        '2027-06-01',
        '2027-06-08',
        '2027-06-15',
        '2027-06-22',
        '2027-06-29',
        '2027-07-06',
      ]),
    );
    expect(byGroup.get('g-s3')).toEqual(
      at([
        '2027-07-13',
        '2027-08-31',
        '2027-09-07',
        '2027-09-14',
        '2027-09-21',
        '2027-09-28',
        '2027-10-05',
        '2027-10-12',
        '2027-10-26',
        '2027-11-02',
        '2027-11-09',
        '2027-11-16',
      ]),
    );
    expect(byGroup.get('g-s4')).toEqual(
      at([
        '2027-11-23',
        '2027-11-30',
        '2027-12-07',
        '2027-12-14',
        '2027-12-21',
        '2028-01-11',
        '2028-01-18',
        '2028-01-25',
        '2028-02-01',
        '2028-02-08',
        '2028-02-15',
        '2028-02-22',
      ]),
    );
    expect(byGroup.get('g-s5')).toEqual(
      at([
        '2028-02-29',
        '2028-03-07',
        '2028-03-14',
        '2028-03-21',
        '2028-03-28',
        '2028-04-04',
        '2028-04-11',
        '2028-04-18',
        '2028-04-25',
        '2028-05-02',
        '2028-05-09',
        '2028-05-16',
      ]),
    );
    // Ramadan and the Eids are told, not avoided, as this programme does not ask for that.
    expect(plan.warnings.map((w: { date: string; period: string }) => `${w.date} ${w.period}`)).toEqual([
      '2027-02-09 ramadan',
      '2027-02-16 ramadan',
      '2027-03-02 ramadan',
      '2027-03-09 eid-al-fitr',
      '2027-05-18 eid-al-adha',
      '2028-02-01 ramadan',
      '2028-02-08 ramadan',
      '2028-02-15 ramadan',
      '2028-02-22 ramadan',
    ]);
  });

  it('exports the series in format version 2, and importing that export changes nothing', async () => {
    const exported = (await api.get('/exports/scenario?region=debilt').expect(200)).body;
    expect(exported.format).toBe('trefpunt-scenario/2');
    expect(exported.programme.groups.map((g: { after?: string }) => g.after ?? null)).toEqual([
      null,
      'g-s1',
      'g-s2',
      'g-s3',
      'g-s4',
    ]);
    const again = await api.post('/imports/scenario', exported).expect(200);
    expect(again.body.changed).toBe(false);
  });

  it('plans Haarlemmermeer weekly, then fortnightly, at the same weekly time', async () => {
    const { plan, byGroup } = await importAndPlan('haarlemmermeer-phases.scenario.json', 'haarlemmermeer');
    expect(plan.unplanned).toEqual([]);
    const weekly = (dates: string[]) => tuesdays(dates, '09:00-12:00', 'tr-fatima');
    const fortnightly = (dates: string[]) => tuesdays(dates, '09:00-11:00', 'tr-fatima');
    // Seven weekly sessions of three hours, then eight fortnightly of two, on the same Tuesday morning. King's
    // Day (Tuesday 27 April) moves its session to 4 May, and the rhythm goes on from 11 May as it was.
    expect(byGroup.get('g-hoofddorp')).toEqual([
      ...weekly([
        '2027-01-12',
        '2027-01-19',
        '2027-01-26',
        '2027-02-02',
        '2027-02-09',
        '2027-02-16',
        '2027-03-02',
      ]),
      ...fortnightly([
        '2027-03-16',
        '2027-03-30',
        '2027-04-13',
        '2027-05-04',
        '2027-05-11',
        '2027-05-25',
        '2027-06-08',
        '2027-06-22',
      ]),
    ]);
    expect(byGroup.get('g-nieuw-vennep')).toEqual([
      ...weekly([
        '2027-01-13',
        '2027-01-20',
        '2027-01-27',
        '2027-02-03',
        '2027-02-10',
        '2027-02-17',
        '2027-03-03',
      ]),
      ...fortnightly([
        '2027-03-17',
        '2027-03-31',
        '2027-04-14',
        '2027-04-28',
        '2027-05-12',
        '2027-05-26',
        '2027-06-09',
        '2027-06-23',
      ]),
    ]);
    expect(plan.warnings).toHaveLength(6);
  });

  it('keeps the sessions out of Ramadan and the Eids when the programme says so', async () => {
    const document = fixture('haarlemmermeer-phases.scenario.json');
    document.programme.avoidReligiousPeriods = true;
    await api.post('/imports/scenario', document).expect(200);
    const programmeId = (await api.get('/programmes?region=haarlemmermeer').expect(200)).body.items[0].id;
    const plan = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    expect(plan.warnings).toEqual([]);
    const sessions = (await api.get('/sessions?region=haarlemmermeer&limit=1000').expect(200)).body
      .items as StoredSession[];
    expect(sessions).toHaveLength(30);
    expect(sessions.filter((s) => s.date >= '2027-02-08' && s.date <= '2027-03-11')).toEqual([]);
  });

  it('refuses the fields of version 2 in a version 1 document, naming them', async () => {
    const document = fixture('haarlemmermeer-phases.scenario.json');
    document.format = 'trefpunt-scenario/1';
    document.programme.groups[1].after = 'g-hoofddorp';
    const refused = await api.post('/imports/scenario', document).expect(400);
    expect(refused.body.message).toEqual(
      expect.arrayContaining([
        'programme.phases: needs "format": "trefpunt-scenario/2"',
        'programme.groups[1].after: needs "format": "trefpunt-scenario/2"',
      ]),
    );
  });

  it('refuses a phase with both sessions and an end date, and groups that follow each other in a circle', async () => {
    const document = fixture('haarlemmermeer-phases.scenario.json');
    document.region = 'haarlemmermeer-wrong';
    document.programme.phases[0].endDate = '2027-03-01';
    document.programme.groups[0].after = 'g-nieuw-vennep';
    document.programme.groups[1].after = 'g-hoofddorp';
    const refused = await api.post('/imports/scenario', document).expect(400);
    expect(refused.body.message).toEqual(
      expect.arrayContaining([
        'programme.phases[0].sessions: give either sessions or an endDate',
        'programme.groups[0].after: "g-nieuw-vennep" leads back to this group in a circle',
      ]),
    );
  });
});
