import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launchChromium, listen, onApp, PHONE, seriousAccessibilityViolations } from '../../support/browser';
import { startTestApp, TestApp } from '../../support/test-app';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', name), 'utf8'));

describe('a car-pool offer on her phone, in Chromium', () => {
  let api: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApp();
    base = await listen(api);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('asks her in Arabic, right to left, and after her yes shows whom she takes along, where and her phone', async () => {
    const scenario = fixture('bronckhorst-online.scenario.json');
    // b8 drives herself; here she reads Arabic.
    const b8 = scenario.participants.find((p: { id: string }) => p.id === 'b8');
    Object.assign(b8, { language: 'ar', carSeatsOffered: 2 });
    await api.post('/imports/scenario', scenario).expect(200);
    const programmeId = (await api.get('/programmes?region=bronckhorst-online').expect(200)).body.items[0].id;
    await api.post(`/programmes/${programmeId}/plan`).expect(200);
    const proposed = (await api.post(`/programmes/${programmeId}/car-pool/propose`, {}).expect(200)).body;
    expect(proposed.offers).toHaveLength(1);
    const people = (await api.get('/participants?region=bronckhorst-online&limit=100').expect(200)).body
      .items;
    const driverId = people.find((p: { ref: string }) => p.ref === 'b8').id;
    const links = (await api.get(`/participants/${driverId}/links`).expect(200)).body;

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(onApp(base, links.personal));
    const card = page.locator(`section[data-car-pool="${proposed.offers[0].id}"]`);
    await card.getByRole('heading', { name: 'الذهاب معًا' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await card.getByText(/تسكن في طريقك/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'نعم، سآخذها معي' }).click();
    await card.getByText(/ستأخذين .* معك في سيارتك/).waitFor();
    await card.getByText(/^Straat \d, Vorden$/).waitFor();
    expect(await card.getByRole('link').getAttribute('href')).toMatch(/^tel:\+31/);
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
    const offers = (await api.get(`/programmes/${programmeId}/car-pool`).expect(200)).body.items;
    expect(offers.map((o: { status: string }) => o.status)).toEqual(['accepted']);
  });
});
