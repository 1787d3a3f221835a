/**
 * A small region in the trefpunt-scenario/1 format: one municipality, one location, one trainer and one group of
 * all its participants. For e2e tests that need every booking, ride and message to be foreseeable; each test
 * says only what matters to it (its women, vehicles, childcare, school hours).
 */
export const weekdays = (from: string, to: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from, to }));
export const everyDay = (from: string, to: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from, to }));

/** The location every village has: its id is `buurthuis`, at 52.1, 6.5. */
export const VILLAGE_LOCATION = { lat: 52.1, lon: 6.5 };

export interface Villager {
  id: string;
  name?: string;
  address?: string;
  position?: { lat: number; lon: number };
  phone?: string;
  email?: string;
  language?: string;
  reminderChannel?: 'sms' | 'whatsapp' | 'email';
  transport?: 'pickup' | 'public' | 'bike' | 'own';
  children?: { id: string; birthDate: string; careByPartner: boolean }[];
}

export interface VillageOptions {
  region: string;
  participants: Villager[];
  /** The opening hours of the location and the trainer's availability (default: every day 08:00–18:00). */
  hours?: { weekday: number; from: string; to: string }[];
  vehicles?: object[];
  childcareProviders?: object[];
  schoolHours?: { weekday: number; from: string; to: string }[];
  startDate?: string;
  sessionsPerGroup?: number;
  groupName?: string;
}

export function village(options: VillageOptions) {
  const hours = options.hours ?? everyDay('08:00', '18:00');
  return {
    format: 'trefpunt-scenario/1',
    region: options.region,
    name: options.region,
    timezone: 'Europe/Amsterdam',
    municipalities: [{ id: 'gem', name: `Gemeente ${options.region}` }],
    locations: [
      {
        id: 'buurthuis',
        name: 'Buurthuis De Ster',
        municipalityId: 'gem',
        address: 'Dorpsstraat 1',
        position: VILLAGE_LOCATION,
        openingHours: hours,
        rooms: 1,
      },
    ],
    languageProviders: [],
    participants: options.participants.map((person, index) => ({
      name: `Moeder${index + 1} Test`,
      municipalityId: 'gem',
      address: `Kerkstraat ${index + 1}`,
      position: { lat: 52.101 + index * 0.001, lon: 6.5 },
      phone: `+316${12345600 + index}`,
      language: 'ar',
      interpreterNeeded: false,
      reminderChannel: 'sms',
      transport: 'own',
      children: [],
      lessons: [],
      appointments: [],
      ...person,
    })),
    trainers: [{ id: 'tr', name: 'Trainer', availability: hours }],
    interpreters: [],
    vehicles: options.vehicles ?? [],
    childcareProviders: options.childcareProviders ?? [],
    schoolHours: options.schoolHours ?? [],
    closedDates: [],
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
      startDate: options.startDate ?? '2027-01-11',
      sessionsPerGroup: options.sessionsPerGroup ?? 1,
      sessionsPerWeek: 1,
      intervalWeeks: 1,
      durationMinutes: 150,
      groups: [
        {
          id: 'g',
          name: options.groupName ?? 'Groep',
          locationId: 'buurthuis',
          participantIds: options.participants.map((person) => person.id),
          trainerIds: ['tr'],
          interpreterLanguages: [],
        },
      ],
    },
  };
}

/** A minibus that waits at a depot near the village, available every day 07:30–18:00. */
export const minibus = (id: string, seats = 8, childSeats = 2, depot = { lat: 52.11, lon: 6.51 }) => ({
  id,
  name: id === 'bus' ? 'Naoberbus' : id,
  kind: 'minibus',
  seats,
  childSeats,
  depot,
  availability: everyDay('07:30', '18:00'),
  volunteerDriven: true,
});
