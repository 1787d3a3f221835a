import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

describe('planning the sessions of a programme', () => {
  let api: TestApp;
  let programmeId: string;
  let summary: Record<string, any>;
  const berkelland = fixture('berkelland.scenario.json');

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', berkelland).expect(200);
    programmeId = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0].id;
    summary = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
  });
  afterAll(() => api.close());

  it('plans every group its full series at one weekly time, with a trainer', async () => {
    expect(summary.unplanned).toEqual([]);
    expect(summary.groups).toHaveLength(2);
    for (const group of summary.groups) {
      expect(group.sessions).toBe(berkelland.programme.sessionsPerGroup);
      expect(group.weekly).toHaveLength(1);
      expect(group.weekly[0].trainerId).toEqual(expect.any(String));
    }
    expect(summary.attendable).toBeLessThanOrEqual(summary.upperBound);
    const sessions = await api.get('/sessions?region=berkelland&limit=1000').expect(200);
    expect(sessions.body.total).toBe(2 * berkelland.programme.sessionsPerGroup);
  });

  it('keeps every session within the rules: opening hours, the policy window, no closed dates or public holidays', async () => {
    const sessions = (await api.get('/sessions?region=berkelland&limit=1000').expect(200)).body.items;
    const closed = berkelland.closedDates as { from: string; to: string }[];
    const holidays = ['2027-03-29', '2027-04-27', '2027-05-06', '2027-05-17'];
    for (const session of sessions) {
      const start = minutes(session.start.slice(11, 16));
      const end = minutes(session.end.slice(11, 16));
      expect(start).toBeGreaterThanOrEqual(minutes(berkelland.policy.earliestStart));
      expect(end).toBeLessThanOrEqual(minutes(berkelland.policy.latestEnd));
      expect(start % berkelland.policy.slotStepMinutes).toBe(0);
      expect(closed.some((range) => range.from <= session.date && session.date <= range.to)).toBe(false);
      expect(holidays).not.toContain(session.date);
      expect(session.date >= berkelland.programme.startDate).toBe(true);
    }
  });

  it('keeps the wall-clock time across the change to summer time', async () => {
    const group = summary.groups[0];
    const sessions = (await api.get(`/sessions?group=${group.groupId}&limit=100`).expect(200)).body.items;
    const winter = sessions.find((session: { date: string }) => session.date < '2027-03-28');
    const summer = sessions.find((session: { date: string }) => session.date > '2027-03-28');
    expect(winter.start.slice(11)).toBe(`${group.weekly[0].start}:00+01:00`);
    expect(summer.start.slice(11)).toBe(`${group.weekly[0].start}:00+02:00`);
  });

  it('exports the plan with exactly the lesson overlaps that exist', async () => {
    const plan = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
    expect(plan).toMatchObject({ format: 'trefpunt-plan/1', region: 'berkelland' });
    // Rides are planned with the programme, and always both ways: nobody is brought and not taken home.
    expect(plan.routes.length).toBeGreaterThan(0);
    const ways = new Map<string, Set<string>>();
    for (const route of plan.routes as {
      sessionId: string;
      direction: string;
      stops: { participantId: string }[];
    }[])
      for (const stop of route.stops) {
        const key = `${stop.participantId}|${route.sessionId}`;
        ways.set(key, (ways.get(key) ?? new Set()).add(route.direction));
      }
    expect([...ways.values()].every((directions) => directions.size === 2)).toBe(true);
    expect(plan.sessions).toHaveLength(2 * berkelland.programme.sessionsPerGroup);
    const groups = new Map<string, { participantIds: string[] }>(
      berkelland.programme.groups.map((g: { id: string; participantIds: string[] }) => [g.id, g]),
    );
    const participants = new Map<string, { lessons: any[] }>(
      berkelland.participants.map((p: { id: string }) => [p.id, p]),
    );
    const truth = new Set<string>();
    for (const session of plan.sessions) {
      const date = session.start.slice(0, 10);
      const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
      const [from, to] = [minutes(session.start.slice(11, 16)), minutes(session.end.slice(11, 16))];
      for (const id of groups.get(session.groupId)!.participantIds) {
        for (const lesson of participants.get(id)!.lessons) {
          if (lesson.weekday !== weekday || date < lesson.validFrom || date > lesson.validTo) continue;
          if (minutes(lesson.from) < to && from < minutes(lesson.to))
            truth.add(`${id}|${session.id}|${lesson.providerId}`);
        }
      }
    }
    const listed = new Set(
      plan.conflicts
        .filter((c: { kind: string }) => c.kind === 'overlap')
        .map(
          (c: { participantId: string; sessionId: string; providerId: string }) =>
            `${c.participantId}|${c.sessionId}|${c.providerId}`,
        ),
    );
    expect([...listed].sort()).toEqual([...truth].sort());
    for (const conflict of plan.conflicts) {
      expect(plan.absentByConflict).toContainEqual({
        participantId: conflict.participantId,
        sessionId: conflict.sessionId,
      });
    }
  });

  it('ranks the weekly times of a group, saying who can come and why the others cannot', async () => {
    const group = summary.groups[0];
    const slots = (await api.get(`/groups/${group.groupId}/slots?limit=200`).expect(200)).body.items;
    expect(slots.length).toBeGreaterThan(1);
    for (const [index, slot] of slots.entries()) {
      expect(slot.canCome.length + slot.cannotCome.length).toBe(
        berkelland.programme.groups.find(
          (g: { id: string }) => g.id === 'g-berkelland-1' || g.id === 'g-bronckhorst-1',
        )!.participantIds.length,
      );
      if (index > 0 && slot.missingLanguages.length === slots[index - 1].missingLanguages.length) {
        expect(slot.attendable).toBeLessThanOrEqual(slots[index - 1].attendable);
      }
    }
    const blocked = slots.flatMap((slot: { cannotCome: any[] }) => slot.cannotCome)[0];
    expect(blocked.reasons[0]).toMatchObject({
      kind: expect.stringMatching(/overlap|travel|appointment/),
      dates: expect.any(Array),
    });
    await api.get(`/groups/${group.groupId}/slots?limit=0`).expect(400);
    const log = (await api.get(`/audit-log?participant=${blocked.participantId}`).expect(200)).body.items;
    expect(log[0]).toMatchObject({ action: 'read', recordType: 'participant', actorRole: 'admin' });
  });

  it('keeps a pinned time when planning again', async () => {
    const group = summary.groups[0];
    await api
      .put(`/groups/${group.groupId}/pinned-slots`, { slots: [{ weekday: 4, start: '09:30' }] })
      .expect(200);
    const again = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    const replanned = again.groups.find((g: { groupId: string }) => g.groupId === group.groupId);
    expect(replanned.weekly[0]).toMatchObject({ weekday: 4, start: '09:30', pinned: true });
    const sessions = (await api.get(`/sessions?group=${group.groupId}&limit=100`).expect(200)).body.items;
    expect(sessions).toHaveLength(berkelland.programme.sessionsPerGroup);
    expect(sessions.every((session: { start: string }) => session.start.slice(11, 16) === '09:30')).toBe(
      true,
    );
    const refused = await api
      .put(`/groups/${group.groupId}/pinned-slots`, { slots: [{ weekday: 9, start: '25:00' }] })
      .expect(400);
    expect(refused.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^slots\[0\]\.weekday: /)]),
    );
    await api.put(`/groups/${group.groupId}/pinned-slots`, { slots: [] }).expect(200);
  });

  it('flags the conflicts of a session moved by hand onto a lesson', async () => {
    const sessions = (await api.get('/sessions?region=berkelland&from=2027-05-01&limit=1000').expect(200))
      .body.items;
    const session = sessions[0];
    const members = (await api.get(`/groups/${session.groupId}`).expect(200)).body.participantIds as string[];
    const provider = (await api.get('/language-providers?region=berkelland&ref=tp1').expect(200)).body
      .items[0];
    const weekday = ((new Date(`${session.date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const lesson = await api
      .post('/lessons', {
        participantId: members[0],
        providerId: provider.id,
        weekday,
        from: '19:00',
        to: '21:00',
        position: { lat: 52.1, lon: 6.5 },
        validFrom: session.date,
        validTo: session.date,
      })
      .expect(201);
    const before = (await api.get(`/sessions/${session.id}/conflicts`).expect(200)).body.items;
    expect(before.map((c: { lessonId: string }) => c.lessonId)).not.toContain(lesson.body.id);
    const offset = session.start.slice(19);
    await api
      .patch(`/sessions/${session.id}`, {
        start: `${session.date}T19:30:00${offset}`,
        end: `${session.date}T21:30:00${offset}`,
      })
      .expect(200);
    const after = (await api.get(`/sessions/${session.id}/conflicts`).expect(200)).body.items;
    expect(after).toContainEqual(
      expect.objectContaining({
        participantId: members[0],
        lessonId: lesson.body.id,
        kind: 'overlap',
        isNew: true,
      }),
    );
  });

  it('flags a new conflict when a lesson is added after planning, without re-planning', async () => {
    const plan = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
    const session = plan.sessions.find((s: { start: string }) => s.start >= '2027-06');
    const sessionsBefore = (await api.get('/sessions?region=berkelland&limit=1000').expect(200)).body.items;
    const groupRef = session.groupId;
    const memberRef = berkelland.programme.groups.find((g: { id: string }) => g.id === groupRef)
      .participantIds[0];
    const member = (await api.get(`/participants?region=berkelland&ref=${memberRef}`).expect(200)).body
      .items[0];
    const provider = (await api.get('/language-providers?region=berkelland&ref=tp1').expect(200)).body
      .items[0];
    const sessionRecord = sessionsBefore.find((s: { id: string }) => s.id === session.id);
    const weekday = ((new Date(`${sessionRecord.date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

    const lesson = await api
      .post('/lessons', {
        participantId: member.id,
        providerId: provider.id,
        weekday,
        from: sessionRecord.start.slice(11, 16),
        to: sessionRecord.end.slice(11, 16),
        position: { lat: 52.1, lon: 6.5 },
        validFrom: sessionRecord.date,
        validTo: sessionRecord.date,
      })
      .expect(201);
    const conflicts = (await api.get(`/sessions/${session.id}/conflicts`).expect(200)).body.items;
    expect(conflicts).toContainEqual(
      expect.objectContaining({
        participantId: member.id,
        lessonId: lesson.body.id,
        kind: 'overlap',
        isNew: true,
      }),
    );
    const sessionsAfter = (await api.get('/sessions?region=berkelland&limit=1000').expect(200)).body.items;
    expect(sessionsAfter).toEqual(sessionsBefore);

    await api.delete(`/lessons/${lesson.body.id}`).expect(204);
    const resolved = (await api.get(`/sessions/${session.id}/conflicts`).expect(200)).body.items;
    expect(resolved.some((c: { lessonId: string }) => c.lessonId === lesson.body.id)).toBe(false);
  });

  it('flags the conflicts of a woman who joins a group after planning', async () => {
    const groups = (await api.get('/groups?region=berkelland').expect(200)).body.items;
    const [from, to] = groups;
    const newcomer = from.participantIds.find((id: string) => !to.participantIds.includes(id));
    const sessions = (await api.get(`/sessions?group=${to.id}&limit=100`).expect(200)).body.items;
    const member = (await api.get(`/participants/${newcomer}`).expect(200)).body;
    const provider = (await api.get('/language-providers?region=berkelland&ref=tp2').expect(200)).body
      .items[0];
    const weekday = ((new Date(`${sessions[0].date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    await api
      .post('/lessons', {
        participantId: member.id,
        providerId: provider.id,
        weekday,
        from: sessions[0].start.slice(11, 16),
        to: sessions[0].end.slice(11, 16),
        position: { lat: 52.1, lon: 6.5 },
        validFrom: '2027-01-01',
        validTo: '2027-12-31',
      })
      .expect(201);
    await api.patch(`/groups/${to.id}`, { participantIds: [...to.participantIds, newcomer] }).expect(200);
    const conflicts = (await api.get(`/sessions/${sessions[0].id}/conflicts`).expect(200)).body.items;
    expect(conflicts).toContainEqual(
      expect.objectContaining({ participantId: newcomer, isNew: true, kind: 'overlap' }),
    );
  });
});
