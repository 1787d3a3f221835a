import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

interface SessionRow {
  sessionId: string;
  groupName: string;
  date: string;
  start: string;
  end: string;
  kind: 'overlap' | 'travel';
  overlapMinutes: number;
}
interface LessonRow {
  lessonId: string;
  weekday: number;
  from: string;
  to: string;
  validFrom: string;
  validTo: string;
  sessions: SessionRow[];
}
interface ParticipantRow {
  participantId: string;
  ref: string | null;
  name: string;
  lessons: LessonRow[];
}
interface Move {
  lessonId: string;
  participantId: string;
  ref: string | null;
  name: string;
  weekday: number;
  from: string;
  to: string;
  attendable: number;
  conflicting: number;
}
interface Report {
  provider: { id: string; name: string; email: string | null };
  from: string | null;
  to: string | null;
  participants: ParticipantRow[];
  bestMoves: Move[];
  newSinceLastPlan: number;
}
interface PlanConflict {
  participantId: string;
  sessionId: string;
  providerId: string;
  lessonStart: string;
  lessonEnd: string;
  overlapMinutes: number;
  kind: 'overlap' | 'travel';
}

const rowsOf = (report: Report) =>
  report.participants.flatMap((participant) =>
    participant.lessons.flatMap((lesson) =>
      lesson.sessions.map((session) => ({ participant, lesson, session })),
    ),
  );
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Berkelland with both groups pinned to their Monday times (09:00–12:00 in Borculo, 12:45–15:45 in Vorden) and a
 * few lessons added at Inburgeringsschool Zutphen (tp3) before planning, so that each kind of conflict and each
 * reason a move frees fewer sessions occurs:
 * - p13 (fixture): Monday 09:00–12:00 overlaps every session of her group;
 * - p23: Monday 10:00–11:00 overlaps every session, but a lesson at tp1 (11:30–12:30) is also in the way in
 *   January and February;
 * - p24 (Bronckhorst): Monday 13:00–14:00 until the end of April;
 * - p9: Monday 12:05–13:00 elsewhere leaves no time to travel until the end of March, and an appointment on
 *   1 March is also in the way.
 */
describe('GET /language-providers/:id/conflicts', () => {
  let api: TestApp;
  let plan: { sessions: { id: string; start: string; end: string }[]; conflicts: PlanConflict[] };
  let provider: { id: string; ref: string; name: string };
  let report: Report;
  const participantIdsByRef = new Map<string, string>();
  const url = (query = '') => `/language-providers/${provider.id}/conflicts${query}`;
  const withToken = (token: string) => {
    const server = api.app.getHttpServer();
    return (path: string) => request(server).get(path).set('Authorization', `Bearer ${token}`);
  };
  const participantOf = (ref: string) => report.participants.find((participant) => participant.ref === ref)!;
  const moveOf = (ref: string) => report.bestMoves.find((move) => move.ref === ref)!;

  beforeAll(async () => {
    api = await startTestApp();
    await api.post('/imports/scenario', fixture('berkelland.scenario.json')).expect(200);
    for (const participant of (await api.get('/participants?region=berkelland&limit=200').expect(200)).body
      .items) {
      participantIdsByRef.set(participant.ref, participant.id);
    }
    const providers: { id: string; ref: string; name: string }[] = (
      await api.get('/language-providers?region=berkelland').expect(200)
    ).body.items;
    provider = providers.find((candidate) => candidate.ref === 'tp3')!;
    const tp1 = providers.find((candidate) => candidate.ref === 'tp1')!;
    const groups: { id: string; ref: string }[] = (await api.get('/groups?region=berkelland').expect(200))
      .body.items;
    for (const [ref, start] of [
      ['g-berkelland-1', '09:00'],
      ['g-bronckhorst-1', '12:45'],
    ]) {
      const group = groups.find((candidate) => candidate.ref === ref)!;
      await api.put(`/groups/${group.id}/pinned-slots`, { slots: [{ weekday: 1, start }] }).expect(200);
    }
    const zutphen = { lat: 52.1385, lon: 6.2005 };
    const lesson = (ref: string, providerId: string, from: string, to: string, validTo: string) =>
      api
        .post('/lessons', {
          participantId: participantIdsByRef.get(ref),
          providerId,
          weekday: 1,
          from,
          to,
          position: zutphen,
          validFrom: '2026-09-01',
          validTo,
        })
        .expect(201);
    await lesson('p23', provider.id, '10:00', '11:00', '2027-12-31');
    await lesson('p23', tp1.id, '11:30', '12:30', '2027-02-28');
    await lesson('p24', provider.id, '13:00', '14:00', '2027-04-30');
    await lesson('p9', provider.id, '12:05', '13:00', '2027-03-31');
    await api
      .post('/appointments', {
        participantId: participantIdsByRef.get('p9'),
        date: '2027-03-01',
        from: '10:00',
        to: '10:30',
        what: 'huisarts',
      })
      .expect(201);

    const programme = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0];
    await api.post(`/programmes/${programme.id}/plan`).expect(200);
    plan = (await api.get('/exports/plan?region=berkelland').expect(200)).body;
    report = (
      await api
        .get(url())
        .expect(200)
        .expect('Content-Type', /application\/json/)
    ).body;
  });
  afterAll(() => api.close());

  describe('as JSON', () => {
    it('names the provider and the period of all planned sessions', () => {
      expect(report.provider).toEqual({
        id: provider.id,
        name: provider.name,
        email: expect.stringContaining('@'),
      });
      expect(report.from).toBe(plan.sessions[0].start.slice(0, 10));
      expect(report.to).toBe(plan.sessions.at(-1)!.start.slice(0, 10));
      expect(report.newSinceLastPlan).toBe(0);
    });

    it('lists exactly the conflicts of the plan export for this provider, with dates, times and kinds', () => {
      const expected = plan.conflicts
        .filter((conflict) => conflict.providerId === provider.ref)
        .map((conflict) =>
          [
            participantIdsByRef.get(conflict.participantId),
            conflict.sessionId,
            conflict.lessonStart.slice(0, 10),
            conflict.lessonStart.slice(11, 16),
            conflict.lessonEnd.slice(11, 16),
            conflict.kind,
            conflict.overlapMinutes,
          ].join('|'),
        )
        .sort();
      const listed = rowsOf(report)
        .map(({ participant, lesson, session }) =>
          [
            participant.participantId,
            session.sessionId,
            session.date,
            lesson.from,
            lesson.to,
            session.kind,
            session.overlapMinutes,
          ].join('|'),
        )
        .sort();
      expect(listed).toEqual(expected);
    });

    it('lists per woman her lessons here that clash, overlapping or leaving no time to travel', () => {
      expect(report.participants.map((participant) => participant.ref).sort()).toEqual([
        'p13',
        'p23',
        'p24',
        'p9',
      ]);
      for (const participant of report.participants) expect(participant.lessons).toHaveLength(1);
      const [p23] = participantOf('p23').lessons;
      expect(p23).toMatchObject({ weekday: 1, from: '10:00', to: '11:00', validTo: '2027-12-31' });
      expect(
        p23.sessions.every((session) => session.kind === 'overlap' && session.overlapMinutes === 60),
      ).toBe(true);
      const [p9] = participantOf('p9').lessons;
      expect(p9.sessions.length).toBeGreaterThan(5);
      expect(p9.sessions.every((session) => session.kind === 'travel' && session.overlapMinutes === 0)).toBe(
        true,
      );
      expect(p9.sessions.every((session) => session.date <= '2027-03-31')).toBe(true);
      const [p24] = participantOf('p24').lessons;
      expect(p24.sessions.every((session) => session.date <= '2027-04-30' && session.start === '12:45')).toBe(
        true,
      );
      expect(p24.sessions.every((session) => session.groupName === 'Groep Dorpscentrum Vorden 1')).toBe(true);
      expect(participantOf('p13').lessons[0].sessions.map((session) => session.sessionId)).toEqual(
        p23.sessions.map((session) => session.sessionId),
      );
    });

    it('gives each session its local date and times, and an overlap only for kind overlap', () => {
      const planned = new Map(plan.sessions.map((session) => [session.id, session]));
      for (const { lesson, session } of rowsOf(report)) {
        const stored = planned.get(session.sessionId)!;
        expect(session.date).toBe(stored.start.slice(0, 10));
        expect(session.start).toBe(stored.start.slice(11, 16));
        expect(session.end).toBe(stored.end.slice(11, 16));
        expect(DateTime.fromISO(session.date).weekday).toBe(lesson.weekday);
        expect(session.groupName).toMatch(/^Groep /);
        if (session.kind === 'overlap') {
          const overlap =
            Math.min(minutes(session.end), minutes(lesson.to)) -
            Math.max(minutes(session.start), minutes(lesson.from));
          expect(session.overlapMinutes).toBe(overlap);
        } else {
          expect(session.kind).toBe('travel');
          expect(session.overlapMinutes).toBe(0);
        }
      }
    });

    it('orders participants by name, and their sessions by date', () => {
      const names = report.participants.map((participant) => participant.name);
      expect(names).toEqual([...names].sort());
      for (const { lessons } of report.participants) {
        for (const { sessions } of lessons) {
          const dates = sessions.map((session) => session.date);
          expect(dates).toEqual([...dates].sort());
        }
      }
    });

    it('narrows to the sessions on the local dates from…to, both inclusive', async () => {
      const dates = [...new Set(rowsOf(report).map(({ session }) => session.date))].sort();
      const [from, to] = [dates[0], dates[Math.min(2, dates.length - 1)]];
      const narrowed: Report = (await api.get(url(`?from=${from}&to=${to}`)).expect(200)).body;
      expect(narrowed.from).toBe(from);
      expect(narrowed.to).toBe(to);
      const inRange = rowsOf(report).filter(({ session }) => session.date >= from && session.date <= to);
      expect(rowsOf(narrowed).map(({ session }) => session.sessionId)).toEqual(
        expect.arrayContaining(inRange.map(({ session }) => session.sessionId)),
      );
      expect(rowsOf(narrowed)).toHaveLength(inRange.length);
    });

    it('answers an empty list for a period without sessions', async () => {
      const empty: Report = (await api.get(url('?from=2030-01-01&to=2030-12-31')).expect(200)).body;
      expect(empty.participants).toEqual([]);
      expect(empty.bestMoves).toEqual([]);
    });

    it('counts the conflicts found since the last planning, and lists them with the others', async () => {
      const p35 = participantIdsByRef.get('p35')!;
      const lesson = (
        await api
          .post('/lessons', {
            participantId: p35,
            providerId: provider.id,
            weekday: 1,
            from: '11:00',
            to: '11:30',
            position: { lat: 52.1385, lon: 6.2005 },
            validFrom: '2026-09-01',
            validTo: '2027-01-31',
          })
          .expect(201)
      ).body;
      try {
        const after: Report = (await api.get(url()).expect(200)).body;
        const added = after.participants.find((participant) => participant.participantId === p35)!;
        expect(added.lessons.map((row) => row.lessonId)).toEqual([lesson.id]);
        expect(added.lessons[0].sessions.map((session) => session.date)).toEqual([
          '2027-01-11',
          '2027-01-18',
          '2027-01-25',
        ]);
        expect(after.newSinceLastPlan).toBe(3);
      } finally {
        await api.delete(`/lessons/${lesson.id}`).expect(204);
      }
      expect((await api.get(url()).expect(200)).body.newSinceLastPlan).toBe(0);
    });

    it("writes a read of each listed participant's data to the audit log", async () => {
      const log = (await api.get('/audit-log?region=berkelland&limit=200').expect(200)).body.items as {
        action: string;
        recordType: string;
        participantId: string;
      }[];
      for (const participant of report.participants) {
        expect(log).toContainEqual(
          expect.objectContaining({
            action: 'read',
            recordType: 'participant',
            participantId: participant.participantId,
          }),
        );
      }
    });
  });

  describe('best moves', () => {
    it('puts the moves that free the most sessions first, and leaves out moves that free none', () => {
      expect(report.bestMoves.length).toBeGreaterThan(0);
      const counts = report.bestMoves.map((move) => move.attendable);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(Math.min(...counts)).toBeGreaterThan(0);
    });

    it('ranks the moves by the sessions they free: another lesson or an appointment in the way counts against', () => {
      expect(report.bestMoves.map((move) => move.ref)).toEqual(['p13', 'p23', 'p24', 'p9']);
      const sessionsOf = (ref: string) => participantOf(ref).lessons[0].sessions;
      expect(moveOf('p13').attendable).toBe(sessionsOf('p13').length);
      expect(moveOf('p24').attendable).toBe(sessionsOf('p24').length);
      const withTp1Lesson = sessionsOf('p23').filter((session) => session.date <= '2027-02-28').length;
      expect(withTp1Lesson).toBeGreaterThan(0);
      expect(moveOf('p23').attendable).toBe(sessionsOf('p23').length - withTp1Lesson);
      expect(sessionsOf('p9').map((session) => session.date)).toContain('2027-03-01');
      expect(moveOf('p9').attendable).toBe(sessionsOf('p9').length - 1);
    });

    it('describes each move with her lesson at this provider', () => {
      for (const move of report.bestMoves) {
        const participant = report.participants.find((row) => row.participantId === move.participantId)!;
        const lesson = participant.lessons.find((row) => row.lessonId === move.lessonId)!;
        expect(move).toMatchObject({
          ref: participant.ref,
          name: participant.name,
          weekday: lesson.weekday,
          from: lesson.from,
          to: lesson.to,
          conflicting: lesson.sessions.length,
        });
      }
    });

    it('counts only the sessions where nothing else (another lesson, an appointment) keeps her away', async () => {
      const buffer = fixture('berkelland.scenario.json').policy.travelBufferMinutes as number;
      for (const move of report.bestMoves) {
        const participant = report.participants.find((row) => row.participantId === move.participantId)!;
        const lesson = participant.lessons.find((row) => row.lessonId === move.lessonId)!;
        const appointments: { date: string; from: string; to: string }[] = (
          await api.get(`/appointments?participant=${move.participantId}&limit=200`).expect(200)
        ).body.items;
        const free = lesson.sessions.filter((session) => {
          const others = plan.conflicts.filter(
            (conflict) =>
              conflict.participantId === participant.ref &&
              conflict.sessionId === session.sessionId &&
              !(conflict.providerId === provider.ref && conflict.lessonStart.slice(11, 16) === lesson.from),
          );
          const appointment = appointments.some(
            (item) =>
              item.date === session.date &&
              minutes(item.from) < minutes(session.end) + buffer &&
              minutes(session.start) - buffer < minutes(item.to),
          );
          return others.length === 0 && !appointment;
        });
        expect(move.attendable).toBe(free.length);
      }
    });
  });

  describe('as CSV', () => {
    const parseCsv = (text: string) =>
      parse(text, { bom: true, delimiter: ';', columns: true, skip_empty_lines: true }) as Record<
        string,
        string
      >[];

    it('gives one row per participant, lesson and session date, `;`-separated with a BOM for Excel', async () => {
      const response = await api.get(url('?format=csv')).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="conflicts-.*\.csv"$/);
      expect(response.text.charCodeAt(0)).toBe(0xfeff);
      expect(response.text.split('\r\n')[0]).toBe(
        '\ufeffparticipantRef;name;weekday;lessonFrom;lessonTo;sessionDate;sessionStart;sessionEnd;kind;' +
          'overlapMinutes',
      );
      const records = parseCsv(response.text);
      const rows = rowsOf(report);
      expect(records).toHaveLength(rows.length);
      expect(records).toEqual(
        rows.map(({ participant, lesson, session }) => ({
          participantRef: participant.ref,
          name: participant.name,
          weekday: String(lesson.weekday),
          lessonFrom: lesson.from,
          lessonTo: lesson.to,
          sessionDate: session.date,
          sessionStart: session.start,
          sessionEnd: session.end,
          kind: session.kind,
          overlapMinutes: String(session.overlapMinutes),
        })),
      );
    });

    it('escapes a cell that Excel would run as a formula', async () => {
      const p13 = participantOf('p13');
      await api.patch(`/participants/${p13.participantId}`, { name: '=1+2 Luwam' }).expect(200);
      try {
        const records = parseCsv((await api.get(url('?format=csv')).expect(200)).text);
        expect(
          records.filter((record) => record.participantRef === 'p13').map((record) => record.name),
        ).toEqual(p13.lessons[0].sessions.map(() => "'=1+2 Luwam"));
      } finally {
        await api.patch(`/participants/${p13.participantId}`, { name: p13.name }).expect(200);
      }
    });

    it('is chosen by Accept: text/csv when no format is given', async () => {
      const response = await api.get(url()).set('Accept', 'text/csv').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers.vary).toMatch(/Accept/);
      expect(parseCsv(response.text)).toHaveLength(rowsOf(report).length);
    });

    it('lets format win over Accept', async () => {
      const response = await api.get(url('?format=json')).set('Accept', 'text/csv').expect(200);
      expect(response.body.provider.id).toBe(provider.id);
    });
  });

  describe('as a letter', () => {
    it('is plain Dutch text naming each participant, her lesson and the dates that clash, and the best move', async () => {
      const response = await api.get(url('?format=letter')).expect(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      const letter = response.text;
      expect(letter).toContain(`Aan: ${provider.name}`);
      expect(letter).toContain('Beste planner,');
      expect(letter).toContain('inburgering');
      expect(letter).toContain('Kunnen deze lessen naar een ander moment gaan?');
      expect(letter).toContain('Met vriendelijke groet,');
      expect(letter).toContain('[naam van de coördinator]');
      const first = report.participants[0];
      const session = first.lessons[0].sessions[0];
      expect(letter).toContain(`${first.name} (nummer ${first.ref})`);
      expect(letter).toContain(`van ${first.lessons[0].from} tot ${first.lessons[0].to} uur`);
      expect(letter).toContain(DateTime.fromISO(session.date).setLocale('nl').toFormat('d LLLL yyyy'));
      expect(letter).toContain(`van ${session.start} tot ${session.end} uur`);
      const best = report.bestMoves[0];
      expect(letter).toContain(
        `De les van ${best.name} (nummer ${best.ref}) op ${
          ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'][best.weekday - 1]
        } van ${best.from} tot ${best.to} uur. Dan kan zij ${best.attendable} keer extra naar de training komen.`,
      );
      for (const participant of report.participants) expect(letter).toContain(participant.name);
    });

    it('is signed with the name, phone and e-mail of the coordinator who asks from the web app', async () => {
      // Without e-mail configured the invitation answers the sign-in link, which the web app exchanges.
      const invited = await api
        .post('/accounts', {
          email: 'fatma@gemeente.test',
          name: 'Fatma de Vries',
          phone: '06 1234 5678',
          role: 'coordinator',
          regions: ['berkelland'],
        })
        .expect(201);
      expect(invited.body.phone).toBe('+31612345678');
      const token = /#token=(\S+)/.exec(invited.body.signInUrl)![1];
      const session = await api.anonymous().post('/auth/session').send({ token }).expect(200);
      const cookie = [session.headers['set-cookie'] ?? []]
        .flat()
        .find((value: string) => value.startsWith('trefpunt_session='))!
        .split(';')[0];
      const letter = (await api.anonymous().get(url('?format=letter')).set('Cookie', cookie).expect(200))
        .text;
      const region = (await api.get('/regions/berkelland').expect(200)).body.name;
      expect(
        letter.endsWith(
          'Met vriendelijke groet,\n\nFatma de Vries\n' +
            `Coördinator training vrouwen in de inburgering, regio ${region}\n` +
            '+31612345678 | fatma@gemeente.test\n',
        ),
      ).toBe(true);
      expect(letter).not.toContain('[naam');
    });

    it('is chosen by Accept: text/plain when no format is given', async () => {
      const response = await api.get(url()).set('Accept', 'text/plain').expect(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.text).toContain('Beste planner,');
    });

    it('says there is nothing to do for a period without conflicts', async () => {
      const response = await api.get(url('?format=letter&from=2030-01-01&to=2030-01-31')).expect(200);
      expect(response.text).toContain('Op dit moment botst geen enkele les bij u met de training.');
    });
  });

  describe('refusals and reach', () => {
    it('answers 400 naming the field for an unknown format', async () => {
      const response = await api.get(url('?format=bogus')).expect(400);
      expect(response.body.message).toEqual(['format: must be one of json, csv, letter']);
    });

    it('answers 400 naming `to` when it comes before `from`', async () => {
      const response = await api.get(url('?from=2027-03-01&to=2027-02-01')).expect(400);
      expect(response.body.message.join()).toMatch(/^to: /);
    });

    it('answers 400 for a date that does not exist', async () => {
      const response = await api.get(url('?from=2027-02-30')).expect(400);
      expect(response.body.message.join()).toMatch(/^from: /);
    });

    it('answers 404 for an unknown provider', async () => {
      await api.get('/language-providers/00000000-0000-4000-8000-000000000000/conflicts').expect(404);
    });

    it('answers 404 to a coordinator of another region, and the list to one of this region', async () => {
      await api.post('/imports/scenario', fixture('utrecht-wijk.scenario.json')).expect(200);
      const issue = async (body: object) =>
        (await api.post('/tokens', body).expect(201)).body.token as string;
      const utrecht = withToken(await issue({ role: 'coordinator', regions: ['utrecht'] }));
      const response = await utrecht(url()).expect(404);
      expect(JSON.stringify(response.body)).not.toContain(report.participants[0].name);
      await utrecht(url('?format=letter')).expect(404);

      const berkelland = withToken(await issue({ role: 'coordinator', regions: ['berkelland'] }));
      expect((await berkelland(url()).expect(200)).body.participants).toEqual(report.participants);
    });

    it('lists to a coordinator limited to a municipality only the participants of that municipality', async () => {
      const token = (
        await api
          .post('/tokens', { role: 'coordinator', regions: ['berkelland'], municipalities: ['bronckhorst'] })
          .expect(201)
      ).body.token as string;
      const limited: Report = (await withToken(token)(url()).expect(200)).body;
      expect(limited.participants).toEqual([participantOf('p24')]);
      expect(limited.bestMoves).toEqual([moveOf('p24')]);
      const letter = (await withToken(token)(url('?format=letter')).expect(200)).text;
      expect(letter).toContain(participantOf('p24').name);
      expect(letter).not.toContain(participantOf('p13').name);
    });

    it('never lists an erased participant', async () => {
      const erased = report.participants[0];
      await api.post(`/participants/${erased.participantId}/erase`).expect(200);
      const after: Report = (await api.get(url()).expect(200)).body;
      expect(after.participants.map((participant) => participant.participantId)).not.toContain(
        erased.participantId,
      );
      expect(after.bestMoves.map((move) => move.participantId)).not.toContain(erased.participantId);
      const letter = (await api.get(url('?format=letter')).expect(200)).text;
      expect(letter).not.toContain(`(nummer ${erased.ref})`);
    });
  });
});
