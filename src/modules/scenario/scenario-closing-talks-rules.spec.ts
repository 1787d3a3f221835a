import { plainToInstance } from 'class-transformer';
import { ScenarioDto } from './dto/scenario.dto';
import { closingTalksFindings } from './scenario-closing-talks-rules';

const base = (): any => ({
  format: 'trefpunt-scenario/2',
  locations: [{ id: 'l1' }, { id: 'office' }],
  staff: [
    { id: 's1', roles: ['jobcoach'] },
    { id: 's2', roles: ['co-trainer', 'case-manager'] },
  ],
  programme: { groups: [], closingTalks: { roles: ['jobcoach', 'case-manager'] } },
});
const check = (document: object) => closingTalksFindings(plainToInstance(ScenarioDto, document));

describe('closingTalksFindings', () => {
  it('finds nothing wrong with roles the staff hold, and nothing without closing talks', () => {
    expect(check(base())).toEqual({ errors: [], warnings: [] });
    const without = base();
    delete without.programme.closingTalks;
    expect(check(without)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    [
      'a role that is no talk role',
      (d: any) => (d.programme.closingTalks.roles = ['jobcoach', 'co-trainer']),
      'programme.closingTalks.roles[1]: "co-trainer" is no talk role (jobcoach, coach, language-buddy, case-manager)',
    ],
    [
      'a role listed twice',
      (d: any) => d.programme.closingTalks.roles.push('jobcoach'),
      'programme.closingTalks.roles[2]: "jobcoach" is already listed at programme.closingTalks.roles[0]',
    ],
    [
      'a role nobody in staff has',
      (d: any) => d.programme.closingTalks.roles.push('language-buddy'),
      'programme.closingTalks.roles[2]: no one in staff is a language-buddy',
    ],
    [
      'an office talk without its office',
      (d: any) => (d.programme.closingTalks.place = 'office'),
      'programme.closingTalks.locationId: an office talk needs one',
    ],
    [
      'a location for talks online',
      (d: any) => Object.assign(d.programme.closingTalks, { place: 'online', locationId: 'l1' }),
      'programme.closingTalks.locationId: only for talks at an office or a location',
    ],
    [
      'an unknown office',
      (d: any) => Object.assign(d.programme.closingTalks, { place: 'office', locationId: 'l9' }),
      'programme.closingTalks.locationId: unknown location "l9"',
    ],
  ])('refuses %s, naming its path', (_, change, message) => {
    const document = base();
    change(document);
    expect(check(document).errors).toEqual([message]);
  });

  it("warns, without failing, when the file has no staff: the region's own staff must hold the roles", () => {
    const document = base();
    delete document.staff;
    const findings = check(document);
    expect(findings.errors).toEqual([]);
    expect(findings.warnings).toEqual([
      "programme.closingTalks.roles[0]: the file has no staff; the region's staff must have a jobcoach when the programme is planned",
      "programme.closingTalks.roles[1]: the file has no staff; the region's staff must have a case-manager when the programme is planned",
    ]);
  });
});
