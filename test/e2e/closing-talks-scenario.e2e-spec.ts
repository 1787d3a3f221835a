import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { ProgrammeClosingTalks1795418900000 } from '../../migrations/1795418900000-ProgrammeClosingTalks';
import { startTestApp, TestApp } from '../support/test-app';

const FILE = 'bronckhorst-closing.scenario.json';
const REGION = 'bronckhorst-closing';
const fixture = () => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', FILE), 'utf8'));
const localDate = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toISODate()!;

interface Series {
  kind: string;
  participantId: string;
  staffMemberIds: string[];
  trainerId: string | null;
  durationMinutes: number;
  talks: { status: string; start: string | null; end: string | null; reason: string | null }[];
}

/**
 * A pilot modelled as a scenario that ends with handover talks: Bronckhorst with a jobcoach and a case manager in
 * `staff` and `programme.closingTalks`. Planning the programme plans the closing talks after its sessions.
 */
describe('closing talks in the scenario format', () => {
  let api: TestApp;
  let programmeId: string;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('imports Bronckhorst and plans a closing talk for every member in her last two weeks with the trainer, the jobcoach and the case manager', async () => {
    await api.post('/imports/scenario', fixture()).expect(200);
    programmeId = (await api.get(`/programmes?region=${REGION}`).expect(200)).body.items[0].id;
    const plan = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;

    const staff = (await api.get(`/staff-members?region=${REGION}&limit=100`).expect(200)).body.items as {
      id: string;
      ref: string;
    }[];
    const idOf = new Map(staff.map((member) => [member.ref, member.id]));
    const sessions = (await api.get(`/sessions?region=${REGION}&limit=100`).expect(200)).body.items as {
      date: string;
    }[];
    const lastDate = sessions
      .map((session) => session.date)
      .sort()
      .at(-1)!;
    const firstDate = DateTime.fromISO(lastDate).minus({ days: 13 }).toISODate()!;
    const members = (await api.get(`/groups?region=${REGION}`).expect(200)).body.items[0]
      .participantIds as string[];

    const series = (await api.get(`/talks?programme=${programmeId}&limit=100`).expect(200)).body
      .items as Series[];
    const closing = series.filter((s) => s.kind === 'closing');
    expect(closing.map((s) => s.participantId).sort()).toEqual([...members].sort());
    const planned: { start: string; end: string }[] = [];
    for (const s of closing) {
      expect(s.staffMemberIds.sort()).toEqual([idOf.get('jc-yasmina'), idOf.get('km-karin')].sort());
      expect(s.trainerId).not.toBeNull();
      expect(s.durationMinutes).toBe(45);
      expect(s.talks).toHaveLength(1);
      const [talk] = s.talks;
      if (talk.status === 'planned') {
        expect(localDate(talk.start!) >= firstDate && localDate(talk.start!) <= lastDate).toBe(true);
        planned.push({ start: talk.start!, end: talk.end! });
      } else {
        expect(talk.reason).toEqual(expect.any(String));
      }
    }
    // The trainer, the jobcoach and the case manager are at every talk: no two at once.
    const ms = (iso: string) => DateTime.fromISO(iso).toMillis();
    for (const a of planned)
      for (const b of planned)
        if (a !== b) expect(ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end)).toBe(false);

    // The plan answer tells them as the talks module reports them.
    expect(plan.closingTalks).toEqual({
      roles: ['jobcoach', 'case-manager'],
      planned: planned.length,
      unplaced: closing
        .filter((s) => s.talks[0].status === 'unplaced')
        .map((s) => ({ participantId: s.participantId, reason: s.talks[0].reason })),
    });
    expect(planned.length).toBe(members.length);

    // The plan document holds them with the scenario's ids.
    const document = (await api.get(`/exports/plan?region=${REGION}`).expect(200)).body;
    expect(document.closingTalks.map((talk: { participantId: string }) => talk.participantId)).toEqual(
      fixture().programme.groups[0].participantIds,
    );
    for (const talk of document.closingTalks) {
      expect(talk).toMatchObject({
        programmeId: 'programme',
        trainerId: 'tr-els',
        staffIds: ['jc-yasmina', 'km-karin'],
        locationId: 'loc-vorden',
      });
    }
    expect(document.closingTalksUnplaced).toEqual([]);
  }, 180_000);

  it('holds in a plan document over some dates only the closing talks that start on them', async () => {
    const all = (await api.get(`/exports/plan?region=${REGION}`).expect(200)).body.closingTalks as {
      participantId: string;
      start: string;
    }[];
    const day = all[0].start.slice(0, 10);
    const thatDay = (await api.get(`/exports/plan?region=${REGION}&from=${day}&to=${day}`).expect(200)).body;
    expect(thatDay.closingTalks.map((talk: { participantId: string }) => talk.participantId)).toEqual(
      all.filter((talk) => talk.start.startsWith(day)).map((talk) => talk.participantId),
    );
    const before = DateTime.fromISO(day).minus({ days: 30 }).toISODate();
    const earlier = (await api.get(`/exports/plan?region=${REGION}&to=${before}`).expect(200)).body;
    expect(earlier.closingTalks).toBeUndefined();
    expect(earlier.closingTalksUnplaced).toBeUndefined();
  });

  it('exports the staff roles and the closing talks as the file said, and importing the export changes nothing', async () => {
    const exported = (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body;
    const file = fixture();
    expect(exported.format).toBe('trefpunt-scenario/2');
    expect(exported.staff).toEqual(file.staff);
    expect(exported.programme.closingTalks).toEqual({ ...file.programme.closingTalks, place: 'location' });
    const again = (await api.post('/imports/scenario', exported).expect(200)).body;
    expect(again.changed).toBe(false);
  });

  it('plans the programme without its closing talks when nobody in the region is a case manager any more, and says why', async () => {
    const karin = (await api.get(`/staff-members?region=${REGION}&limit=100`).expect(200)).body.items.find(
      (member: { ref: string }) => member.ref === 'km-karin',
    ).id;
    const before = (await api.get(`/talks?programme=${programmeId}&limit=100`).expect(200)).body.total;
    await api.patch(`/staff-members/${karin}`, { roles: ['language-buddy'] }).expect(200);
    const plan = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    expect(plan.unplanned).toEqual([]);
    expect(plan.closingTalks).toEqual({
      roles: ['jobcoach', 'case-manager'],
      planned: 0,
      unplaced: [],
      notPlanned: 'no staff member of this region is a case-manager',
    });
    // The closing talks planned before stand.
    expect((await api.get(`/talks?programme=${programmeId}&limit=100`).expect(200)).body.total).toBe(before);
    await api.patch(`/staff-members/${karin}`, { roles: ['case-manager'] }).expect(200);
  }, 180_000);

  it('refuses closing talks with a role that is no talk role, or nobody in staff has, naming the path', async () => {
    const file = fixture();
    file.programme.closingTalks.roles = ['jobcoach', 'manager'];
    const unknown = await api.post('/imports/scenario', file).expect(400);
    expect(JSON.stringify(unknown.body)).toContain(
      'programme.closingTalks.roles[1]: \\"manager\\" is no talk role',
    );

    const withoutCaseManager = fixture();
    withoutCaseManager.staff = withoutCaseManager.staff.filter((m: { id: string }) => m.id !== 'km-karin');
    const missing = await api.post('/imports/scenario', withoutCaseManager).expect(400);
    expect(JSON.stringify(missing.body)).toContain(
      'programme.closingTalks.roles[1]: no one in staff is a case-manager',
    );
  });

  it('refuses closing talks in a version 1 document, naming the field', async () => {
    const file = fixture();
    file.format = 'trefpunt-scenario/1';
    delete file.staff;
    delete file.programme.online;
    const refused = await api.post('/imports/scenario', file).expect(400);
    expect(JSON.stringify(refused.body)).toContain(
      'programme.closingTalks: needs \\"format\\": \\"trefpunt-scenario/2\\"',
    );
  });

  it('undoes its migration, the programme then ending without closing talks, and does it again', async () => {
    const runner = api.app.get(DataSource).createQueryRunner();
    const migration = new ProgrammeClosingTalks1795418900000();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const exported = (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body;
    expect(exported.programme.closingTalks).toBeUndefined();
    await api.post('/imports/scenario', fixture()).expect(200);
    const again = (await api.get(`/exports/scenario?region=${REGION}`).expect(200)).body;
    expect(again.programme.closingTalks).toEqual({ ...fixture().programme.closingTalks, place: 'location' });
  });

  it('holds in a plan document over some dates the closing talks without a time whose days meet them', async () => {
    // Five hours do not fit between 09:00 and 13:00: every talk stays without a time, in its last two weeks.
    const answer = (
      await api
        .post(`/programmes/${programmeId}/closing-talks`, {
          roles: ['jobcoach', 'case-manager'],
          durationMinutes: 300,
          place: 'online',
        })
        .expect(200)
    ).body as { series: { talks: { status: string; windowFrom: string; windowTo: string }[] }[] };
    const talks = answer.series.flatMap((series) => series.talks);
    expect(talks.length).toBeGreaterThan(0);
    expect(talks.every((talk) => talk.status === 'unplaced')).toBe(true);
    const { windowFrom, windowTo } = talks[0];
    const exported = async (range: string) =>
      (await api.get(`/exports/plan?region=${REGION}${range}`).expect(200)).body;

    expect((await exported(`&from=${windowTo}`)).closingTalksUnplaced).toHaveLength(talks.length);
    expect((await exported(`&to=${windowFrom}`)).closingTalksUnplaced).toHaveLength(talks.length);
    const dayBefore = DateTime.fromISO(windowFrom).minus({ days: 1 }).toISODate();
    const dayAfter = DateTime.fromISO(windowTo).plus({ days: 1 }).toISODate();
    expect((await exported(`&to=${dayBefore}`)).closingTalksUnplaced).toBeUndefined();
    expect((await exported(`&from=${dayAfter}`)).closingTalksUnplaced).toBeUndefined();
  }, 180_000);
});
