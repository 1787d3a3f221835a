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
import { OutboxService } from '../../../src/modules/messages/outbox.service';
import { FakeSmsProvider } from '../../support/fake-sms-provider';
import { isQrCodeOf } from '../../support/qr';
import { startTestApp, TestApp } from '../../support/test-app';

describe('the coordinator’s pages of the menu, in Chromium', () => {
  let api: TestApp;
  let sms: FakeSmsProvider;
  let base: string;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedCoordinatorPages>>;

  beforeAll(async () => {
    // Text messages go to a provider that refuses them (HTTP 400) until a test says otherwise: failed messages.
    sms = await FakeSmsProvider.start();
    sms.answer = () => 400;
    api = await startTestApp({
      TREFPUNT_OUTBOX_INTERVAL_MS: '0',
      TREFPUNT_SMS_URL: sms.url,
      TREFPUNT_SMS_KEY: 'sms-key-0123',
    });
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
    await sms?.close();
  });

  it('lists the conflicts of a language provider, and downloads the letter signed with her name and contact', async () => {
    // From the region at a glance, where the conflict waits for her.
    await page.getByRole('link', { name: 'Naar de pagina: Conflicten' }).click();
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

  it('shows the children’s care of the week per session and provider, and confirms, moves and cancels a place', async () => {
    const bookingsOf = async () =>
      (await api.get(`/childcare/bookings?session=${seeded.sessionId}`).expect(200)).body.items as {
        id: string;
        providerId: string;
        status: string;
      }[];
    const [booked] = await bookingsOf();
    await page.getByRole('link', { name: 'Opvang', exact: true }).click();
    await page.goto(`${base}/care?date=${seeded.tomorrow}`);
    const session = page.locator(`section[data-session="${seeded.sessionId}"]`);
    const row = session.locator(`tr[data-booking="${booked.id}"]`);
    await row.getByRole('rowheader', { name: 'kind1, kind van Amina1 Test' }).waitFor();
    await row.getByText(/^\d+ (mnd|jaar)/).waitFor();
    await session.locator('table caption', { hasText: 'Oppas De Ster' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    if (booked.status === 'requested') {
      await row.getByRole('button', { name: 'Bevestigen' }).click();
      await row.getByText('bevestigd').waitFor();
    }
    expect((await bookingsOf()).find((b) => b.id === booked.id)!.status).toBe('confirmed');

    await row.getByLabel(/^Verplaatsen naar/).selectOption({ label: 'Kinderopvang Zonnetje' });
    await row.getByRole('button', { name: 'Verplaats' }).click();
    const movedRow = session.locator(`table[data-provider="${seeded.zonnetjeId}"] tr[data-booking]`);
    await movedRow.getByText('aangevraagd').waitFor();
    const moved = (await bookingsOf()).find((b) => b.status !== 'cancelled')!;
    expect(moved.providerId).toBe(seeded.zonnetjeId);
    expect(await movedRow.getAttribute('data-booking')).toBe(moved.id);

    await movedRow.getByRole('button', { name: 'Afzeggen' }).click();
    await movedRow.getByText(/^afgezegd/).waitFor();
    expect((await bookingsOf()).find((b) => b.id === moved.id)!.status).toBe('cancelled');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('finds a participant, shows her week, language and channel, makes her links, and erases another', async () => {
    await page.getByRole('link', { name: 'Deelnemers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Deelnemers' }).waitFor();
    await page.getByLabel('Zoek op naam, nummer of telefoon').fill('amina4');
    await page.getByText('1 gevonden').waitFor();
    await page.getByRole('link', { name: 'Amina4 Test' }).click();
    const person = page.locator(`section[data-person="${seeded.ids.p4}"]`);
    await person.getByRole('heading', { name: 'Amina4 Test' }).waitFor();
    await person.getByText('Arabisch (ar)').waitFor();
    await person
      .locator(`li[data-session="${seeded.sessionId}"]`)
      .getByText(/kan (niet )?komen/)
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await person.getByRole('button', { name: 'Maak nieuwe links' }).click();
    const personal = await person.getByLabel('Persoonlijke link').inputValue();
    expect(personal).toMatch(/\/me\?token=/);
    await person.getByLabel('Agenda-link').waitFor();
    // Her personal link as a QR code to scan at the desk, named by the link it holds.
    const qr = person.getByRole('img', { name: `QR-code van de persoonlijke link: ${personal}` });
    await qr.waitFor();
    expect(await isQrCodeOf(qr, personal)).toBe(true);
    expect(await isQrCodeOf(qr, `${personal}x`)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Zoek op naam, nummer of telefoon').fill('Amina6');
    await page.getByRole('link', { name: 'Amina6 Test' }).click();
    await page
      .locator(`section[data-person="${seeded.ids.p6}"]`)
      .getByRole('button', { name: 'Gegevens wissen' })
      .click();
    await page.getByRole('status').getByText('Amina6 Test is gewist.').waitFor();
    await api.get(`/participants/${seeded.ids.p6}`).expect(404);
  });

  it('lists failed and held messages with the reason, and sends a failed one again', async () => {
    const outbox = api.app.get(OutboxService);
    await outbox.enqueue([
      {
        regionId: (await api.get('/regions/beltrum').expect(200)).body.id,
        participantId: seeded.ids.p3,
        sessionId: seeded.sessionId,
        kind: 'change',
        channel: 'sms',
        language: 'ar',
        recipient: '+31611110003',
        body: 'تم نقل التدريب',
        version: 'browser-test',
      },
    ]);
    await outbox.deliverDue();
    const failed = (await api.get(`/outbox?participant=${seeded.ids.p3}&status=failed`).expect(200)).body
      .items[0];
    expect(failed.lastError).toBe('HTTP 400');

    await page.getByRole('link', { name: 'Berichten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichten die niet verstuurd zijn' }).waitFor();
    const row = page.locator(`tr[data-message="${failed.id}"]`);
    await row.getByRole('rowheader', { name: 'Amina3 Test' }).waitFor();
    await row.getByText('HTTP 400').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    sms.answer = () => 200;
    await row.getByRole('button', { name: 'Opnieuw versturen' }).click();
    await page.getByRole('status').getByText('Staat klaar om opnieuw te versturen.').waitFor();
    await row.waitFor({ state: 'detached' });
    await outbox.deliverDue();
    const sent = (await api.get(`/outbox?participant=${seeded.ids.p3}&status=sent`).expect(200)).body.items;
    expect(sent.map((message: { id: string }) => message.id)).toContain(failed.id);
  });

  it('imports a provider’s timetable and a scenario: a bad file is refused whole with each problem and its line or path', async () => {
    const lessonsOfP5 = async () =>
      (await api.get(`/lessons?participant=${seeded.ids.p5}&provider=${seeded.providerId}`).expect(200)).body
        .items as { from: string }[];
    await page.getByRole('link', { name: 'Importeren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Importeren' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const timetable = page.locator('section[data-import="timetable"]');
    const csv = (weekday: string) => ({
      name: 'rooster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'participant;weekday;from;to;place;validFrom;validTo\n' +
          `p4;ma;13:00;14:00;"52.11,6.51";${seeded.tomorrow};${seeded.tomorrow}\n` +
          `p5;${weekday};13:00;14:00;"52.11,6.51";${seeded.tomorrow};${seeded.tomorrow}\n`,
      ),
    });
    await timetable.getByLabel('Bestand').setInputFiles(csv('someday'));
    await timetable.getByRole('button', { name: 'Importeren' }).click();
    const problems = timetable.getByRole('alert');
    await problems.getByText(/Niets opgeslagen/).waitFor();
    await problems.getByText(/^line 3: weekday/).waitFor();
    expect(await lessonsOfP5()).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await timetable.getByLabel('Bestand').setInputFiles(csv('wo'));
    await timetable.getByRole('button', { name: 'Alleen controleren' }).click();
    await timetable.getByRole('status').getByText('Het bestand is in orde (nog niet opgeslagen).').waitFor();
    expect(await lessonsOfP5()).toEqual([]);
    await timetable.getByRole('button', { name: 'Importeren' }).click();
    await timetable.getByRole('status').getByText('Opgeslagen.').waitFor();
    await timetable.getByText(/2 deelnemers in het bestand; lessen: 2 nieuw/).waitFor();
    expect((await lessonsOfP5()).map((lesson) => lesson.from)).toEqual(['13:00']);

    const scenario = page.locator('section[data-import="scenario"]');
    // A file over the service's limit (10 MB) is refused before it is sent, with its size and the limit.
    const sent: string[] = [];
    const watch = (request: { url(): string }) => {
      if (request.url().includes('/imports/scenario')) sent.push(request.url());
    };
    page.on('request', watch);
    await scenario.getByLabel('Bestand').setInputFiles({
      name: 'groot.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(11 << 20, 32),
    });
    await scenario.getByRole('button', { name: 'Importeren' }).click();
    await scenario
      .getByRole('alert')
      .getByText('Dit bestand is 11.0 MB; hier kan ten hoogste 10 MB. Er is niets verstuurd.')
      .waitFor();
    page.off('request', watch);
    expect(sent).toEqual([]);

    const exported = (await api.get('/exports/scenario?region=beltrum').expect(200)).body;
    const json = (document: unknown) => ({
      name: 'beltrum.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(document)),
    });
    const first = exported.participants[0];
    const withFirst = (changes: object) => ({
      ...exported,
      participants: exported.participants.map((participant: object, index: number) =>
        index === 0 ? { ...participant, ...changes } : participant,
      ),
    });
    await scenario
      .getByLabel('Bestand')
      .setInputFiles(json(withFirst({ name: 'Renamed', transport: 'rocket' })));
    await scenario.getByRole('button', { name: 'Importeren' }).click();
    await scenario
      .getByRole('alert')
      .getByText(/^participants\[0\]\.transport: /)
      .waitFor();
    const named = async () =>
      (await api.get(`/participants?region=beltrum&ref=${first.id}`).expect(200)).body.items[0].name;
    expect(await named()).toBe(first.name);

    await scenario.getByLabel('Bestand').setInputFiles(json(withFirst({ name: 'Renamed' })));
    await scenario.getByRole('button', { name: 'Importeren' }).click();
    await scenario.getByRole('status').getByText('Opgeslagen.').waitFor();
    expect(await named()).toBe('Renamed');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  // Last: it takes the vehicles off the road, which the pages above need.
  it('advises a vehicle in her language where nobody has a ride, and lists only the first needs of many', async () => {
    for (const vehicleId of [seeded.ids.bus, seeded.ids.car])
      await api.patch(`/vehicles/${vehicleId}`, { availability: [] }).expect(200);
    const programmeId = (await api.get('/programmes?region=beltrum').expect(200)).body.items[0].id;
    // Three weeks of sessions: more women without a ride than the overview shows.
    await api.patch(`/programmes/${programmeId}`, { sessionsPerGroup: 3 }).expect(200);
    // Planned at once (without `Prefer: respond-async`): the answer carries the advice the page shows.
    const answer = (await api.post(`/programmes/${programmeId}/plan`).expect(200)).body;
    expect(answer.careAndRides.advice).toEqual([expect.objectContaining({ kind: 'vehicle' })]);

    await page.goto(base);
    const advice = page.getByRole('region', { name: 'Wat meer vrouwen laat komen' });
    const vehicle = advice.locator('li[data-advice="vehicle"]');
    await vehicle.waitFor();
    // Under its programme's name, in Dutch, with what the plan found: the day, the hours the bus drives and how many more women come.
    const [advised] = answer.careAndRides.advice;
    const day = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'][
      advised.weekday - 1
    ];
    const women = `${advised.perWeek.toLocaleString('nl')} ${advised.perWeek === 1 ? 'vrouw' : 'vrouwen'}`;
    expect(advised.perWeek).toBeGreaterThan(0);
    expect(await vehicle.textContent()).toBe(
      `Powervrouwen — Eén busje met 8 zitplaatsen (2 kinderzitjes) op ${day} ${advised.vehicle.from}–${advised.vehicle.to} ` +
        `rond Buurthuis De Ster: ${women} meer per week (${advised.more} keer over het hele programma).`,
    );

    // Every woman is without a ride both ways at every session: the card shows ten and says how many more.
    const withoutRide = page.getByRole('region', { name: /^Vrouwen zonder rit/ });
    const total = Number(await withoutRide.locator('.count').textContent());
    expect(total).toBeGreaterThan(10);
    expect(await withoutRide.getByRole('listitem').count()).toBe(10);
    await withoutRide.getByText(`en nog ${(total - 10).toLocaleString('nl')}`, { exact: true }).waitFor();
    // Each says why in Dutch, from the reason's code, not in the planner's English.
    const why = await withoutRide.getByRole('listitem').allTextContents();
    expect(why.filter((text) => /\b(no|not|vehicles?|ride)\b/.test(text))).toEqual([]);
    expect(why.filter((text) => /geen rit (heen|terug)|geen voertuig/.test(text))).toHaveLength(10);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
