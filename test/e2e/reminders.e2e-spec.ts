import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import ical, { VEvent } from 'node-ical';
import { startTestApp, TestApp } from '../support/test-app';
import { reasonCode } from '../../src/planning/reasons';

const zone = 'Europe/Amsterdam';
const TEMPLATES = ['nl', 'en', 'ar', 'ti', 'prs', 'so', 'tr', 'uk'];

interface Message {
  id: string;
  participantId: string;
  participantRef: string | null;
  sessionId: string | null;
  kind: string;
  channel: string;
  language: string;
  body: string;
  status: string;
}
interface Stop {
  participantId: string;
  time: string;
}

/**
 * A week of the demo region with the clock advanced hour by hour through the reminder job: every woman expected at
 * a session gets one evening and one morning reminder, in her language, with her pickup time; one reports by the
 * link in her message that she is ill, and the rest follows.
 */
const locale = (language: string) =>
  JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', 'src', 'modules', 'reminders', 'locales', `${language}.json`),
      'utf8',
    ),
  ) as Record<string, unknown>;

describe('a week of reminders in the demo region', () => {
  let api: TestApp;
  const berkelland = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'berkelland.scenario.json'), 'utf8'),
  );
  // The volunteer care has one place each: some children are left without one, and their mothers are told.
  for (const provider of berkelland.childcareProviders as { kind: string; places: { capacity: number }[] }[])
    if (provider.kind === 'volunteer') for (const band of provider.places) band.capacity = 1;
  const language = new Map<string, string>(
    berkelland.participants.map((p: { id: string; language: string }) => [p.id, p.language]),
  );
  let sessions: { id: string; groupId: string; start: string }[];
  const pickups = new Map<string, string>();
  const withoutRide = new Set<string>();
  const withoutCare = new Set<string>();
  let ill: { participantId: string; ref: string; sessionId: string };

  const outbox = async (): Promise<Message[]> =>
    (await api.get('/outbox?region=berkelland&limit=1000').expect(200)).body.items;
  const tick = (at: DateTime) =>
    api.post(`/admin/reminders/run?at=${encodeURIComponent(at.toISO()!)}`).expect(200);
  const hours = (from: DateTime, to: DateTime) => {
    const list: DateTime[] = [];
    for (let at = from; at < to; at = at.plus({ hours: 1 })) list.push(at);
    return list;
  };
  const routesOf = async (sessionId: string) =>
    (await api.get(`/sessions/${sessionId}/routes`).expect(200)).body.routes as {
      direction: string;
      stops: Stop[];
    }[];
  const pickupsOf = async (sessionId: string) =>
    new Map(
      (await routesOf(sessionId))
        .filter((route) => route.direction === 'to')
        .flatMap((route) => route.stops.map((stop) => [stop.participantId, stop.time.slice(11, 16)])),
    );

  beforeAll(async () => {
    api = await startTestApp({
      TREFPUNT_REMINDERS: 'false',
      TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl',
    });
    await api.post('/imports/scenario', berkelland).expect(200);
    const programmeId = (await api.get('/programmes?region=berkelland').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    await api.post(`/programmes/${programmeId}/routes/plan?week=2027-W02`).expect(200);
    sessions = (await api.get('/sessions?region=berkelland&from=2027-01-11&to=2027-01-17').expect(200)).body
      .items;
    const { unmet } = (await api.get(`/programmes/${programmeId}/childcare`).expect(200)).body as {
      unmet: { participantId: string; sessionId: string; reason: string }[];
    };
    for (const need of unmet.filter((u) => !reasonCode(u.reason)?.startsWith('mother-')))
      withoutCare.add(`${need.participantId}|${need.sessionId}`);
    for (const session of sessions) {
      for (const [participantId, time] of await pickupsOf(session.id))
        pickups.set(`${participantId}|${session.id}`, time);
      const { unrouted } = (await api.get(`/sessions/${session.id}/routes`).expect(200)).body as {
        unrouted: { participantId: string; direction: string }[];
      };
      for (const row of unrouted.filter((u) => u.direction === 'to'))
        withoutRide.add(`${row.participantId}|${session.id}`);
    }
    // A whole plan of the demo region (times, care, rides and the bound's program) and a week of routes: on a
    // shared 2-core machine beside the other suites this took more than the default minute.
  }, 180_000);
  afterAll(() => api.close());

  it('sends the evening reminders once, in her language, with her pickup time and her link', async () => {
    const start = DateTime.fromISO('2027-01-10T00:00', { zone });
    for (const at of hours(start, start.plus({ hours: 20 }))) await tick(at);
    const messages = await outbox();
    expect(messages.length).toBeGreaterThan(0);
    const evening = messages.filter((m) => m.kind === 'reminder-evening');
    const monday = sessions.filter((s) => s.start.startsWith('2027-01-11'));
    let lackingSeen = 0;
    for (const session of monday) {
      const attendance = (await api.get(`/sessions/${session.id}/attendance`).expect(200)).body.items as {
        participantId: string;
        state: string;
        lacking?: string[];
      }[];
      // She is reminded when free then, whether or not the plan found her care and a ride (she is told if not).
      const free = attendance
        .filter((a) => a.state === 'expected' || a.state === 'without-care-or-ride')
        .map((a) => a.participantId);
      const got = evening.filter((m) => m.sessionId === session.id).map((m) => m.participantId);
      expect(got.sort()).toEqual(free.sort());
      // Expected means she can come: a woman the plan left without a place or a ride is listed with what she lacks.
      for (const { participantId, state, lacking } of attendance) {
        if (state !== 'expected' && state !== 'without-care-or-ride') continue;
        const key = `${participantId}|${session.id}`;
        const noCare = withoutCare.has(key);
        const noRide = withoutRide.has(key);
        expect(state).toBe(noCare || noRide ? 'without-care-or-ride' : 'expected');
        if (state === 'expected') continue;
        lackingSeen++;
        expect(lacking!.includes('no care place for a child')).toBe(noCare);
        expect(lacking!.includes('no ride there')).toBe(noRide);
      }
    }
    expect(lackingSeen).toBeGreaterThan(0);
    for (const message of evening) {
      const ref = message.participantRef!;
      const own = language.get(ref)!;
      expect(message.language).toBe(TEMPLATES.includes(own) ? own : 'nl+en');
      const pickup = pickups.get(`${message.participantId}|${message.sessionId}`);
      // Isolated in its own direction (FSI … PDI) in Arabic, Dari and Tigrinya; the link never, so it stays tappable.
      const isolated = ['ar', 'prs', 'ti'].includes(message.language);
      if (pickup) expect(message.body).toContain(isolated ? `\u2068${pickup}\u2069` : pickup);
      expect(message.body).toMatch(
        /(^|[^\u2068])https:\/\/trefpunt\.example\.nl\/r\/[A-Za-z0-9]{12}($|[^\u2069])/,
      );
      expect(message.status).toBe('held');
      // A collected woman for whom no ride could be planned is told so, in her language, and not given a time.
      const noRide = (lng: string) => locale(lng).noRide as string;
      const languages = message.language.split('+');
      if (withoutRide.has(`${message.participantId}|${message.sessionId}`) && !pickup) {
        for (const lng of languages) expect(message.body).toContain(noRide(lng));
      } else {
        for (const lng of languages) expect(message.body).not.toContain(noRide(lng));
      }
      // A mother with a child the plan found no place for is told so before she comes.
      const told = withoutCare.has(`${message.participantId}|${message.sessionId}`);
      for (const lng of languages) expect(message.body.includes(locale(lng).noCare as string)).toBe(told);
    }
    expect(evening.some((m) => withoutRide.has(`${m.participantId}|${m.sessionId}`))).toBe(true);
    expect(evening.some((m) => withoutCare.has(`${m.participantId}|${m.sessionId}`))).toBe(true);
    // Quiet hours: nothing was written before the evening time.
    expect(messages.every((m) => m.kind === 'reminder-evening')).toBe(true);
  });

  it('records her absence from the link in her message, frees her ride and her children’s places, and tells others whose pickup moved', async () => {
    const messages = await outbox();
    const routed = messages.find(
      (m) => m.kind === 'reminder-evening' && pickups.has(`${m.participantId}|${m.sessionId}`),
    )!;
    ill = { participantId: routed.participantId, ref: routed.participantRef!, sessionId: routed.sessionId! };
    const before = await pickupsOf(ill.sessionId);
    const link = /\/r\/([A-Za-z0-9]{12})/.exec(routed.body)![1];
    const page = await api.anonymous().get(`/r/${link}`).expect(200);
    expect(page.text).toContain('<form method="post">');
    await api.anonymous().post(`/r/${link}`).type('form').send({ reason: 'ill' }).expect(200);

    const attendance = (await api.get(`/sessions/${ill.sessionId}/attendance`).expect(200)).body.items;
    expect(attendance).toContainEqual({ participantId: ill.participantId, state: 'absent', reason: 'ill' });
    const after = await pickupsOf(ill.sessionId);
    expect(after.has(ill.participantId)).toBe(false);
    const care = (
      await api
        .get(`/childcare/bookings?session=${ill.sessionId}&participant=${ill.participantId}`)
        .expect(200)
    ).body.items as { status: string }[];
    expect(care.every((booking) => booking.status === 'cancelled')).toBe(true);
    // Whoever was told of a change had her pickup time move by more than a few minutes.
    const changes = (await outbox()).filter((m) => m.kind === 'change');
    for (const change of changes) {
      expect(change.sessionId).toBe(ill.sessionId);
      const [was, now] = [before.get(change.participantId)!, after.get(change.participantId)!];
      expect(change.body).toContain(now);
      const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
      expect(Math.abs(minutes(now) - minutes(was))).toBeGreaterThan(5);
    }
  });

  it('sends the morning reminders once to who is still expected, and nothing twice however often the job runs', async () => {
    const start = DateTime.fromISO('2027-01-10T20:00', { zone });
    const week = hours(start, DateTime.fromISO('2027-01-17T00:00', { zone }));
    for (const at of week) await tick(at);
    const messages = await outbox();
    for (const at of week.filter((_, index) => index % 6 === 0)) await tick(at);
    await tick(DateTime.fromISO('2027-01-11T07:00', { zone }));
    expect((await outbox()).length).toBe(messages.length);

    const morning = messages.filter((m) => m.kind === 'reminder-morning');
    for (const session of sessions) {
      const attendance = (await api.get(`/sessions/${session.id}/attendance`).expect(200)).body.items as {
        participantId: string;
        state: string;
      }[];
      const free = attendance
        .filter((a) => a.state === 'expected' || a.state === 'without-care-or-ride')
        .map((a) => a.participantId);
      const got = morning.filter((m) => m.sessionId === session.id).map((m) => m.participantId);
      expect(got.sort()).toEqual(free.sort());
      const now = await pickupsOf(session.id);
      for (const message of morning.filter((m) => m.sessionId === session.id)) {
        const pickup = now.get(message.participantId);
        if (pickup) expect(message.body).toContain(pickup);
      }
    }
    expect(morning.some((m) => m.participantId === ill.participantId && m.sessionId === ill.sessionId)).toBe(
      false,
    );
    const keys = messages.map((m) => `${m.participantId}|${m.sessionId}|${m.kind}|${m.body}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives her a calendar feed that an independent parser reads, with her sessions in it', async () => {
    const { url } = (await api.post('/calendar/feeds', { participantId: ill.participantId }).expect(201))
      .body;
    const feed = await api
      .anonymous()
      .get(new URL(url).pathname + new URL(url).search)
      .expect(200);
    const events = Object.values(ical.sync.parseICS(feed.text)).filter(
      (item): item is VEvent => item?.type === 'VEVENT',
    );
    const hers = sessions.filter((s) => events.some((event) => event.uid === `session-${s.id}@trefpunt`));
    expect(hers.length).toBeGreaterThan(0);
    expect(feed.text).toContain('TZID=Europe/Amsterdam');
  });

  it('tells the members at once when a session moves, and when one is cancelled', async () => {
    const later = (await api.get('/sessions?region=berkelland&from=2027-01-18&to=2027-01-24').expect(200))
      .body.items;
    const [moved, cancelled] = later;
    // Every member who has not reported absence is told, also one whose lesson now clashes with the new time.
    const attendance = async (sessionId: string) =>
      (
        (await api.get(`/sessions/${sessionId}/attendance`).expect(200)).body.items as {
          participantId: string;
          state: string;
        }[]
      )
        .filter((a) => a.state !== 'absent')
        .map((a) => a.participantId)
        .sort();
    const start = DateTime.fromISO(moved.start).plus({ minutes: 30 });
    const end = DateTime.fromISO(moved.end).plus({ minutes: 30 });
    await api.patch(`/sessions/${moved.id}`, { start: start.toISO(), end: end.toISO() }).expect(200);
    await api.patch(`/sessions/${cancelled.id}`, { status: 'cancelled' }).expect(200);
    const changes = (await outbox()).filter((m) => m.kind === 'change');
    // A woman who is collected is told twice: the session moved, and (its own message) her pickup moved with it.
    const told = (sessionId: string) =>
      [...new Set(changes.filter((m) => m.sessionId === sessionId).map((m) => m.participantId))].sort();
    expect(told(moved.id)).toEqual(await attendance(moved.id));
    // Each is told the new start; a woman who is collected also gets her new pickup time in a message of its own.
    const toldStart = changes.filter(
      (m) => m.sessionId === moved.id && m.body.includes(start.setZone(zone).toFormat('HH:mm')),
    );
    expect([...new Set(toldStart.map((m) => m.participantId))].sort()).toEqual(await attendance(moved.id));
    expect(told(cancelled.id).length).toBeGreaterThan(0);
  });

  it('leaves a region alone while another run holds it, and writes its reminders once that run is done', async () => {
    const regionId = (await api.get('/regions/berkelland').expect(200)).body.id;
    const other = new Client({ connectionString: api.databaseUrl });
    await other.connect();
    const at = encodeURIComponent(DateTime.fromISO('2027-01-31T18:30', { zone }).toISO()!);
    try {
      await other.query('BEGIN');
      await other.query("SELECT pg_advisory_xact_lock(hashtext('reminders'), hashtext($1))", [regionId]);
      const busy = (await api.post(`/admin/reminders/run?at=${at}`).expect(200)).body;
      expect(busy).toMatchObject({ enqueued: 0, busyRegions: 1 });
      await other.query('COMMIT');
      const done = (await api.post(`/admin/reminders/run?at=${at}`).expect(200)).body;
      expect(done.busyRegions).toBe(0);
      expect(done.enqueued).toBeGreaterThan(0);
    } finally {
      await other.end();
    }
  });

  it('refuses a run without a proper instant, and a link that does not exist', async () => {
    await api.post('/admin/reminders/run?at=tomorrow').expect(400, /at/);
    await api.anonymous().get('/r/AAAAAAAAAAAA').expect(404);
  });

  // Last: in one process, @Transactional methods run on the app started last (nestjs-cls keeps one transaction
  // host per process), so once the second app is closed the first cannot start transactions any more.
  it('writes the reminders once when two instances of the service run the job at the same moment', async () => {
    const second = await startTestApp({ TREFPUNT_REMINDERS: 'false' }, { sameDatabaseAs: api });
    try {
      const before = (await outbox()).length;
      const at = DateTime.fromISO('2027-01-24T18:30', { zone }).toISO()!;
      const path = `/admin/reminders/run?at=${encodeURIComponent(at)}`;
      const answers = await Promise.all([api.post(path).expect(200), second.post(path).expect(200)]);
      const written = (await outbox()).length - before;
      expect(written).toBeGreaterThan(0);
      expect(answers.reduce((sum, answer) => sum + answer.body.enqueued, 0)).toBe(written);
      const keys = (await outbox()).map((m) => `${m.participantId}|${m.sessionId}|${m.kind}|${m.body}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await second.close();
    }
  });
});
