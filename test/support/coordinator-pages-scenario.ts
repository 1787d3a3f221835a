import { DateTime } from 'luxon';
import { everyDay } from '../factories/village.factory';
import { seedPhonePages } from './phone-pages-scenario';
import { TestApp } from './test-app';

/**
 * The village of the phone pages, and a language provider whose lesson for Amina2 clashes with tomorrow's
 * session: a conflict to chase, with a letter to send. A second childcare provider at the location, to move a
 * child to.
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
  const locationId = (await api.get('/locations?region=beltrum').expect(200)).body.items[0].id;
  const zonnetje = (
    await api
      .post('/childcare-providers', {
        regionId,
        name: 'Kinderopvang Zonnetje',
        kind: 'volunteer',
        locationId,
        position: { lat: 52.1, lon: 6.5 },
        openingHours: everyDay('08:00', '18:00'),
        places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 4 }],
        pricePerHour: 0,
      })
      .expect(201)
  ).body;
  return { ...seeded, providerId: provider.id as string, zonnetjeId: zonnetje.id as string };
}
