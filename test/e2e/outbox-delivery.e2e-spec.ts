import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { NewMessage, OutboxService } from '../../src/modules/messages/outbox.service';
import { FakeSmsProvider } from '../support/fake-sms-provider';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { village, weekdays } from '../factories/village.factory';

/** One group of three mothers, one on each channel. */
const scenario = () =>
  village({
    region: 'bezorgdorp',
    hours: weekdays('08:00', '18:00'),
    schoolHours: weekdays('08:30', '14:30'),
    participants: (['sms', 'whatsapp', 'email'] as const).map((channel, index) => ({
      id: `p${index + 1}`,
      phone: `+3161234570${index}`,
      ...(channel === 'email' && { email: 'moeder3@example.nl' }),
      reminderChannel: channel,
    })),
  });

const SECOND = 1000;

/** Imports the scenario and makes a session: the ids of the region, the three mothers and the session. */
async function setUp(api: TestApp): Promise<Record<string, string>> {
  await api.post('/imports/scenario', scenario()).expect(200);
  const ids: Record<string, string> = {};
  ids.region = (await api.get('/regions/bezorgdorp').expect(200)).body.id;
  for (const item of (await api.get('/participants?region=bezorgdorp').expect(200)).body.items)
    ids[item.ref] = item.id;
  const group = (await api.get('/groups?region=bezorgdorp').expect(200)).body.items[0].id;
  const trainer = (await api.get('/trainers?region=bezorgdorp').expect(200)).body.items[0].id;
  ids.session = (
    await api
      .post('/sessions', {
        regionId: ids.region,
        groupId: group,
        start: '2027-01-11T09:30:00+01:00',
        end: '2027-01-11T12:00:00+01:00',
        trainerId: trainer,
      })
      .expect(201)
  ).body.id;
  return ids;
}

/** The environment of an instance that sends through these fakes. */
const channelsOf = (sms: FakeSmsProvider, whatsapp: FakeSmsProvider, sink: SmtpSink) => ({
  TREFPUNT_OUTBOX_INTERVAL_MS: '0',
  TREFPUNT_SMS_URL: sms.url,
  TREFPUNT_SMS_KEY: 'sms-key-0123',
  TREFPUNT_WHATSAPP_URL: whatsapp.url,
  TREFPUNT_WHATSAPP_KEY: 'whatsapp-key-4567',
  TREFPUNT_SMTP_URL: sink.url,
  TREFPUNT_MAIL_FROM: 'Trefpunt <noreply@trefpunt.test>',
});

interface Row {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  provider_message_id: string | null;
}

describe('delivering the outbox', () => {
  let api: TestApp;
  let outbox: OutboxService;
  let db: Client;
  let sms: FakeSmsProvider;
  let whatsapp: FakeSmsProvider;
  let sink: SmtpSink;
  let ids: Record<string, string>;

  const message = (overrides: Partial<NewMessage> & { version: string }): NewMessage => ({
    regionId: ids.region,
    participantId: ids.p1,
    sessionId: ids.session,
    kind: 'change',
    channel: 'sms',
    language: 'ar',
    recipient: '+31612345700',
    body: 'تم نقل التدريب إلى الساعة 10:30',
    ...overrides,
  });
  /** Enqueues one message and answers its row. */
  const enqueue = async (overrides: Partial<NewMessage> & { version: string }): Promise<Row> => {
    const fields = message(overrides);
    expect(await outbox.enqueue([fields])).toBe(1);
    return row({ participantId: fields.participantId, version: fields.version });
  };
  const row = async (key: { id?: string; participantId?: string; version?: string }): Promise<Row> => {
    const { rows } = key.id
      ? await db.query('SELECT * FROM outbox_messages WHERE id = $1', [key.id])
      : await db.query('SELECT * FROM outbox_messages WHERE participant_id = $1 AND version = $2', [
          key.participantId,
          key.version,
        ]);
    return rows[0] as Row;
  };

  beforeAll(async () => {
    [sms, whatsapp, sink] = await Promise.all([
      FakeSmsProvider.start(),
      FakeSmsProvider.start(),
      SmtpSink.start(),
    ]);
    api = await startTestApp({
      ...channelsOf(sms, whatsapp, sink),
      TREFPUNT_OUTBOX_RETRY_DELAY_MS: '1000',
      TREFPUNT_OUTBOX_MAX_ATTEMPTS: '4',
    });
    outbox = api.app.get(OutboxService);
    ids = await setUp(api);
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await Promise.all([sms?.close(), whatsapp?.close(), sink?.close()]);
  });

  it('sends SMS and WhatsApp through their providers with the bearer key and the message id as idempotency key', async () => {
    const text = await enqueue({ version: 'sms-1' });
    const chat = await enqueue({
      version: 'whatsapp-1',
      participantId: ids.p2,
      channel: 'whatsapp',
      recipient: '+31612345701',
      body: 'De training begint om 10:30',
    });
    expect(text.status).toBe('pending');
    expect(await outbox.deliverDue()).toEqual({ sent: 2, failed: 0, retried: 0 });

    expect(sms.requests).toEqual([
      {
        idempotencyKey: text.id,
        authorization: 'Bearer sms-key-0123',
        contentType: 'application/json',
        to: '+31612345700',
        body: 'تم نقل التدريب إلى الساعة 10:30',
        channel: 'sms',
      },
    ]);
    expect(whatsapp.requests).toEqual([
      expect.objectContaining({
        idempotencyKey: chat.id,
        authorization: 'Bearer whatsapp-key-4567',
        to: '+31612345701',
        channel: 'whatsapp',
      }),
    ]);
    expect(await row({ id: text.id })).toMatchObject({
      status: 'sent',
      attempts: 1,
      last_error: null,
      sent_at: expect.any(Date),
      provider_message_id: 'fake-1',
    });
    const listed = (await api.get(`/outbox?participant=${ids.p1}&status=sent`).expect(200)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: text.id, sentAt: expect.any(String) })]);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it('does not send a message before its notBefore (quiet hours)', async () => {
    const later = new Date(Date.now() + 8 * 3600 * SECOND);
    const quiet = await enqueue({ version: 'quiet', notBefore: later });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await outbox.deliverDue(later)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(sms.deliveriesOf(quiet.id)).toBe(1);
  });

  it('tries again after a 429 and sends the message once', async () => {
    sms.answer = (_request, attempt) => (attempt === 1 ? 429 : 200);
    const busy = await enqueue({ version: 'busy' });
    const start = new Date();
    expect(await outbox.deliverDue(start)).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await row({ id: busy.id });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 429' });
    expect(waiting.next_attempt_at.getTime() - start.getTime()).toBeGreaterThanOrEqual(SECOND);
    // Not due yet: nothing happens.
    expect(await outbox.deliverDue(start)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await outbox.deliverDue(waiting.next_attempt_at)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(sms.requestsOf(busy.id)).toHaveLength(2);
    expect(sms.deliveriesOf(busy.id)).toBe(1);
    expect(await row({ id: busy.id })).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('waits as long as a provider asks with Retry-After', async () => {
    sms.answer = (_request, attempt) => (attempt === 1 ? { status: 429, retryAfterSeconds: 90 } : 200);
    const asked = await enqueue({ version: 'retry-after' });
    const start = new Date();
    expect(await outbox.deliverDue(start)).toEqual({ sent: 0, failed: 0, retried: 1 });
    const wait = (await row({ id: asked.id })).next_attempt_at.getTime() - start.getTime();
    expect(wait).toBeGreaterThanOrEqual(90 * SECOND);
    expect(wait).toBeLessThan(95 * SECOND);
    expect(await outbox.deliverDue(new Date(start.getTime() + 95 * SECOND))).toMatchObject({ sent: 1 });
  });

  it('gives a message up at once when the provider refuses it (400)', async () => {
    sms.answer = () => 400;
    const refused = await enqueue({ version: 'refused' });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await row({ id: refused.id })).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'HTTP 400',
    });
    expect(await outbox.deliverDue(new Date(Date.now() + 24 * 3600 * SECOND))).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(sms.requestsOf(refused.id)).toHaveLength(1);
    expect(sms.deliveriesOf(refused.id)).toBe(0);
    const listed = (await api.get(`/outbox?status=failed`).expect(200)).body.items;
    expect(listed.map((item: { id: string }) => item.id)).toEqual([refused.id]);
  });

  it('waits twice as long after each passing failure (503), and gives up after the last attempt', async () => {
    sms.answer = () => 503;
    const down = await enqueue({ version: 'down' });
    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await outbox.deliverDue(now)).toEqual({ sent: 0, failed: 0, retried: 1 });
      const waiting = await row({ id: down.id });
      expect(waiting).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'HTTP 503' });
      waits.push(waiting.next_attempt_at.getTime() - now.getTime());
      now = waiting.next_attempt_at;
    }
    // 1 s, 2 s, 4 s (plus the few milliseconds a round takes).
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(SECOND * 2 ** index);
      expect(wait).toBeLessThan(SECOND * 2 ** index + 500);
    });
    expect(await outbox.deliverDue(now)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await row({ id: down.id })).toMatchObject({
      status: 'failed',
      attempts: 4,
      last_error: 'HTTP 503; gave up after 4 attempts',
    });
    expect(sms.requestsOf(down.id)).toHaveLength(4);
    sms.answer = () => 200;
  });

  it('tries again later when the provider cannot be reached', async () => {
    const elsewhere = await FakeSmsProvider.start();
    const url = elsewhere.url;
    await elsewhere.close();
    const offline = await startTestApp(
      { ...channelsOf(sms, whatsapp, sink), TREFPUNT_SMS_URL: url, TREFPUNT_OUTBOX_RETRY_DELAY_MS: '1000' },
      { sameDatabaseAs: api },
    );
    try {
      const unreachable = await enqueue({ version: 'unreachable' });
      expect(await offline.app.get(OutboxService).deliverDue()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect(await row({ id: unreachable.id })).toMatchObject({
        status: 'pending',
        last_error: 'no answer (ECONNREFUSED)',
      });
      expect(await outbox.deliverDue(new Date(Date.now() + 5 * SECOND))).toMatchObject({ sent: 1 });
    } finally {
      await offline.close();
    }
  });

  it('sends e-mail over SMTP, logged in, with its subject, its body and the message id as Message-ID', async () => {
    const mail = await enqueue({
      version: 'mail-1',
      participantId: ids.p3,
      channel: 'email',
      recipient: 'moeder3@example.nl',
      subject: 'تذكير: التدريب غداً',
      body: 'مرحباً،\nالتدريب غداً الساعة 9:30 في Buurthuis.',
    });
    const plain = await enqueue({
      version: 'mail-2',
      participantId: ids.p3,
      channel: 'email',
      recipient: 'moeder3@example.nl',
      body: 'Tot morgen!',
    });
    expect(await outbox.deliverDue()).toEqual({ sent: 2, failed: 0, retried: 0 });
    const [received] = sink.receivedWith(`<${mail.id}@trefpunt>`);
    expect(received).toEqual({
      messageId: `<${mail.id}@trefpunt>`,
      envelopeFrom: 'noreply@trefpunt.test',
      envelopeTo: ['moeder3@example.nl'],
      from: 'Trefpunt <noreply@trefpunt.test>',
      subject: 'تذكير: التدريب غداً',
      text: 'مرحباً،\nالتدريب غداً الساعة 9:30 في Buurthuis.',
      user: 'trefpunt',
    });
    expect(sink.receivedWith(`<${plain.id}@trefpunt>`)).toEqual([
      expect.objectContaining({ subject: 'Trefpunt', text: 'Tot morgen!' }),
    ]);
    expect(await row({ id: mail.id })).toMatchObject({
      status: 'sent',
      provider_message_id: `<${mail.id}@trefpunt>`,
    });
  });

  it('gives an e-mail up when the server refuses it for good (5xx), and tries again after a passing refusal (4xx)', async () => {
    const email = { participantId: ids.p3, channel: 'email' as const, recipient: 'moeder3@example.nl' };
    sink.refuseWith = 550;
    const refused = await enqueue({ ...email, version: 'mail-refused' });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await row({ id: refused.id })).toMatchObject({ status: 'failed', last_error: 'SMTP 550' });
    sink.refuseWith = 451;
    const later = await enqueue({ ...email, version: 'mail-later' });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await row({ id: later.id })).toMatchObject({ status: 'pending', last_error: 'SMTP 451' });
    sink.refuseWith = 0;
    expect(await outbox.deliverDue(new Date(Date.now() + 5 * SECOND))).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    expect(sink.receivedWith(`<${later.id}@trefpunt>`)).toHaveLength(2);
  });
  it('delivers on its own every TREFPUNT_OUTBOX_INTERVAL_MS', async () => {
    const worker = await startTestApp(
      { ...channelsOf(sms, whatsapp, sink), TREFPUNT_OUTBOX_INTERVAL_MS: '100' },
      { sameDatabaseAs: api },
    );
    try {
      const timed = await enqueue({ version: 'timer' });
      for (let waited = 0; waited < 10 * SECOND; waited += 50) {
        if ((await row({ id: timed.id })).status === 'sent') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await row({ id: timed.id })).toMatchObject({ status: 'sent', attempts: 1 });
      expect(sms.deliveriesOf(timed.id)).toBe(1);
    } finally {
      await worker.close();
    }
  });
});

describe('the outbox with two instances of the service on one database', () => {
  let one: TestApp;
  let two: TestApp;
  let db: Client;
  let sms: FakeSmsProvider;
  let whatsapp: FakeSmsProvider;
  let sink: SmtpSink;
  let ids: Record<string, string>;
  const environment = () => ({
    ...channelsOf(sms, whatsapp, sink),
    TREFPUNT_OUTBOX_BATCH_SIZE: '5',
    TREFPUNT_OUTBOX_LEASE_MS: '60000',
    TREFPUNT_OUTBOX_SEND_TIMEOUT_MS: '5000',
  });

  /** `count` messages per channel, each with a version of its own; answers their ids by channel. */
  const enqueueMany = async (app: TestApp, prefix: string, count: number) => {
    const messages: NewMessage[] = [];
    for (let index = 0; index < count; index += 1) {
      for (const [channel, participant, recipient] of [
        ['sms', 'p1', '+31612345700'],
        ['whatsapp', 'p2', '+31612345701'],
        ['email', 'p3', 'moeder3@example.nl'],
      ] as const) {
        messages.push({
          regionId: ids.region,
          participantId: ids[participant],
          sessionId: ids.session,
          kind: 'reminder-evening',
          version: `${prefix}-${index}`,
          channel,
          language: 'nl',
          recipient,
          subject: channel === 'email' ? `Bericht ${index}` : undefined,
          body: `Bericht ${prefix} ${index}`,
          // In this order, so that the first message sent is an SMS.
          notBefore: new Date(Date.now() - 60 * SECOND + messages.length),
        });
      }
    }
    expect(await app.app.get(OutboxService).enqueue(messages)).toBe(messages.length);
    const { rows } = await db.query(
      `SELECT id, channel FROM outbox_messages WHERE version LIKE $1 ORDER BY next_attempt_at`,
      [`${prefix}-%`],
    );
    return rows as { id: string; channel: string }[];
  };

  /** Every message: delivered exactly once by its provider (or one Message-ID at the sink), and `sent`. */
  const expectEachDeliveredOnce = async (messages: { id: string; channel: string }[]) => {
    for (const { id, channel } of messages) {
      if (channel === 'email')
        expect(new Set(sink.receivedWith(`<${id}@trefpunt>`).map((m) => m.messageId)).size).toBe(1);
      else expect((channel === 'sms' ? sms : whatsapp).deliveriesOf(id)).toBe(1);
    }
    const { rows } = await db.query(
      `SELECT status, count(*)::int AS n FROM outbox_messages WHERE id = ANY($1) GROUP BY status`,
      [messages.map((message) => message.id)],
    );
    expect(rows).toEqual([{ status: 'sent', n: messages.length }]);
  };

  beforeAll(async () => {
    [sms, whatsapp, sink] = await Promise.all([
      FakeSmsProvider.start(),
      FakeSmsProvider.start(),
      SmtpSink.start(),
    ]);
    one = await startTestApp(environment());
    two = await startTestApp(environment(), { sameDatabaseAs: one });
    ids = await setUp(one);
    db = new Client({ connectionString: one.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await two?.close();
    await one?.close();
    await Promise.all([sms?.close(), whatsapp?.close(), sink?.close()]);
  });

  it('delivers each message exactly once while both deliver at the same time', async () => {
    sms.delayMs = whatsapp.delayMs = 5;
    const messages = await enqueueMany(one, 'together', 20);
    const sentBy = [0, 0];
    for (let round = 0; round < 40; round += 1) {
      const counts = await Promise.all([one, two].map((app) => app.app.get(OutboxService).deliverDue()));
      counts.forEach((count, index) => (sentBy[index] += count.sent));
      expect(counts.every((count) => count.failed === 0 && count.retried === 0)).toBe(true);
      if (counts.every((count) => count.sent === 0)) break;
    }
    expect(sentBy[0] + sentBy[1]).toBe(60);
    expect(sentBy[0]).toBeGreaterThan(0);
    expect(sentBy[1]).toBeGreaterThan(0);
    await expectEachDeliveredOnce(messages);
    // Not a single request twice: the claims never overlapped.
    for (const { id, channel } of messages.filter((message) => message.channel !== 'email')) {
      expect((channel === 'sms' ? sms : whatsapp).requestsOf(id)).toHaveLength(1);
    }
    expect(sink.received.filter((mail) => mail.subject.startsWith('Bericht'))).toHaveLength(20);
    sms.delayMs = whatsapp.delayMs = 0;
  });

  it.each([
    ['after an SMS went out', 'sms'],
    ['after an e-mail went out', 'email'],
  ])(
    'delivers each message once when a worker is stopped %s and before it recorded that',
    async (_when, stopOn) => {
      const victim = await startTestApp(environment(), { sameDatabaseAs: one });
      const messages = await enqueueMany(one, `crash-${stopOn}`, 1);
      let stopped: Promise<void> | undefined;
      const stopVictim = async () => {
        stopped ??= victim.close();
        await stopped;
      };
      if (stopOn === 'sms') sms.afterDelivery = stopVictim;
      else sink.afterReceipt = stopVictim;
      const cutOff = messages.find((message) => message.channel === stopOn)!;
      // The victim claims the whole batch, sends one message and dies before it records the outcome.
      await victim.app
        .get(OutboxService)
        .deliverDue()
        .catch(() => undefined);
      await stopped;
      sms.afterDelivery = async () => undefined;
      sink.afterReceipt = async () => undefined;
      const { rows: unrecorded } = await db.query(
        `SELECT id FROM outbox_messages WHERE id = ANY($1) AND status = 'sending'`,
        [messages.map((message) => message.id)],
      );
      expect(unrecorded.map((message) => message.id)).toContain(cutOff.id);
      const survivor = one.app.get(OutboxService);
      // While the dead worker's claim holds, nobody sends its messages.
      expect(await survivor.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
      // When it has run out, the survivor sends them all, the cut-off one again with the same key.
      const later = new Date(Date.now() + 61 * SECOND);
      let sent = 0;
      for (let round = 0; round < 5; round += 1) sent += (await survivor.deliverDue(later)).sent;
      expect(sent).toBe(unrecorded.length);
      await expectEachDeliveredOnce(messages);
      if (stopOn === 'sms') expect(sms.requestsOf(cutOff.id)).toHaveLength(2);
      else expect(sink.receivedWith(`<${cutOff.id}@trefpunt>`)).toHaveLength(2);
    },
  );
});

describe('the logs of delivering', () => {
  it('hold ids, kinds, counts and statuses, never a recipient, a text or a key', () => {
    const folder = process.env.TREFPUNT_TEST_LOG_DIR;
    if (!folder) throw new Error('run through jest: the logs are in its log folder');
    const logs = readdirSync(folder)
      .filter((name) => name.startsWith(`outbox-delivery-${process.pid}-`))
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('\n');
    expect(logs).toMatch(/Outbox message [0-9a-f-]{36} \(change by sms\): sent/);
    expect(logs).toMatch(
      /Outbox message [0-9a-f-]{36} \(change by sms\): HTTP 429, attempt 1, again in \d+ ms/,
    );
    for (const secret of [
      '+3161234570',
      'moeder3@example.nl',
      'sms-key-0123',
      'whatsapp-key-4567',
      'sink-password',
      'Bericht together',
      'Tot morgen',
      'التدريب',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
