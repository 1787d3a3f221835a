import { Client } from 'pg';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';

/** The token of the sign-in link in the last e-mail to `address`. */
async function linkTokenFor(sink: SmtpSink, address: string, count = 1): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = sink.received.filter((mail) => mail.envelopeTo.includes(address));
    if (mails.length >= count) return /\/sign-in#token=(\S+)/.exec(mails[mails.length - 1].text)![1];
    if (Date.now() > deadline) throw new Error(`no sign-in e-mail to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const cookieOf = (setCookie: string[] | string | undefined): string => {
  const header = [setCookie ?? []].flat().find((value) => value.startsWith('trefpunt_session='))!;
  return header.split(';')[0];
};

describe('signing in to the web app by an e-mailed link', () => {
  let api: TestApp;
  let sink: SmtpSink;
  let db: Client;
  let beltrum: string;
  let twente: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    api = await startTestApp({
      TREFPUNT_SMTP_URL: sink.url,
      TREFPUNT_MAIL_FROM: 'Trefpunt <noreply@trefpunt.test>',
      TREFPUNT_PUBLIC_URL: 'https://trefpunt.example.nl',
    });
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    beltrum = (await api.post('/regions', { ref: 'beltrum', name: 'Beltrum' }).expect(201)).body.id;
    twente = (await api.post('/regions', { ref: 'twente', name: 'Twente' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await sink?.close();
  });

  const signIn = async (token: string) => {
    const answer = await api.anonymous().post('/auth/session').send({ token }).expect(200);
    return {
      body: answer.body,
      cookie: cookieOf(answer.headers['set-cookie']),
      raw: answer.headers['set-cookie'],
    };
  };

  it('invites a coordinator, e-mails her a link for one use, and keeps her signed in with an HttpOnly cookie within her regions', async () => {
    const invited = await api
      .post('/accounts', {
        email: 'Fatma@Gemeente.test',
        name: 'Fatma de Vries',
        role: 'coordinator',
        regions: ['beltrum'],
      })
      .expect(201);
    expect(invited.body).toMatchObject({ email: 'fatma@gemeente.test', sent: true, regionIds: [beltrum] });
    expect(invited.body.signInUrl).toBeUndefined();
    const token = await linkTokenFor(sink, 'fatma@gemeente.test');
    const mail = sink.received.find((received) => received.envelopeTo.includes('fatma@gemeente.test'))!;
    expect(mail.text).toContain(`https://trefpunt.example.nl/sign-in#token=${token}`);
    // Only its hash is kept.
    const { rows } = await db.query('SELECT token_hash FROM sign_in_links');
    expect(JSON.stringify(rows)).not.toContain(token);

    const { body, cookie, raw } = await signIn(token);
    expect(body).toMatchObject({ name: 'Fatma de Vries', role: 'coordinator', regionIds: [beltrum] });
    expect(String(raw)).toMatch(/HttpOnly/);
    expect(String(raw)).toMatch(/SameSite=Strict/);
    // One use only.
    await api.anonymous().post('/auth/session').send({ token }).expect(401);

    const session = await api.anonymous().get('/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body).toMatchObject({ email: 'fatma@gemeente.test' });
    const regions = await api.anonymous().get('/regions').set('Cookie', cookie).expect(200);
    expect(regions.body.items.map((region: { id: string }) => region.id)).toEqual([beltrum]);
    await api.anonymous().get(`/regions/${twente}`).set('Cookie', cookie).expect(404);
    // Admin-only endpoints stay closed to her.
    await api.anonymous().get('/accounts').set('Cookie', cookie).expect(403);
  });

  it('lets a cookie write only with the CSRF header, and signs her out', async () => {
    await linkTokenFor(sink, 'fatma@gemeente.test');
    await api.anonymous().post('/auth/sign-in-link').send({ email: 'fatma@gemeente.test' }).expect(202);
    const { cookie } = await signIn(await linkTokenFor(sink, 'fatma@gemeente.test', 2));
    const trainer = { regionId: beltrum, name: 'Fatima' };
    await api
      .anonymous()
      .post('/trainers')
      .set('Cookie', cookie)
      .set('X-Trefpunt-Csrf', '1')
      .send(trainer)
      .expect(201);

    const out = await api
      .anonymous()
      .post('/auth/sign-out')
      .set('Cookie', cookie)
      .set('X-Trefpunt-Csrf', '1')
      .expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/trefpunt_session=;/);
    await api.anonymous().get('/auth/session').set('Cookie', cookie).expect(401);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = sink.received.length;
    await api.anonymous().post('/auth/sign-in-link').send({ email: 'nobody@gemeente.test' }).expect(202);
    await api.anonymous().post('/auth/sign-in-link').send({ email: 'not an address' }).expect(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.length).toBe(before);
  });

  it('refuses an expired link', async () => {
    await api
      .post('/accounts', {
        email: 'els@gemeente.test',
        name: 'Els',
        role: 'coordinator',
        regions: ['twente'],
      })
      .expect(201);
    const token = await linkTokenFor(sink, 'els@gemeente.test');
    await db.query(
      `UPDATE sign_in_links SET created_at = now() - interval '1 hour', expires_at = now() - interval '1 minute'`,
    );
    await api.anonymous().post('/auth/session').send({ token }).expect(401);
  });

  it('ends her sessions when an admin changes her regions or disables her', async () => {
    const account = (
      await api
        .post('/accounts', {
          email: 'sanne@gemeente.test',
          name: 'Sanne',
          role: 'coordinator',
          regions: ['beltrum'],
        })
        .expect(201)
    ).body;
    const { cookie } = await signIn(await linkTokenFor(sink, 'sanne@gemeente.test'));
    await api.anonymous().get('/auth/session').set('Cookie', cookie).expect(200);
    const changed = await api
      .patch(`/accounts/${account.id}`, { regions: ['beltrum', 'twente'] })
      .expect(200);
    expect(changed.body.regionIds.sort()).toEqual([beltrum, twente].sort());
    await api.anonymous().get('/auth/session').set('Cookie', cookie).expect(401);

    await api.patch(`/accounts/${account.id}`, { disabled: true }).expect(200);
    const before = sink.received.length;
    await api.anonymous().post('/auth/sign-in-link').send({ email: 'sanne@gemeente.test' }).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.length).toBe(before);
    await api.post('/accounts', { email: 'sanne@gemeente.test', name: 'Sanne', role: 'admin' }).expect(409);
  });

  it('keeps bearer tokens for scripts, and a token is never taken from a cookie that is not a session', async () => {
    const issued = (await api.post('/tokens', { role: 'coordinator', regions: ['beltrum'] }).expect(201)).body
      .token;
    await api.anonymous().get('/regions').set('Authorization', `Bearer ${issued}`).expect(200);
    await api.anonymous().get('/regions').set('Cookie', `trefpunt_session=${issued}`).expect(401);
  });
});
