/** The driver's page in Dutch (the volunteers' language) and English. */
export interface DriverTexts {
  title: string;
  hello: (name: string) => string;
  today: string;
  tomorrow: string;
  none: string;
  to: (location: string) => string;
  from: (location: string) => string;
  leave: (time: string) => string;
  arrive: (time: string) => string;
  navigateRoute: string;
  call: (name: string) => string;
  navigate: string;
  children: (count: number) => string;
  pickedUp: string;
  noShow: string;
  markedPickedUp: string;
  markedNoShow: string;
  waiting: (count: number) => string;
  offline: string;
  loading: string;
  failed: string;
  badLink: string;
}

const nl: DriverTexts = {
  title: 'Mijn ritten',
  hello: (name) => `Ritten van ${name}`,
  today: 'Vandaag',
  tomorrow: 'Morgen',
  none: 'Geen ritten.',
  to: (location) => `Ophalen, naar ${location}`,
  from: (location) => `Thuisbrengen, vanaf ${location}`,
  leave: (time) => `Vertrek ${time}`,
  arrive: (time) => `aankomst ${time}`,
  navigateRoute: 'Navigeer de hele route',
  call: (name) => `Bel ${name}`,
  navigate: 'Navigeer',
  children: (count) =>
    `${count} ${count === 1 ? 'kind' : 'kinderen'}, ${count} ${count === 1 ? 'kinderzitje' : 'kinderzitjes'}`,
  pickedUp: 'Opgehaald',
  noShow: 'Niet gekomen',
  markedPickedUp: 'opgehaald',
  markedNoShow: 'niet gekomen',
  waiting: (count) =>
    `${count} ${count === 1 ? 'melding wacht' : 'meldingen wachten'} op verbinding; ze gaan vanzelf.`,
  offline: 'Geen verbinding.',
  loading: 'Even wachten…',
  failed: 'Je ritten konden niet worden geladen. Probeer het zo opnieuw.',
  badLink: 'Deze link werkt niet meer. Vraag je coördinator om een nieuwe link.',
};

const en: DriverTexts = {
  title: 'My rides',
  hello: (name) => `Rides of ${name}`,
  today: 'Today',
  tomorrow: 'Tomorrow',
  none: 'No rides.',
  to: (location) => `Pick up, to ${location}`,
  from: (location) => `Take home, from ${location}`,
  leave: (time) => `Leave ${time}`,
  arrive: (time) => `arrive ${time}`,
  navigateRoute: 'Navigate the whole route',
  call: (name) => `Call ${name}`,
  navigate: 'Navigate',
  children: (count) =>
    `${count} ${count === 1 ? 'child' : 'children'}, ${count} child ${count === 1 ? 'seat' : 'seats'}`,
  pickedUp: 'Picked up',
  noShow: 'Not there',
  markedPickedUp: 'picked up',
  markedNoShow: 'not there',
  waiting: (count) =>
    `${count} ${count === 1 ? 'tap waits' : 'taps wait'} for a connection; they are sent by themselves.`,
  offline: 'No connection.',
  loading: 'One moment…',
  failed: 'Your rides could not be loaded. Please try again shortly.',
  badLink: 'This link no longer works. Ask your coordinator for a new link.',
};

/** English when the phone asks for it first, Dutch otherwise. */
export const driverTexts = (): { texts: DriverTexts; language: string } =>
  navigator.language.startsWith('en') ? { texts: en, language: 'en' } : { texts: nl, language: 'nl' };
