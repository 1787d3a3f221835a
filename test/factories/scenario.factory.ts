import { seededRandom as random } from './random';
/**
 * Synthetic regions of any size in the trefpunt-scenario/1 format, the same for the same seed: for tests of
 * the import at scale and for the import benchmark.
 */
const LANGUAGES = ['ar', 'ti', 'prs', 'so', 'tr', 'uk', 'fa'];
const CHANNELS = ['sms', 'whatsapp', 'email'] as const;
const TRANSPORT = ['pickup', 'public', 'bike', 'own'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5];

const hours = (from: string, to: string) => WEEKDAYS.map((weekday) => ({ weekday, from, to }));
const pad = (n: number) => String(n).padStart(2, '0');

export interface ScenarioSize {
  participants: number;
  seed?: number;
  region?: string;
  /** Participants per group. */
  groupSize?: number;
  /** Municipalities of the region, each with two locations (default: one per 500 participants). */
  municipalities?: number;
}

export function buildScenario({
  participants,
  seed = 1,
  region = 'synthetic',
  groupSize = 15,
  municipalities: municipalitiesWanted,
}: ScenarioSize) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const around = (lat: number, lon: number, spread = 0.15) => ({
    lat: +(lat + (next() - 0.5) * spread).toFixed(5),
    lon: +(lon + (next() - 0.5) * spread).toFixed(5),
  });
  const municipalityCount = Math.max(1, municipalitiesWanted ?? Math.ceil(participants / 500));
  const municipalities = Array.from({ length: municipalityCount }, (_, m) => ({
    id: `m${m + 1}`,
    name: `Gemeente ${m + 1}`,
  }));
  const locations = municipalities.flatMap((municipality, m) =>
    [1, 2].map((l) => ({
      id: `loc-${m + 1}-${l}`,
      name: `Buurthuis ${m + 1}.${l}`,
      municipalityId: municipality.id,
      address: `Dorpsstraat ${l}`,
      position: around(52.1, 6.5),
      openingHours: hours('08:30', '17:30'),
      rooms: 2,
    })),
  );
  const providers = [1, 2, 3].map((p) => ({
    id: `tp${p}`,
    name: `Taalaanbieder ${p}`,
    email: `rooster${p}@example.org`,
  }));
  const people = Array.from({ length: participants }, (_, index) => {
    const id = `p${index + 1}`;
    const municipality = municipalities[index % municipalityCount];
    const lessonDays = [pick(WEEKDAYS), pick(WEEKDAYS)];
    const startHour = 9 + Math.floor(next() * 5);
    const channel = pick(CHANNELS);
    return {
      id,
      name: `Deelnemer ${index + 1}`,
      municipalityId: municipality.id,
      address: `Straat ${index + 1}`,
      position: around(52.1, 6.5, 0.4),
      phone: `+316${String(10000000 + index).slice(-8)}`,
      ...(channel === 'email' && { email: `deelnemer${index + 1}@example.org` }),
      language: pick(LANGUAGES),
      interpreterNeeded: next() < 0.4,
      reminderChannel: channel,
      transport: pick(TRANSPORT),
      children: Array.from({ length: Math.floor(next() * 4) }, (_, c) => ({
        id: `c${index + 1}-${c + 1}`,
        birthDate: `${2014 + Math.floor(next() * 12)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`,
        careByPartner: next() < 0.2,
      })),
      lessons: lessonDays.map((weekday) => ({
        providerId: pick(providers).id,
        weekday,
        from: `${pad(startHour)}:00`,
        to: `${pad(startHour + 2)}:30`,
        position: around(52.0, 6.4),
        validFrom: '2026-09-01',
        validTo: '2027-07-15',
      })),
      appointments:
        next() < 0.5
          ? [
              {
                date: `2027-02-${pad(1 + Math.floor(next() * 27))}`,
                from: '10:00',
                to: '11:00',
                what: 'huisarts',
              },
            ]
          : [],
    };
  });
  const groups = Array.from({ length: Math.ceil(participants / groupSize) }, (_, g) => ({
    id: `g${g + 1}`,
    name: `Groep ${g + 1}`,
    locationId: locations[g % locations.length].id,
    participantIds: people.slice(g * groupSize, (g + 1) * groupSize).map((person) => person.id),
    trainerIds: [`tr${(g % 10) + 1}`],
    interpreterLanguages: [pick(LANGUAGES)],
  }));
  return {
    format: 'trefpunt-scenario/1',
    region,
    name: `Synthetic region of ${participants}`,
    timezone: 'Europe/Amsterdam',
    municipalities,
    locations,
    languageProviders: providers,
    participants: people,
    trainers: Array.from({ length: 10 }, (_, t) => ({
      id: `tr${t + 1}`,
      name: `Trainer ${t + 1}`,
      availability: hours('09:00', '17:00'),
    })),
    interpreters: LANGUAGES.map((language) => ({
      id: `int-${language}`,
      name: `Tolk ${language}`,
      languages: [language],
      availability: hours('08:30', '17:00'),
    })),
    vehicles: [1, 2, 3].map((v) => ({
      id: `bus-${v}`,
      name: `Bus ${v}`,
      kind: 'minibus',
      seats: 8,
      childSeats: 2,
      depot: around(52.1, 6.5),
      availability: hours('07:30', '18:00'),
      volunteerDriven: v === 1,
    })),
    childcareProviders: locations.map((location, c) => ({
      id: `oppas-${c + 1}`,
      name: `Oppas ${location.name}`,
      kind: 'volunteer',
      locationId: location.id,
      position: location.position,
      openingHours: hours('09:00', '16:00'),
      places: [{ minAgeMonths: 6, maxAgeMonths: 155, capacity: 5 }],
      pricePerHour: 0,
    })),
    schoolHours: hours('08:30', '14:30'),
    closedDates: [{ from: '2027-02-20', to: '2027-02-28', reason: 'voorjaarsvakantie' }],
    policy: {
      arriveMinutesBefore: 10,
      maxRideMinutes: 45,
      maxRideFactor: 1.8,
      travelBufferMinutes: 15,
      slotStepMinutes: 15,
      earliestStart: '09:00',
      latestEnd: '16:00',
    },
    programme: {
      name: 'Powervrouwen',
      startDate: '2027-01-11',
      sessionsPerGroup: 20,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 150,
      groups,
    },
  };
}
