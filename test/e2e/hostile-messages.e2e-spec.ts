import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import ical, { VEvent } from 'node-ical';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { HashAbsenceCodes1795418630000 } from '../../migrations/1795418630000-HashAbsenceCodes';
import { OutboxService } from '../../src/modules/messages/outbox.service';
import { dayInWords } from '../../src/modules/reminders/message-texts';
import { village } from '../factories/village.factory';
import { UNKNOWN_ID } from '../support/answers';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';

const zone = 'Europe/Amsterdam';
const today = DateTime.now().setZone(zone).startOf('day');
/** A session ten days ahead, and two that are over: the reminders of those are a back-fill. */
const DAYS = { future: 10, past: -6, later: -3 };
const startOf = (days: number) => today.plus({ days }).set({ hour: 9, minute: 30 });
/** The evening before a session, when its reminders are due. */
const eveningBefore = (days: number) => startOf(days).minus({ days: 1 }).set({ hour: 18, minute: 30 });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Three mothers who get e-mail: one reads Arabic, one Polish (no templates), one Turkish. */
const scenario = () =>
  village({
    region: 'berichtendorp',
    groupName: 'Groep Zon',
    participants: [
      { id: 'p1', language: 'ar', email: 'moeder1@example.nl' },
      { id: 'p2', language: 'pl', email: 'moeder2@example.nl' },
      { id: 'p3', language: 'tr', email: 'moeder3@example.nl' },
    ].map((person, index) => ({
      ...person,
      phone: `+3161234580${index}`,
      reminderChannel: 'email' as const,
    })),
  });

interface Item {
  id: string;
  participantId: string;
  sessionId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  body: string;
}

describe('hostile and foreign-language use of the messages', () => {
  let api: TestApp;
  let sink: SmtpSink;
  let db: Client;
  let outbox: OutboxService;
  const ids: Record<string, string> = {};

  const run = (at: DateTime, query = '') =>
    api.post(`/admin/reminders/run?at=${encodeURIComponent(at.toISO()!)}${query}`);
  const items = async (query: string): Promise<Item[]> =>
    (await api.get(`/outbox?region=berichtendorp&limit=100&${query}`).expect(200)).body.items;
  const mailTo = (address: string) => sink.received.filter((mail) => mail.envelopeTo.includes(address));
  const logLines = () =>
    readFileSync(api.logFile!, 'utf8')
      .split('\n')
      .filter((line) => line !== '');

  beforeAll(async () => {
    sink = await SmtpSink.start();
    api = await startTestApp({
      TREFPUNT_OUTBOX_INTERVAL_MS: '0',
      TREFPUNT_REMINDERS: 'false',
      TREFPUNT_SMTP_URL: sink.url,
      TREFPUNT_MAIL_FROM: 'Trefpunt <noreply@trefpunt.test>',
      TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl',
    });
    outbox = api.app.get(OutboxService);
    await api.post('/imports/scenario', scenario()).expect(200);
    ids.region = (await api.get('/regions/berichtendorp').expect(200)).body.id;
    for (const item of (await api.get('/participants?region=berichtendorp').expect(200)).body.items)
      ids[item.ref] = item.id;
    const group = (await api.get('/groups?region=berichtendorp').expect(200)).body.items[0].id;
    const trainer = (await api.get('/trainers?region=berichtendorp').expect(200)).body.items[0].id;
    for (const [name, days] of Object.entries(DAYS)) {
      ids[name] = (
        await api
          .post('/sessions', {
            regionId: ids.region,
            groupId: group,
            start: startOf(days).toISO(),
            end: startOf(days).plus({ minutes: 150 }).toISO(),
            trainerId: trainer,
          })
          .expect(201)
      ).body.id;
    }
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await sink?.close();
  });

  it('keeps only a hash of an absence code, takes her absence by the link, and keeps the code out of the log', async () => {
    expect((await run(eveningBefore(DAYS.future)).expect(200)).body).toMatchObject({
      enqueued: 3,
      backfilled: false,
    });
    expect(await outbox.deliverDue()).toEqual({ sent: 3, failed: 0, retried: 0 });
    const [mail] = mailTo('moeder1@example.nl');
    const code = /https:\/\/trefpunt\.example\.nl\/r\/([A-Za-z0-9]{12})/.exec(mail.text)![1];

    // The database holds the code's hash, and the code nowhere: not as a link, not in the message sent.
    const links = await db.query('SELECT * FROM absence_links WHERE participant_id = $1', [ids.p1]);
    expect(links.rows.map((row) => row.code_hash)).toEqual([sha256(code)]);
    for (const table of ['absence_links', 'outbox_messages']) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1`, [
        `%${code}%`,
      ]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    expect((await items(`participant=${ids.p1}`))[0].body).toContain('https://trefpunt.example.nl/r/…');

    expect((await api.anonymous().get(`/r/${code}`).expect(200)).text).toContain('<form method="post">');
    await api.anonymous().post(`/r/${code}`).type('form').send({ reason: 'ill' }).expect(200);
    const attendance = (await api.get(`/sessions/${ids.future}/attendance`).expect(200)).body.items;
    expect(attendance).toContainEqual({ participantId: ids.p1, state: 'absent', reason: 'ill' });

    const log = readFileSync(api.logFile!, 'utf8');
    expect(log).toContain('"path":"/r/[redacted]"');
    expect(log).not.toContain(code);
  });

  it('turns the plain codes of links already sent into hashes, and those links keep working', async () => {
    const runner = api.app.get(DataSource).createQueryRunner();
    const migration = new HashAbsenceCodes1795418630000();
    try {
      await migration.down(runner);
      await runner.query(
        `INSERT INTO absence_links (code, participant_id, session_id) VALUES ('Legacy234567', $1, $2)`,
        [ids.p3, ids.past],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const { rows } = await db.query('SELECT t::text AS row FROM absence_links t WHERE participant_id = $1', [
      ids.p3,
    ]);
    expect(rows.some((row) => row.row.includes(sha256('Legacy234567')))).toBe(true);
    expect(rows.some((row) => row.row.includes('Legacy234567'))).toBe(false);
    // Her page (in Turkish) for that session, which is over: the link was found.
    expect((await api.anonymous().get('/r/Legacy234567').expect(200)).text).toContain('<html lang="tr"');
  });

  it('shows why a message failed, logs it without her address, and sends it again only when it failed', async () => {
    sink.refuseWith = 550;
    expect(
      await outbox.enqueue([
        {
          regionId: ids.region,
          participantId: ids.p3,
          sessionId: ids.future,
          kind: 'change',
          version: 'refused',
          channel: 'email',
          language: 'tr',
          recipient: 'moeder3@example.nl',
          subject: 'Trefpunt',
          body: 'Eğitim saat 10:30’da başlıyor.',
        },
      ]),
    ).toBe(1);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [failed] = await items('status=failed');
    expect(failed).toMatchObject({ participantId: ids.p3, attempts: 1, lastError: 'SMTP 550' });

    const warning = logLines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === 'outbox message failed' && entry.messageId === failed.id);
    expect(warning).toMatchObject({
      level: 40,
      channel: 'email',
      reasonClass: 'refused',
      reason: 'SMTP 550',
    });
    expect(JSON.stringify(warning)).not.toMatch(/moeder3|Eğitim/);

    const [sent] = await items('status=sent');
    await api.post(`/outbox/${sent.id}/resend`).expect(409, /status: only a failed message.*sent/);
    await api.post(`/outbox/${UNKNOWN_ID}/resend`).expect(404);
    await api.post('/outbox/not-a-uuid/resend').expect(400, /id/);

    sink.refuseWith = 0;
    const again = (await api.post(`/outbox/${failed.id}/resend`).expect(200)).body;
    expect(again).toMatchObject({ id: failed.id, status: 'pending', attempts: 0, lastError: 'SMTP 550' });
    await api.post(`/outbox/${failed.id}/resend`).expect(409, /pending/);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(sink.receivedWith(`<${failed.id}@trefpunt>`)).toHaveLength(2);
    expect((await items(`participant=${ids.p3}&status=sent`)).map((item) => item.id)).toContain(failed.id);

    const audit = (await api.get(`/audit-log?participant=${ids.p3}`).expect(200)).body.items;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'update', recordType: 'outbox message', recordId: failed.id }),
    );
  });

  it('keeps what a back-fill finds due as backfilled, sending nothing, unless asked to send', async () => {
    const before = sink.received.length;
    expect((await run(eveningBefore(DAYS.past)).expect(200)).body).toMatchObject({
      enqueued: 3,
      backfilled: true,
    });
    const kept = await items('status=backfilled');
    expect(kept.map((item) => item.sessionId)).toEqual([ids.past, ids.past, ids.past]);
    // No absence link: it would act for her, in a message nobody receives.
    for (const item of kept) expect(item.body).not.toContain('/r/');
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sink.received.length).toBe(before);
    // What was kept is written: asking again to send it writes nothing new.
    expect((await run(eveningBefore(DAYS.past), '&send=true').expect(200)).body.enqueued).toBe(0);

    expect((await run(eveningBefore(DAYS.later), '&send=true').expect(200)).body).toMatchObject({
      enqueued: 3,
      backfilled: false,
    });
    expect(await outbox.deliverDue()).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(sink.received.length).toBe(before + 3);
    await run(eveningBefore(DAYS.later), '&send=yes').expect(400, /send: must be true or false/);
  });

  it('writes her reminder, subject and body, and her calendar feed in her language', async () => {
    const start = startOf(DAYS.future).toJSDate();
    const day = (language: string) => dayInWords(start, zone, language);
    const [arabic] = mailTo('moeder1@example.nl');
    expect(arabic.subject).toBe(`Trefpunt: \u2068${day('ar')}\u2069`);
    expect(arabic.text).toContain(`غدًا، \u2068${day('ar')}\u2069، الساعة \u206809:30\u2069`);
    expect(arabic.text).toContain('\u2068Buurthuis De Ster\u2069');
    expect(arabic.text).not.toMatch(/Morgen|Tomorrow|bijeenkomst/);
    // Polish has no templates: Dutch and English, in the subject as in the body.
    const [polish] = mailTo('moeder2@example.nl');
    expect(polish.subject).toBe(`Trefpunt: ${day('nl')} / Trefpunt: ${day('en')}`);
    expect(polish.text).toMatch(/^Morgen, .*\n\nTomorrow, /s);

    const feedOf = async (participantId: string) => {
      const { url } = (await api.post('/calendar/feeds', { participantId }).expect(201)).body;
      const text = (
        await api
          .anonymous()
          .get(new URL(url).pathname + new URL(url).search)
          .expect(200)
      ).text;
      const events = Object.values(ical.sync.parseICS(text)).filter(
        (item): item is VEvent => item?.type === 'VEVENT',
      );
      return { text, event: events.find((event) => event.uid === `session-${ids.future}@trefpunt`)! };
    };
    const hers = await feedOf(ids.p1);
    expect(hers.text).toContain('X-WR-CALNAME:Trefpunt – تدريباتي');
    expect(hers.event.summary).toBe('لن أحضر: \u2068Groep Zon\u2069');
    expect(String(hers.event.description).split('\n')).toEqual([
      'تدريب \u2068Groep Zon\u2069 في \u2068Buurthuis De Ster\u2069، \u206809:30\u2069–\u206812:00\u2069.',
      'أخبرتِنا أنك لن تحضري هذا اللقاء.',
      'يُحدَّث هذا التقويم بضع مرات في اليوم: تصلك التغييرات دائمًا في رسالة أيضًا.',
    ]);
    const turkish = await feedOf(ids.p3);
    expect(turkish.event.summary).toBe('Groep Zon');
    expect(turkish.event.description).toContain('Groep Zon eğitimi, Buurthuis De Ster, 09:30–12:00.');
    expect(turkish.event.description).not.toMatch(/bijeenkomst|agenda/);
  });
});
