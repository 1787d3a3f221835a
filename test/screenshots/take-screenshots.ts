import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { DESKTOP, launchChromium, listen, onApp, PHONE } from '../support/browser';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { seedCoordinatorPages } from '../support/coordinator-pages-scenario';
import { startTestApp } from '../support/test-app';

const FOLDER = join(__dirname, '..', '..', 'docs', 'screenshots');

/** A page to take: where, what shows it is ready, and what to do first (open a session, plan again). */
interface Shot {
  name: string;
  url: string;
  ready: string;
  signedIn?: boolean;
  open?: string;
  act?: (tab: Page) => Promise<void>;
}

/**
 * `npm run screenshots`: each page of the web app on a phone (412x915) and a desktop (1440x900), with the data of
 * the browser tests, into docs/screenshots/ for the README. Runs the service on a scratch database, as the tests do.
 */
async function main(): Promise<void> {
  await globalSetup();
  const api = await startTestApp();
  const browser = await launchChromium();
  try {
    const base = await listen(api);
    const seeded = await seedCoordinatorPages(api);
    // Without e-mail configured, the invitation answers the sign-in link; each context signs in with a new one.
    const account = (
      await api
        .post('/accounts', {
          email: 'fatma@gemeente.test',
          name: 'Fatma',
          role: 'coordinator',
          regions: ['beltrum'],
        })
        .expect(201)
    ).body;
    const signIn = async (): Promise<string> =>
      (await api.post(`/accounts/${account.id}/sign-in-link`).expect(201)).body.signInUrl;
    const week = `${base}/week?date=${seeded.tomorrow}`;
    const pages: Shot[] = [
      { name: 'sign-in', url: `${base}/`, ready: 'h1' },
      { name: 'glance', url: `${base}/`, ready: '.tile', signedIn: true },
      {
        name: 'week',
        url: week,
        ready: 'button[data-session]',
        signedIn: true,
        open: `button[data-session]`,
      },
      { name: 'rides', url: `${base}/rides?date=${seeded.tomorrow}`, ready: 'svg.map', signedIn: true },
      { name: 'conflicts', url: `${base}/conflicts`, ready: 'li[data-participant]', signedIn: true },
      {
        name: 'care',
        url: `${base}/care?date=${seeded.tomorrow}`,
        ready: 'tr[data-booking]',
        signedIn: true,
      },
      {
        name: 'participants',
        url: `${base}/people?id=${seeded.ids.p1}`,
        ready: 'section[data-person] li[data-session]',
        signedIn: true,
      },
      { name: 'messages', url: `${base}/messages`, ready: '#failed-title', signedIn: true },
      { name: 'import', url: `${base}/import`, ready: 'section[data-import]', signedIn: true },
      { name: 'driver', url: onApp(base, seeded.driverLink), ready: 'li[data-stop]' },
      { name: 'participant-ar', url: onApp(base, seeded.participantLink), ready: 'section[data-session]' },
    ];
    // After the others on both screens, because they change what those show: a new plan, new links.
    const changing: Shot[] = [
      {
        name: 'week-planned',
        url: week,
        ready: 'button[data-session]',
        signedIn: true,
        act: async (tab: Page) => {
          await tab.getByRole('button', { name: /^Opnieuw plannen:/ }).click();
          await tab.getByText(/^Opnieuw gepland:/).waitFor({ timeout: 180_000 });
        },
      },
      {
        name: 'participant-links',
        url: `${base}/people?id=${seeded.ids.p1}`,
        ready: 'section[data-person] li[data-session]',
        signedIn: true,
        act: async (tab: Page) => {
          tab.on('dialog', (dialog) => void dialog.accept());
          await tab.getByRole('button', { name: 'Maak nieuwe links' }).click();
          await tab.locator('img.qr').scrollIntoViewIfNeeded();
        },
      },
    ];
    mkdirSync(FOLDER, { recursive: true });
    for (const [screen, viewport, page] of [pages, changing].flatMap((group) =>
      Object.entries({ phone: PHONE, desktop: DESKTOP }).flatMap(([name, size]) =>
        group.map((one) => [name, size, one] as const),
      ),
    )) {
      const context = await browser.newContext({
        viewport,
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        isMobile: screen === 'phone',
      });
      const tab = await context.newPage();
      if (page.signedIn) {
        await tab.goto(onApp(base, await signIn()));
        await tab.locator('.tile').first().waitFor();
      }
      await tab.goto(page.url);
      await tab.locator(page.ready).first().waitFor();
      if (page.open) {
        await tab.locator(page.open).first().click();
        await tab.locator('tr[data-member]').first().waitFor();
      }
      await page.act?.(tab);
      const file = join(FOLDER, `${page.name}-${screen}.png`);
      await tab.screenshot({ path: file, fullPage: false });
      console.log(`wrote ${file}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await api.close();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
