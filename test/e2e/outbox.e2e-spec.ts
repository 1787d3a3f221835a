import { TransactionHost } from '@nestjs-cls/transactional';
import { Client } from 'pg';
import { NewMessage, OutboxService } from '../../src/modules/messages/outbox.service';
import { startTestApp, TestApp } from '../support/test-app';
import { village, weekdays } from '../factories/village.factory';

/** A region with one group of two mothers, `phone` numbers distinct per region. */
const region = (ref: string, digit: number) =>
  village({
    region: ref,
    hours: weekdays('08:00', '18:00'),
    schoolHours: weekdays('08:30', '14:30'),
    participants: ['p1', 'p2'].map((id, index) => ({ id, phone: `+316123456${digit}${index}` })),
  });

const ITEM_FIELDS = [
  'attempts',
  'body',
  'channel',
  'createdAt',
  'id',
  'kind',
  'language',
  'lastError',
  'participantId',
  'participantRef',
  'sentAt',
  'sessionId',
  'status',
];

describe('the outbox without any channel configured (the offline default)', () => {
  let api: TestApp;
  let outbox: OutboxService;
  let db: Client;
  /** By `<region>.<ref>`: regions, participants, sessions. */
  const ids: Record<string, string> = {};

  const message = (who: string, session: string | null, kind: string, version: string): NewMessage => ({
    regionId: ids[who.split('.')[0]],
    participantId: ids[who],
    sessionId: session && ids[session],
    kind,
    version,
    channel: 'sms',
    language: 'ar',
    recipient: '+31612345600',
    body: `${kind} ${version} voor ${who}`,
  });
  const rowsOf = async (who: string) =>
    (await db.query('SELECT * FROM outbox_messages WHERE participant_id = $1', [ids[who]])).rows;

  beforeAll(async () => {
    api = await startTestApp({ TREFPUNT_OUTBOX_INTERVAL_MS: '0' });
    outbox = api.app.get(OutboxService);
    for (const [ref, digit] of [
      ['noord', 1],
      ['zuid', 2],
    ] as const) {
      await api.post('/imports/scenario', region(ref, digit)).expect(200);
      ids[ref] = (await api.get(`/regions/${ref}`).expect(200)).body.id;
      for (const item of (await api.get(`/participants?region=${ref}`).expect(200)).body.items)
        ids[`${ref}.${item.ref}`] = item.id;
      const group = (await api.get(`/groups?region=${ref}`).expect(200)).body.items[0].id;
      const trainer = (await api.get(`/trainers?region=${ref}`).expect(200)).body.items[0].id;
      ids[`${ref}.s1`] = (
        await api
          .post('/sessions', {
            regionId: ids[ref],
            groupId: group,
            start: '2027-01-11T09:30:00+01:00',
            end: '2027-01-11T12:00:00+01:00',
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
  });

  it('writes a message once per participant, session, kind and version, also without a session', async () => {
    expect(
      await outbox.enqueue([
        message('noord.p1', 'noord.s1', 'reminder-evening', '2027-01-11T08:30:00.000Z'),
        message('noord.p1', null, 'change', '1'),
      ]),
    ).toBe(2);
    expect(
      await outbox.enqueue([
        message('noord.p1', 'noord.s1', 'reminder-evening', '2027-01-11T08:30:00.000Z'),
        message('noord.p1', null, 'change', '1'),
        message('noord.p1', null, 'change', '2'),
        message('noord.p1', 'noord.s1', 'change', '1'),
        message('noord.p1', 'noord.s1', 'change', '1'),
      ]),
    ).toBe(2);
    expect(await outbox.enqueue([])).toBe(0);
    const keys = (await rowsOf('noord.p1'))
      .map((row) => `${row.session_id}|${row.kind}|${row.version}`)
      .sort();
    expect(keys).toEqual(
      [
        `null|change|1`,
        `null|change|2`,
        `${ids['noord.s1']}|change|1`,
        `${ids['noord.s1']}|reminder-evening|2027-01-11T08:30:00.000Z`,
      ].sort(),
    );
  });

  it('writes nothing when the transaction it was enqueued in rolls back', async () => {
    const txHost = api.app.get(TransactionHost);
    await expect(
      txHost.withTransaction(async () => {
        expect(await outbox.enqueue([message('noord.p2', 'noord.s1', 'change', 'rolled back')])).toBe(1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf('noord.p2')).toEqual([]);
    await txHost.withTransaction(() => outbox.enqueue([message('noord.p2', 'noord.s1', 'change', 'kept')]));
    expect((await rowsOf('noord.p2')).map((row) => row.version)).toEqual(['kept']);
  });

  it('holds every message, sends nothing, and shows them at GET /outbox with exactly the listed fields', async () => {
    await outbox.enqueue([
      { ...message('zuid.p1', 'zuid.s1', 'reminder-morning', 'v1'), channel: 'whatsapp', language: 'nl+en' },
      {
        ...message('zuid.p2', null, 'change', 'v1'),
        channel: 'email',
        recipient: 'moeder2@example.nl',
        subject: 'Training',
      },
    ]);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
    const page = (await api.get('/outbox').expect(200)).body;
    expect(page.total).toBe(7);
    for (const item of page.items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_FIELDS);
      expect(item).toMatchObject({ status: 'held', sentAt: null });
    }
    expect(JSON.stringify(page)).not.toMatch(/\+316|moeder2@example\.nl/);
    const morning = page.items.find((item: { kind: string }) => item.kind === 'reminder-morning');
    expect(morning).toEqual({
      id: expect.any(String),
      participantId: ids['zuid.p1'],
      participantRef: 'p1',
      sessionId: ids['zuid.s1'],
      kind: 'reminder-morning',
      channel: 'whatsapp',
      language: 'nl+en',
      body: 'reminder-morning v1 voor zuid.p1',
      status: 'held',
      attempts: 0,
      lastError: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sentAt: null,
    });
    // Newest first.
    const created = page.items.map((item: { createdAt: string }) => Date.parse(item.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('narrows the list to a region, a participant and a status, page by page', async () => {
    expect((await api.get('/outbox?region=zuid').expect(200)).body.total).toBe(2);
    expect((await api.get('/outbox?region=noord').expect(200)).body.total).toBe(5);
    const hers = (await api.get(`/outbox?participant=${ids['noord.p1']}`).expect(200)).body;
    expect(hers.total).toBe(4);
    expect(
      hers.items.every((item: { participantId: string }) => item.participantId === ids['noord.p1']),
    ).toBe(true);
    expect((await api.get(`/outbox?region=zuid&participant=${ids['noord.p1']}`).expect(200)).body.total).toBe(
      0,
    );
    expect((await api.get('/outbox?status=held').expect(200)).body.total).toBe(7);
    expect((await api.get('/outbox?status=sent').expect(200)).body.total).toBe(0);
    const first = (await api.get('/outbox?limit=3').expect(200)).body;
    const rest = (await api.get('/outbox?limit=3&offset=3').expect(200)).body;
    expect(first.items).toHaveLength(3);
    expect(new Set([...first.items, ...rest.items].map((item: { id: string }) => item.id)).size).toBe(6);
    await api.get('/outbox?status=lost').expect(400, /status/);
    await api.get('/outbox?participant=p1').expect(400, /participant/);
  });

  it('shows a coordinator only the messages of her regions, and writes each message read to the audit log', async () => {
    const token = (await api.post('/tokens', { role: 'coordinator', regions: ['zuid'] }).expect(201)).body
      .token;
    const as = (path: string) => api.anonymous().get(path).set('Authorization', `Bearer ${token}`);
    const mine = (await as('/outbox').expect(200)).body;
    expect(mine.total).toBe(2);
    expect(new Set(mine.items.map((item: { participantId: string }) => item.participantId))).toEqual(
      new Set([ids['zuid.p1'], ids['zuid.p2']]),
    );
    expect((await as(`/outbox?participant=${ids['noord.p1']}`).expect(200)).body.total).toBe(0);
    await as('/outbox?region=noord').expect(400, /region/);
    const hers = (
      await api.post('/tokens', { role: 'participant', participantId: ids['zuid.p1'] }).expect(201)
    ).body.token;
    await api.anonymous().get('/outbox').set('Authorization', `Bearer ${hers}`).expect(403);

    const log = (await api.get(`/audit-log?participant=${ids['zuid.p2']}`).expect(200)).body.items;
    const reads = log.filter((entry: { recordType: string }) => entry.recordType === 'outbox message');
    expect(reads.length).toBeGreaterThan(0);
    const emailId = mine.items.find((item: { channel: string }) => item.channel === 'email').id;
    expect(reads[0]).toMatchObject({ action: 'read', recordId: emailId, regionId: ids.zuid });
  });

  it('deletes her messages at her erasure, and a session’s with the session', async () => {
    await outbox.deleteForParticipant(ids['noord.p1']);
    expect(await rowsOf('noord.p1')).toEqual([]);
    expect(await rowsOf('noord.p2')).toHaveLength(1);
    await api.delete(`/sessions/${ids['noord.s1']}`).expect(204);
    expect(await rowsOf('noord.p2')).toEqual([]);
  });
});
