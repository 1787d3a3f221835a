import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DESKTOP,
  launchChromium,
  listen,
  onApp,
  seriousAccessibilityViolations,
} from '../../support/browser';
import { seedCoordinatorPages } from '../../support/coordinator-pages-scenario';
import { startTestApp, TestApp } from '../../support/test-app';

describe('the coordinator’s pages of the menu, in Chromium', () => {
  let api: TestApp;
  let base: string;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedCoordinatorPages>>;

  beforeAll(async () => {
    api = await startTestApp();
    base = await listen(api);
    seeded = await seedCoordinatorPages(api);
    // Without e-mail configured, the invitation answers her sign-in link.
    const invited = await api
      .post('/accounts', {
        email: 'fatma@gemeente.test',
        name: 'Fatma de Vries',
        phone: '06 1234 5678',
        role: 'coordinator',
        regions: ['beltrum'],
      })
      .expect(201);
    browser = await launchChromium();
    // CSP bypassed only so that the test can add axe-core to the page; the app itself runs under it.
    desktop = await browser.newContext({
      viewport: DESKTOP,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      bypassCSP: true,
      acceptDownloads: true,
    });
    page = await desktop.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(onApp(base, invited.body.signInUrl));
    await page.getByRole('heading', { level: 1, name: 'De regio in één oogopslag' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('lists the conflicts of a language provider, and downloads the letter signed with her name and contact', async () => {
    await page.getByRole('link', { name: 'Conflicten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conflicten per taalaanbieder' }).waitFor();
    const amina = page.locator(`li[data-participant="${seeded.ids.p2}"]`);
    await amina.getByRole('heading', { name: 'Amina2 Test' }).waitFor();
    await amina.getByText(/10:30–11:30/).waitFor();
    await amina.getByText(/60 min\. tegelijk/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de brief' }).click(),
    ]);
    expect(letter.suggestedFilename()).toBe('brief-taalschool-oost.txt');
    const text = readFileSync((await letter.path())!, 'utf8');
    expect(text).toContain('Aan: Taalschool Oost');
    expect(text).toContain('Amina2 Test');
    expect(text).toContain('Fatma de Vries\nCoördinator training vrouwen in de inburgering, regio ');
    expect(text).toContain('+31612345678 | fatma@gemeente.test');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de lijst (CSV)' }).click(),
    ]);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('Amina2 Test');
  });
});
