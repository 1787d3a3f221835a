import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { TestApp } from './test-app';

/** Debian's Chromium, as `.ci/run` installs it (CHROMIUM_PATH to use another). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // As root in a container, Chromium's sandbox cannot start.
    args: ['--no-sandbox'],
  });

/** Lets the test app listen on a free port, for a browser: its base URL. */
export async function listen(api: TestApp): Promise<string> {
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A link the service handed out (for its TREFPUNT_PUBLIC_URL), opened on this test app instead. */
export const onApp = (base: string, link: string): string => {
  const url = new URL(link);
  return `${base}${url.pathname}${url.search}${url.hash}`;
};

export const PHONE = { width: 412, height: 915 };
export const DESKTOP = { width: 1440, height: 900 };

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now (the context must bypass CSP). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // Runs in the page, where axe-core is now a global (the tests' own TypeScript has no DOM types).
  const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await page.evaluate(
    'axe.run().then((result) => result.violations)',
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}
