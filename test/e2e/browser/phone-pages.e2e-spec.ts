import { Browser, BrowserContext } from 'playwright-core';
import {
  DESKTOP,
  launchChromium,
  listen,
  onApp,
  PHONE,
  seriousAccessibilityViolations,
} from '../../support/browser';
import { seedPhonePages } from '../../support/phone-pages-scenario';
import { startTestApp, TestApp } from '../../support/test-app';

interface Stop {
  id: string;
  participantId: string;
  status: string;
}
interface RouteView {
  direction: 'to' | 'from';
  vehicleId: string;
  stops: Stop[];
}

/** Until `check` holds: the page sends in the background (and, offline, later). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not within the time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the pages a link opens on a phone, in Chromium', () => {
  let api: TestApp;
  let base: string;
  let browser: Browser;
  let phone: BrowserContext;
  let seeded: Awaited<ReturnType<typeof seedPhonePages>>;

  const routes = async (): Promise<RouteView[]> =>
    (await api.get(`/sessions/${seeded.sessionId}/routes`).expect(200)).body.routes;
  const statusOf = async (stopId: string) =>
    (await routes()).flatMap((route) => route.stops).find((stop) => stop.id === stopId)?.status;

  beforeAll(async () => {
    api = await startTestApp();
    base = await listen(api);
    seeded = await seedPhonePages(api);
    browser = await launchChromium();
    // CSP bypassed only so that the test can add axe-core to the page; the pages themselves run under it.
    phone = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      bypassCSP: true,
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the web app at / and keeps the API answering JSON', async () => {
    const page = await phone.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.goto(`${base}/some/page/of/the/app`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
    // Browsers navigating get pages; API clients still get the API's answers.
    await api.anonymous().get('/me').set('Accept', 'application/json').expect(401);
    await api.anonymous().get('/nothing-here').set('Accept', 'application/json').expect(404);
    await api.get('/regions').set('Accept', 'text/html,*/*').expect(200).expect('content-type', /json/);
  });

  it('opens the driver’s link without a header: the bus’s rides, call and navigation, and a stop marked picked up, also offline', async () => {
    const page = await phone.newPage();
    await page.goto(onApp(base, seeded.driverLink));
    await page.getByRole('heading', { level: 1, name: 'Ritten van Henk Jansen' }).waitFor();
    // The token leaves the address bar once the page keeps it.
    expect(page.url()).toBe(`${base}/driver`);
    // He was added after the routes were planned: he sees the rides of the bus he drives.
    const busTo = (await routes()).find(
      (route) => route.direction === 'to' && route.vehicleId === seeded.ids.bus,
    )!;
    const [first, second] = busTo.stops;
    const firstStop = page.locator(`li[data-stop="${first.id}"]`);
    await firstStop.waitFor();
    expect(await firstStop.getByRole('link', { name: /^Bel Amina\d$/ }).getAttribute('href')).toMatch(
      /^tel:\+3161111000\d$/,
    );
    expect(await firstStop.getByRole('link', { name: 'Navigeer' }).getAttribute('href')).toMatch(
      /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=52\./,
    );
    const withChild = busTo.stops.find((stop) => stop.participantId === seeded.ids.p1)!;
    await page.locator(`li[data-stop="${withChild.id}"]`).getByText('1 kind, 1 kinderzitje').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await firstStop.getByRole('button', { name: 'Opgehaald' }).click();
    await eventually(async () => (await statusOf(first.id)) === 'picked-up');
    expect(await firstStop.getAttribute('data-status')).toBe('picked-up');

    await phone.setOffline(true);
    const secondStop = page.locator(`li[data-stop="${second.id}"]`);
    await secondStop.getByRole('button', { name: 'Opgehaald' }).click();
    await page.getByRole('status').getByText('1 melding wacht op verbinding').waitFor();
    expect(await secondStop.getAttribute('data-status')).toBe('picked-up');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await statusOf(second.id)).toBe('planned');
    await phone.setOffline(false);
    await eventually(async () => (await statusOf(second.id)) === 'picked-up');
    await page.getByRole('status').waitFor({ state: 'detached' });
    await page.close();
  });

  it('refuses a revoked driver link', async () => {
    const link: string = (await api.post(`/drivers/${seeded.driverId}/link`).expect(201)).body.url;
    await api.delete(`/drivers/${seeded.driverId}/link`).expect(204);
    const context = await browser.newContext({ viewport: PHONE, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(onApp(base, link));
    await page.getByText('Deze link werkt niet meer').waitFor();
    await context.close();
  });

  it('opens her personal link in Arabic, right to left, and her absence frees her child’s place and her rides', async () => {
    const before = (await routes()).flatMap((route) => route.stops.map((stop) => stop.participantId));
    expect(before.filter((id) => id === seeded.ids.p1)).toHaveLength(2);
    const page = await phone.newPage();
    await page.goto(onApp(base, seeded.participantLink));
    await page.getByRole('heading', { level: 1, name: 'مرحبًا Amina1' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    const card = page.locator(`section[data-session="${seeded.sessionId}"]`);
    await card.getByText('رعاية أطفالك: Oppas De Ster').waitFor();
    await card.getByText(/سنأتي لأخذك الساعة \d\d:\d\d/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'لا أستطيع الحضور' }).click();
    await card.getByRole('button', { name: 'أنا مريضة' }).click();
    await page.getByRole('status').getByText('شكرًا. نعلم أنك لن تأتي.').waitFor();
    await card.getByText('قلتِ إنك لن تأتي').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();

    const attendance = (await api.get(`/sessions/${seeded.sessionId}/attendance`).expect(200)).body.items;
    expect(attendance).toContainEqual({ participantId: seeded.ids.p1, state: 'absent', reason: 'ill' });
    const cancelled = (
      await api.get(`/childcare/bookings?session=${seeded.sessionId}&status=cancelled`).expect(200)
    ).body.items;
    expect(cancelled.map((booking: { statusReason: string }) => booking.statusReason)).toEqual([
      'mother absent',
    ]);
    const after = (await routes()).flatMap((route) => route.stops.map((stop) => stop.participantId));
    expect(after).not.toContain(seeded.ids.p1);
    expect(after).toHaveLength(before.length - 2);
  });

  it('shows the coordinator the cascade of that absence: the place cancelled, no pickup, why she cannot come', async () => {
    const invited = await api
      .post('/accounts', {
        email: 'coordinator@beltrum.test',
        name: 'Coördinator Beltrum',
        role: 'coordinator',
        regions: ['beltrum'],
      })
      .expect(201);
    const desktop = await browser.newContext({
      viewport: DESKTOP,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      bypassCSP: true,
    });
    const page = await desktop.newPage();
    await page.goto(onApp(base, invited.body.signInUrl));
    await page.getByRole('heading', { level: 1, name: 'De regio in één oogopslag' }).waitFor();

    const [cancelled] = (
      await api.get(`/childcare/bookings?session=${seeded.sessionId}&status=cancelled`).expect(200)
    ).body.items;
    await page.goto(`${base}/care?date=${seeded.tomorrow}`);
    const row = page.locator(
      `section[data-session="${seeded.sessionId}"] tr[data-booking="${cancelled.id}"]`,
    );
    await row.getByText(/^afgezegd: mother absent/).waitFor();

    await page.goto(`${base}/week?date=${seeded.tomorrow}`);
    await page.locator(`button[data-session="${seeded.sessionId}"]`).click();
    const amina = page.locator(
      `[data-open-session="${seeded.sessionId}"] tr[data-member="${seeded.ids.p1}"]`,
    );
    await amina.getByRole('rowheader', { name: 'Amina1 Test' }).waitFor();
    await amina.getByText(/^kan niet komen: /).waitFor();
    expect(await amina.getByText(/^\d\d:\d\d, /).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await desktop.close();
  });
});
