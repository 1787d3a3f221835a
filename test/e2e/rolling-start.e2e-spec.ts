import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messagesOf } from '../support/answers';
import { startTestApp, TestApp } from '../support/test-app';

const FIXTURE = 'utrecht-rolling.scenario.json';
const fixture = () => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', FIXTURE), 'utf8'));

interface Record {
  id: string;
  ref: string;
}
interface GroupSummary {
  groupId: string;
  firstDate: string | null;
  memberSessions: number;
  attendable: number;
}
interface StoredSession {
  id: string;
  groupId: string;
  date: string;
}

describe('a rolling start: a group starts when enough of its women are ready', () => {
  let api: TestApp;
  let programmeId: string;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture()).expect(200);
    programmeId = (await api.get('/programmes?region=utrecht-rolling').expect(200)).body.items[0].id;
    for (const path of ['/groups', '/participants'])
      for (const record of (await api.get(`${path}?region=utrecht-rolling&limit=100`).expect(200)).body
        .items as Record[])
        idOf.set(record.ref, record.id);
  });
  afterAll(() => api.close());

  const plan = async () => {
    const answer = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    const summary = (ref: string) =>
      (answer.groups as GroupSummary[]).find((group) => group.groupId === idOf.get(ref))!;
    const sessions = (await api.get('/sessions?region=utrecht-rolling&limit=1000').expect(200)).body
      .items as StoredSession[];
    const datesOf = (ref: string) =>
      sessions
        .filter((session) => session.groupId === idOf.get(ref))
        .map((session) => session.date)
        .sort();
    return { answer, summary, sessions, datesOf };
  };

  /** The rolling group's members and the day each is ready (the fixture's `readyFrom`; none: ready now). */
  const readyFrom = (): Map<string, string | undefined> => {
    const { participants, programme } = fixture();
    const members: string[] = programme.groups[1].participantIds;
    return new Map(
      members.map((ref) => [ref, participants.find((p: { id: string }) => p.id === ref).readyFrom]),
    );
  };
  const readyAt = (ready: Map<string, string | undefined>, date: string) =>
    [...ready.values()].filter((day) => day === undefined || day <= date).length;

  it('holds the rolling group’s first session in the week its sixth woman is ready, and counts no woman before her day', async () => {
    const { answer, summary, sessions, datesOf } = await plan();
    expect(answer.unplanned).toEqual([]);
    // The first group starts with the programme; the second needs 6 ready: the 6th (p16) is ready on 3 February.
    expect(summary('g-utrecht-1').firstDate! < '2027-01-18').toBe(true);
    const rolling = datesOf('g-utrecht-2');
    expect(rolling).toHaveLength(8);
    expect(rolling[0] >= '2027-02-03' && rolling[0] <= '2027-02-09').toBe(true);
    expect(summary('g-utrecht-2').firstDate).toBe(rolling[0]);

    // A member-session before her ready day does not exist: p17 (10 March), p9 (17 March) and p4 (June) count
    // only from their day on, in the plan's figures and in the plan as it stands.
    const ready = readyFrom();
    const expected = rolling.reduce((sum, date) => sum + readyAt(ready, date), 0);
    expect(expected).toBeLessThan(rolling.length * ready.size);
    expect(summary('g-utrecht-2').memberSessions).toBe(expected);
    // Care and rides count the same member-sessions, and the bound stays above what they let come.
    expect(answer.careAndRides.memberSessions).toBe(summary('g-utrecht-1').memberSessions + expected);
    expect(answer.careAndRides.upperBound).toBeGreaterThanOrEqual(answer.careAndRides.canCome);
    const exported = (
      await api.get('/exports/plan?region=utrecht-rolling&from=2027-01-01&to=2027-12-31').expect(200)
    ).body;
    expect(exported.canCome.memberSessions).toBe(summary('g-utrecht-1').memberSessions + expected);
    const dateOf = new Map(sessions.map((session) => [session.id, session.date]));
    const early = (entry: { participantId: string; sessionId: string }) => {
      const day =
        ready.get(entry.participantId) ??
        ready.get([...idOf].find(([, id]) => id === entry.participantId)?.[0] ?? '');
      return day !== undefined && dateOf.get(entry.sessionId)! < day;
    };
    expect(
      (exported.absentByConflict as { participantId: string; sessionId: string }[]).filter(early),
    ).toEqual([]);
    expect(
      (exported.canCome.cannotCome as { participantId: string; sessionId: string }[]).filter(early),
    ).toEqual([]);
  });

  it('moves the start when a woman’s ready day changes and the programme is planned again', async () => {
    await api.patch(`/participants/${idOf.get('p16')}`, { readyFrom: '2027-03-01' }).expect(200);
    const { datesOf } = await plan();
    // Now the 6th ready is p16 on 1 March (a Monday): the first session is in that week.
    const rolling = datesOf('g-utrecht-2');
    expect(rolling[0] >= '2027-03-01' && rolling[0] <= '2027-03-07').toBe(true);
    await api.patch(`/participants/${idOf.get('p16')}`, { readyFrom: '2027-02-03' }).expect(200);
  });

  it('reminds only the women ready by the session, not those whose day is still to come', async () => {
    const { sessions, datesOf } = await plan();
    const first = datesOf('g-utrecht-2')[0];
    const session = sessions.find((s) => s.groupId === idOf.get('g-utrecht-2') && s.date === first)!;
    const evening = DateTime.fromISO(first, { zone: 'Europe/Amsterdam' })
      .minus({ days: 1 })
      .set({ hour: 20 });
    await api.post(`/admin/reminders/run?at=${encodeURIComponent(evening.toISO()!)}`).expect(200);
    const reminded = new Set(
      (
        (await api.get(`/outbox?region=utrecht-rolling&limit=1000`).expect(200)).body.items as {
          participantId: string;
          sessionId: string;
          kind: string;
        }[]
      )
        .filter((message) => message.sessionId === session.id && message.kind === 'reminder-evening')
        .map((message) => [...idOf].find(([, id]) => id === message.participantId)![0]),
    );
    const ready = readyFrom();
    const later = [...ready].filter(([, day]) => day !== undefined && day > first).map(([ref]) => ref);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((ref) => reminded.has(ref))).toEqual([]);
    expect(reminded.size).toBeGreaterThan(0);
    expect([...reminded].every((ref) => readyAt(new Map([[ref, ready.get(ref)]]), first) === 1)).toBe(true);
  });

  it('lists the group as unplanned when never enough of its women are ready', async () => {
    await api.patch(`/groups/${idOf.get('g-utrecht-2')}`, { rollingStart: { minReady: 10 } }).expect(200);
    const { answer, datesOf } = await plan();
    expect(answer.unplanned).toEqual([
      expect.objectContaining({
        groupId: idOf.get('g-utrecht-2'),
        reason: 'not enough women ready: 9 of 10 needed',
      }),
    ]);
    expect(datesOf('g-utrecht-2')).toEqual([]);
    await api.patch(`/groups/${idOf.get('g-utrecht-2')}`, { rollingStart: { minReady: 6 } }).expect(200);
  });

  it('writes ready days and the rolling start back in its export, which imports unchanged', async () => {
    const exported = (await api.get('/exports/scenario?region=utrecht-rolling').expect(200)).body;
    expect(exported.format).toBe('trefpunt-scenario/2');
    const original = fixture();
    const readyOf = (doc: typeof original) =>
      Object.fromEntries(
        (doc.participants as { id: string; readyFrom?: string }[])
          .filter((p) => p.readyFrom)
          .map((p) => [p.id, p.readyFrom]),
      );
    expect(readyOf(exported)).toEqual(readyOf(original));
    expect(exported.programme.groups.map((g: { rollingStart?: object }) => g.rollingStart ?? null)).toEqual([
      null,
      { minReady: 6 },
    ]);
    const again = (await api.post('/imports/scenario', exported).expect(200)).body;
    expect(again.records.participants).toEqual({ created: 0, updated: 0, unchanged: 18 });
    expect(again.records.groups).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses bad ready days and rolling starts, naming the field', async () => {
    const participant = idOf.get('p16');
    const group = idOf.get('g-utrecht-2');
    const problems = async (request: ReturnType<TestApp['patch']>) =>
      messagesOf((await request.expect(400)).body).join('\n');
    expect(await problems(api.patch(`/participants/${participant}`, { readyFrom: 'soon' }))).toMatch(
      /readyFrom/,
    );
    expect(await problems(api.patch(`/participants/${participant}`, { readyFrom: '2027-02-30' }))).toMatch(
      /readyFrom/,
    );
    expect(await problems(api.patch(`/groups/${group}`, { rollingStart: { minReady: 0 } }))).toMatch(
      /rollingStart\.minReady/,
    );
    expect(await problems(api.patch(`/groups/${group}`, { rollingStart: { minReady: 2.5 } }))).toMatch(
      /rollingStart\.minReady/,
    );

    const zero = fixture();
    zero.programme.groups[1].rollingStart = { minReady: 0 };
    expect(messagesOf((await api.post('/imports/scenario', zero).expect(400)).body).join('\n')).toMatch(
      /programme\.groups\[1\]\.rollingStart\.minReady/,
    );
    const older = { ...fixture(), format: 'trefpunt-scenario/1' };
    delete older.programme.groups[1].rollingStart;
    expect(messagesOf((await api.post('/imports/scenario', older).expect(400)).body).join('\n')).toMatch(
      /participants\[\d+\]\.readyFrom: needs "format": "trefpunt-scenario\/2"/,
    );
    const badDate = fixture();
    badDate.participants[3].readyFrom = '3 February';
    expect(messagesOf((await api.post('/imports/scenario', badDate).expect(400)).body).join('\n')).toMatch(
      /participants\[3\]\.readyFrom/,
    );
  });
});
