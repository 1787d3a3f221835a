import { plainToInstance } from 'class-transformer';
import { ScenarioDto } from './dto/scenario.dto';
import { checkScenarioReferences } from './scenario-rules';

const window = { weekday: 1, from: '09:00', to: '17:00' };
const base = () => ({
  timezone: 'Europe/Amsterdam',
  municipalities: [{ id: 'm1', name: 'M' }],
  locations: [{ id: 'l1', municipalityId: 'm1', openingHours: [window] }],
  languageProviders: [{ id: 'tp1' }],
  participants: [
    {
      id: 'p1',
      municipalityId: 'm1',
      reminderChannel: 'sms',
      children: [{ id: 'c1' }],
      lessons: [{ providerId: 'tp1' }],
      appointments: [{ date: '2027-01-01', from: '10:00', to: '11:00' }],
    },
  ],
  trainers: [{ id: 't1' }],
  interpreters: [],
  vehicles: [{ id: 'v1', seats: 4, childSeats: 2 }],
  childcareProviders: [
    { id: 'k1', kind: 'volunteer', locationId: 'l1', places: [{ minAgeMonths: 0, maxAgeMonths: 48 }] },
  ],
  programme: { groups: [{ id: 'g1', locationId: 'l1', participantIds: ['p1'], trainerIds: ['t1'] }] },
});
const check = (document: object) => checkScenarioReferences(plainToInstance(ScenarioDto, document));

describe('checkScenarioReferences', () => {
  it('finds nothing wrong in a consistent region', () => {
    expect(check(base())).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    [
      'a duplicate participant id',
      (d: any) => d.participants.push({ ...d.participants[0], children: [] }),
      'participants[1].id: "p1" is already used by participants[0]',
    ],
    [
      'a child id used twice',
      (d: any) => d.participants[0].children.push({ id: 'c1' }),
      'participants[0].children[1].id: "c1" is already used by participants[0].children[0]',
    ],
    [
      'an unknown provider',
      (d: any) => (d.participants[0].lessons[0].providerId = 'nope'),
      'participants[0].lessons[0].providerId: unknown language provider "nope"',
    ],
    [
      'an unknown municipality',
      (d: any) => (d.locations[0].municipalityId = 'x'),
      'locations[0].municipalityId: unknown municipality "x"',
    ],
    [
      'volunteer care without a location',
      (d: any) => delete d.childcareProviders[0].locationId,
      'childcareProviders[0].locationId: volunteer childcare needs the location where it is given',
    ],
    [
      'an age band upside down',
      (d: any) => (d.childcareProviders[0].places[0] = { minAgeMonths: 48, maxAgeMonths: 12 }),
      'childcareProviders[0].places[0].maxAgeMonths: 12 is below minAgeMonths 48',
    ],
    [
      'age bands that overlap',
      (d: any) => d.childcareProviders[0].places.push({ minAgeMonths: 36, maxAgeMonths: 71 }),
      "childcareProviders[0].places[1].minAgeMonths: its ages overlap childcareProviders[0].places[0]; a child's age must be in one band",
    ],
    [
      'a lesson in the hour skipped in spring',
      (d: any) =>
        (d.participants[0].lessons[0] = {
          providerId: 'tp1',
          weekday: 7,
          from: '01:30',
          to: '02:30',
          validFrom: '2027-01-04',
          validTo: '2027-07-09',
        }),
      'participants[0].lessons[0].to: 02:30 does not exist on 2027-03-28 in Europe/Amsterdam (the clocks go forward then); choose a time outside the hour that is skipped',
    ],
    [
      'an appointment in the hour skipped in spring',
      (d: any) => (d.participants[0].appointments[0] = { date: '2027-03-28', from: '02:00', to: '04:00' }),
      'participants[0].appointments[0].from: 02:00 does not exist on 2027-03-28 in Europe/Amsterdam (the clocks go forward then); choose a time outside the hour that is skipped',
    ],
    [
      'more child seats than seats',
      (d: any) => (d.vehicles[0].childSeats = 5),
      'vehicles[0].childSeats: 5 is more than its 4 seats',
    ],
    [
      'an unknown group member',
      (d: any) => d.programme.groups[0].participantIds.push('p9'),
      'programme.groups[0].participantIds[1]: unknown participant "p9"',
    ],
    [
      'a member listed twice',
      (d: any) => d.programme.groups[0].participantIds.push('p1'),
      'programme.groups[0].participantIds[1]: "p1" is listed twice',
    ],
    [
      'an unknown trainer',
      (d: any) => (d.programme.groups[0].trainerIds = ['t9']),
      'programme.groups[0].trainerIds[0]: unknown trainer "t9"',
    ],
  ])('reports %s with its path', (_, change, message) => {
    const document = base();
    change(document);
    expect(check(document).errors).toEqual([message]);
  });

  it.each([
    [
      'an outing in a version 1 document',
      { format: 'trefpunt-scenario/1' },
      [],
      'programme.outings: needs "format": "trefpunt-scenario/2"',
    ],
    [
      'an outing of an unknown group',
      {},
      [{ group: 'g9' }],
      'programme.outings[0].group: unknown group "g9"',
    ],
    [
      'a tour that leaves its first place after reaching the second',
      {},
      [{ places: [{ leave: '11:00' }, { arrive: '10:30' }] }],
      'programme.outings[0].places[1].arrive: 10:30 comes before places[0].leave',
    ],
    [
      'two outings of a group on one date',
      {},
      [{}, {}],
      'programme.outings[1].date: group "g1" already has outings[0] that day',
    ],
  ])('refuses %s with its path', (_, top, outings, message) => {
    const place = { name: 'Bibliotheek', address: 'Dorpsstraat 2', position: { lat: 52, lon: 6 } };
    const document: any = { ...base(), ...top };
    document.programme.outings = (outings.length ? outings : [{}]).map((outing: object) => ({
      group: 'g1',
      date: '2027-03-01',
      places: [place],
      ...outing,
    }));
    expect(check(document).errors).toEqual([message]);
  });

  it('warns, without failing, about an appointment that ends before it starts and a missing e-mail address', () => {
    const document = base();
    document.participants[0].appointments.push({ date: '2027-01-02', from: '15:00', to: '12:00' });
    document.participants[0].reminderChannel = 'email';
    const findings = check(document);
    expect(findings.errors).toEqual([]);
    expect(findings.warnings).toEqual([
      'participants[0].appointments[1]: left out, it does not end (12:00) after it starts (15:00) on 2027-01-02',
      'participants[0].email: missing, but her reminder channel is email: she gets no reminders until it is added',
    ]);
  });
});
