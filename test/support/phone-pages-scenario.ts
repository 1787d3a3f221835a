import { DateTime } from 'luxon';
import { everyDay, minibus, village } from '../factories/village.factory';
import { TestApp } from './test-app';

const zone = 'Europe/Amsterdam';

/**
 * A village with a session tomorrow (a driver's sheet opens the day before): six Arabic-speaking women collected
 * by a bus and a car, the first with a toddler in care at the location. The driver of the bus is added after the
 * routes were planned, as happens when a volunteer joins mid-programme.
 */
export async function seedPhonePages(api: TestApp) {
  const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
  const at = (time: string) => DateTime.fromISO(`${tomorrow}T${time}`, { zone }).toISO()!;
  const scenario = village({
    region: 'beltrum',
    startDate: tomorrow,
    participants: [1, 2, 3, 4, 5, 6].map((n) => ({
      id: `p${n}`,
      name: `Amina${n} Test`,
      position: { lat: 52.1 + Math.sin(n) * 0.03, lon: 6.5 + Math.cos(n) * 0.04 },
      phone: `+3161111000${n}`,
      transport: 'pickup' as const,
      children: n === 1 ? [{ id: 'kind1', birthDate: '2025-01-15', careByPartner: false }] : [],
    })),
    vehicles: [
      minibus('bus'),
      { ...minibus('car', 3, 0, { lat: 52.09, lon: 6.49 }), name: 'Auto', kind: 'car' },
    ],
    childcareProviders: [
      {
        id: 'oppas',
        name: 'Oppas De Ster',
        kind: 'volunteer',
        locationId: 'buurthuis',
        position: { lat: 52.1, lon: 6.5 },
        openingHours: everyDay('08:00', '18:00'),
        places: [{ minAgeMonths: 0, maxAgeMonths: 155, capacity: 4 }],
        pricePerHour: 0,
      },
    ],
  });
  await api.post('/imports/scenario', scenario).expect(200);
  const ids: Record<string, string> = {};
  for (const path of ['/participants', '/vehicles', '/groups']) {
    (await api.get(`${path}?region=beltrum&limit=100`).expect(200)).body.items.forEach(
      (item: { id: string; ref: string }) => (ids[item.ref] = item.id),
    );
  }
  const regionId = (await api.get('/regions/beltrum').expect(200)).body.id;
  const trainerId = (await api.get('/trainers?region=beltrum').expect(200)).body.items[0].id;
  const session = await api
    .post('/sessions', { regionId, groupId: ids.g, start: at('10:00'), end: at('12:30'), trainerId })
    .expect(201);
  await api.post(`/sessions/${session.body.id}/routes/plan`).expect(200);
  const driver = await api
    .post('/drivers', { regionId, name: 'Henk Jansen', phone: '0544-111111', vehicleId: ids.bus })
    .expect(201);
  const driverLink: string = (await api.post(`/drivers/${driver.body.id}/link`).expect(201)).body.url;
  const participantLink: string = (await api.get(`/participants/${ids.p1}/links`).expect(200)).body.personal;
  return {
    tomorrow,
    sessionId: session.body.id as string,
    driverId: driver.body.id as string,
    ids,
    driverLink,
    participantLink,
  };
}
