import { DateTime } from 'luxon';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DESKTOP,
  launchChromium,
  listen,
  onApp,
  seriousAccessibilityViolations,
} from '../../support/browser';
import { seedPhonePages } from '../../support/phone-pages-scenario';
import { isQrCodeOf } from '../../support/qr';
import { SmtpSink } from '../../support/smtp-sink';
import { startTestApp, TestApp } from '../../support/test-app';

const EMAIL = 'fatma@gemeente.test';

/** The sign-in link of the newest e-mail to her, once at least `count` have come. */
async function signInLink(sink: SmtpSink, count: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = sink.received.filter((mail) => mail.envelopeTo.includes(EMAIL));
    if (mails.length >= count) return /(http\S+\/sign-in#token=\S+)/.exec(mails[mails.length - 1].text)![1];
    if (Date.now() > deadline) throw new Error('no sign-in e-mail');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the coordinator’s app, in Chromium', () => {
  let api: TestApp;
  let sink: SmtpSink;
  let base: string;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedPhonePages>>;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    api = await startTestApp({
      TREFPUNT_SMTP_URL: sink.url,
      TREFPUNT_MAIL_FROM: 'Trefpunt <noreply@trefpunt.test>',
    });
    base = await listen(api);
    seeded = await seedPhonePages(api);
    await api
      .post('/accounts', { email: EMAIL, name: 'Fatma de Vries', role: 'coordinator', regions: ['beltrum'] })
      .expect(201);
    browser = await launchChromium();
    // CSP bypassed only so that the test can add axe-core to the page; the app itself runs under it.
    desktop = await browser.newContext({
      viewport: DESKTOP,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      bypassCSP: true,
    });
    page = await desktop.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await sink?.close();
  });

  it('signs her in by the link e-mailed to her, read from the SMTP sink', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('status').getByText('staat er nu een link in uw mailbox').waitFor();
    // The invitation was the first e-mail; this is the second.
    const link = await signInLink(sink, 2);
    await page.goto(onApp(base, link));
    await page.getByRole('heading', { level: 1, name: 'De regio in één oogopslag' }).waitFor();
    // The token left the address bar; the session is an HttpOnly cookie the page cannot read.
    expect(page.url()).toBe(`${base}/`);
    expect(await page.evaluate('document.cookie')).toBe('');
    const cookie = (await desktop.cookies()).find((found) => found.name === 'trefpunt_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.getByText(/\d+ van \d+ kunnen komen over het hele programma/).waitFor();
    await page.getByRole('heading', { name: /Vrouwen zonder rit/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The same link does not sign in twice.
    const other = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL' });
    const second = await other.newPage();
    await second.goto(onApp(base, link));
    await second.getByText('Deze link is al gebruikt of verlopen').waitFor();
    await other.close();
  });

  it('opens the week, a session with its members, and moves it', async () => {
    await page.goto(`${base}/week?date=${seeded.tomorrow}`);
    await page.getByRole('heading', { level: 1, name: /^Week van/ }).waitFor();
    const slot = page.locator(`button[data-session="${seeded.sessionId}"]`);
    await slot.click();
    const detail = page.locator(`[data-open-session="${seeded.sessionId}"]`);
    const amina = detail.locator(`tr[data-member="${seeded.ids.p1}"]`);
    await amina.getByRole('rowheader', { name: 'Amina1 Test' }).waitFor();
    await amina.getByText('kan komen').waitFor();
    await amina.getByText(/Oppas De Ster \d\d:\d\d–\d\d:\d\d/).waitFor();
    await amina.getByText(/^\d\d:\d\d, (Bus|Auto|.+)$/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await detail.getByLabel('Nieuwe begintijd').fill(`${seeded.tomorrow}T11:00`);
    await detail.getByLabel('Nieuwe eindtijd').fill(`${seeded.tomorrow}T13:30`);
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await detail.getByRole('status').getByText('Opgeslagen.').waitFor();
    const moved = (await api.get(`/sessions/${seeded.sessionId}`).expect(200)).body;
    expect(moved.start).toMatch(new RegExp(`^${seeded.tomorrow}T11:00:00[+-]\\d\\d:\\d\\d$`));
    expect(moved.end).toMatch(/T13:30:00/);
    await slot.getByText('11:00–13:30').waitFor();
  });

  it('shows the rides of the session on a map, with stops in order, riders and load', async () => {
    await page
      .locator(`[data-open-session="${seeded.sessionId}"]`)
      .getByRole('button', { name: 'Ritten' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Ritten:/ }).waitFor();
    await page.getByRole('img', { name: /Kaart van de ritten/ }).waitFor();
    const routes = (await api.get(`/sessions/${seeded.sessionId}/routes`).expect(200)).body.routes;
    expect(routes.length).toBeGreaterThan(0);
    expect(await page.locator('svg.map g[data-route]').count()).toBe(routes.length);
    const cards = page.locator('section.route');
    expect(await cards.count()).toBe(routes.length);
    await cards
      .first()
      .getByText(/bezetting \d+\/\d+ plaatsen/)
      .waitFor();
    await cards
      .first()
      .locator('ol li')
      .first()
      .getByText(/^\d\d:\d\d Amina\d Test/)
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('makes a driver a new link to her rides and shows it as a QR code', async () => {
    const drivers = page.locator('section[aria-labelledby="drivers-title"]');
    const henk = drivers.locator(`li[data-driver="${seeded.driverId}"]`);
    await henk.getByRole('button', { name: 'Maak een nieuwe link voor Henk Jansen' }).click();
    const link = await henk.getByLabel('Link van Henk Jansen').inputValue();
    expect(link).toMatch(/\/driver\?token=/);
    const qr = henk.getByRole('img', { name: `QR-code van de link van Henk Jansen: ${link}` });
    await qr.waitFor();
    expect(await isQrCodeOf(qr, link)).toBe(true);
    // The new link opens her rides; the one made before it no longer works.
    for (const [opened, shows] of [
      [link, 'Ritten van Henk Jansen'],
      [seeded.driverLink, 'Deze link werkt niet meer'],
    ]) {
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL' });
      const phone = await context.newPage();
      await phone.goto(onApp(base, opened));
      await phone.getByText(shows).first().waitFor();
      await context.close();
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('pins the time of the moved session for its group', async () => {
    await page.goto(`${base}/week?date=${seeded.tomorrow}`);
    await page.locator(`button[data-session="${seeded.sessionId}"]`).click();
    const detail = page.locator(`[data-open-session="${seeded.sessionId}"]`);
    await detail.getByText(/^Niet vastgezet/).waitFor();
    await detail.getByRole('button', { name: /^Zet \S+ 11:00 vast$/ }).click();
    await detail.getByRole('status').getByText('Vastgezet.').waitFor();
    await detail.getByText(/^Vastgezet: elke \S+ om 11:00/).waitFor();
    const weekday = DateTime.fromISO(seeded.tomorrow).weekday;
    const pinned = await api.get(`/groups/${seeded.ids.g}/pinned-slots`).expect(200);
    expect(pinned.body).toEqual({ slots: [{ weekday, start: '11:00' }] });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('plans the programme again and shows the progress reach the end, keeping the pinned time', async () => {
    await page.goto(`${base}/week?date=${seeded.tomorrow}`);
    // Every value the bar shows, as the page draws it (the tests' own TypeScript has no DOM types).
    await page.evaluate(`(() => {
      window.seenProgress = [];
      setInterval(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const seen = bar && bar.getAttribute('aria-valuenow') + ' ' + bar.getAttribute('aria-valuetext');
        if (seen && window.seenProgress[window.seenProgress.length - 1] !== seen) window.seenProgress.push(seen);
      }, 10);
    })()`);
    const button = page.getByRole('button', { name: /^Opnieuw plannen:/ });
    const queued = page.waitForResponse((response) => /\/programmes\/[^/]+\/plan$/.test(response.url()));
    await button.click();
    const answer = await queued;
    expect(answer.status()).toBe(202);
    const jobId = ((await answer.json()) as { id: string }).id;
    expect(answer.headers()['location']).toBe(`/jobs/${jobId}`);
    await page
      .getByRole('status')
      .getByText(/^Opnieuw gepland: \d+ bijeenkomst(en)?; \d+ van \d+ keer kan een deelnemer komen\.$/)
      .waitFor({ timeout: 120_000 })
      .catch(async (error: Error) => {
        // Once in a loaded run of the whole suite the result never showed: say where the job and the bar were.
        const then = (await api.get(`/jobs/${jobId}`)).body as unknown;
        const bar = (await page.evaluate('window.seenProgress')) as unknown;
        throw new Error(
          `${error.message}\nthe job then: ${JSON.stringify(then)}\nthe bar showed: ${JSON.stringify(bar)}`,
        );
      });
    const bar = page.getByRole('progressbar', { name: 'Voortgang van het plannen' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await button.isEnabled()).toBe(true);

    const seen = (await page.evaluate('window.seenProgress')) as string[];
    const percents = seen.map((value) => Number(value.split(' ')[0]));
    expect(percents[0]).toBe(0);
    expect(percents[percents.length - 1]).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe('100 100 %: klaar');
    // The steps of the plan in between, in her language.
    expect(
      seen.some((value) => /%: (gegevens laden|tijden kiezen|opvang en ritten|opslaan)$/.test(value)),
    ).toBe(true);

    const job = (await api.get(`/jobs/${jobId}`).expect(200)).body;
    expect(job.state).toBe('done');
    const weekday = DateTime.fromISO(seeded.tomorrow).weekday;
    expect(job.result.groups[0].weekly).toEqual([
      expect.objectContaining({ weekday, start: '11:00', pinned: true }),
    ]);
    // The week shows the plan again: the group's session tomorrow is at the pinned time.
    await page
      .getByRole('button', { name: /^11:00–/ })
      .first()
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 180_000);

  it('cancels a session, and signs her out', async () => {
    const planned = (await api.get(`/sessions?region=beltrum&status=planned&limit=1`).expect(200)).body
      .items[0];
    await page.goto(`${base}/week?date=${planned.date}`);
    await page.locator(`button[data-session="${planned.id}"]`).click();
    await page.getByRole('button', { name: 'Bijeenkomst afzeggen' }).click();
    await page.getByRole('status').getByText('Opgeslagen.').waitFor();
    expect((await api.get(`/sessions/${planned.id}`).expect(200)).body.status).toBe('cancelled');

    await page.getByRole('button', { name: /^Uitloggen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  });
});
