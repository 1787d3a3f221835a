import { DateTime } from 'luxon';
import { seedPhonePages } from './phone-pages-scenario';
import { TestApp } from './test-app';

/**
 * The village of the phone pages, and a language provider whose lesson for Amina2 clashes with tomorrow's
 * session: a conflict to chase, with a letter to send.
 */
export async function seedCoordinatorPages(api: TestApp) {
  const seeded = await seedPhonePages(api);
  const regionId = (await api.get('/regions/beltrum').expect(200)).body.id;
  const provider = (
    await api
      .post('/language-providers', { regionId, name: 'Taalschool Oost', email: 'rooster@taalschool.test' })
      .expect(201)
  ).body;
  const day = DateTime.fromISO(seeded.tomorrow);
  await api
    .post('/lessons', {
      participantId: seeded.ids.p2,
      providerId: provider.id,
      weekday: day.weekday,
      from: '10:30',
      to: '11:30',
      position: { lat: 52.11, lon: 6.51 },
      validFrom: seeded.tomorrow,
      validTo: day.plus({ weeks: 8 }).toISODate(),
    })
    .expect(201);
  return { ...seeded, providerId: provider.id as string };
}
