import { OnlineRange, rangesClash } from '../../planning/scheduling/online-periods';
import { outingTimesProblem } from '../../planning/scheduling/outing-times';
import { overlappingBand } from '../../planning/childcare/age-bands';
import { describeSkippedTime, skippedTimeOn, skippedWeeklyTime } from '../../planning/time/skipped-times';
import { phaseProblems } from '../programmes/programme-phase';
import { SCENARIO_FORMAT, ScenarioDto } from './dto/scenario.dto';
import { closingTalksFindings } from './scenario-closing-talks-rules';
import { ScenarioAppointmentDto } from './dto/scenario-participant.dto';

export interface ScenarioFindings {
  /** Problems that stop the import, each starting with its JSON path. */
  errors: string[];
  /** Points the coordinator should know of; the import goes on. */
  warnings: string[];
}

/** An appointment that ends after it starts; others are left out of the import with a warning. */
export const isUsableAppointment = (appointment: ScenarioAppointmentDto) => appointment.to > appointment.from;

/**
 * The rules between the parts of a scenario that its shape cannot say: ids unique within their list,
 * every reference pointing at an existing id, volunteer childcare at a location, age bands that do not overlap,
 * and wall-clock times that exist on their dates in the region's zone.
 */
export function checkScenarioReferences(scenario: ScenarioDto): ScenarioFindings {
  const errors: string[] = [];
  const warnings: string[] = [];

  const idsOf = (list: { id: string }[], path: string): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined)
        errors.push(`${path}[${index}].id: "${item.id}" is already used by ${path}[${first}]`);
      else seen.set(item.id, index);
    });
    return new Set(seen.keys());
  };
  const expect = (ids: Set<string>, id: string, path: string, what: string) => {
    if (!ids.has(id)) errors.push(`${path}: unknown ${what} "${id}"`);
  };

  const municipalities = idsOf(scenario.municipalities, 'municipalities');
  const locations = idsOf(scenario.locations, 'locations');
  const providers = idsOf(scenario.languageProviders, 'languageProviders');
  const participants = idsOf(scenario.participants, 'participants');
  const trainers = idsOf(scenario.trainers, 'trainers');
  idsOf(scenario.interpreters, 'interpreters');
  idsOf(scenario.staff ?? [], 'staff');
  if (scenario.staff !== undefined && scenario.format === SCENARIO_FORMAT)
    errors.push('staff: needs "format": "trefpunt-scenario/2"');
  if (scenario.format === SCENARIO_FORMAT)
    scenario.participants.forEach((participant, p) => {
      if (participant.readyFrom !== undefined)
        errors.push(`participants[${p}].readyFrom: needs "format": "trefpunt-scenario/2"`);
    });
  idsOf(scenario.vehicles, 'vehicles');
  idsOf(scenario.childcareProviders, 'childcareProviders');

  scenario.locations.forEach((location, index) =>
    expect(municipalities, location.municipalityId, `locations[${index}].municipalityId`, 'municipality'),
  );

  const children = new Map<string, string>();
  scenario.participants.forEach((participant, p) => {
    const path = `participants[${p}]`;
    expect(municipalities, participant.municipalityId, `${path}.municipalityId`, 'municipality');
    participant.lessons.forEach((lesson, l) => {
      expect(providers, lesson.providerId, `${path}.lessons[${l}].providerId`, 'language provider');
      const skipped = skippedWeeklyTime(
        lesson,
        { from: lesson.validFrom, to: lesson.validTo },
        scenario.timezone,
      );
      if (skipped)
        errors.push(
          describeSkippedTime(skipped, scenario.timezone, `${path}.lessons[${l}].${skipped.field}`),
        );
    });
    participant.children.forEach((child, c) => {
      const childPath = `${path}.children[${c}]`;
      const first = children.get(child.id);
      if (first) errors.push(`${childPath}.id: "${child.id}" is already used by ${first}`);
      else children.set(child.id, childPath);
    });
    participant.appointments.forEach((appointment, a) => {
      const skipped = skippedTimeOn(appointment.date, appointment, scenario.timezone);
      if (skipped)
        errors.push(
          describeSkippedTime(skipped, scenario.timezone, `${path}.appointments[${a}].${skipped.field}`),
        );
      else if (!isUsableAppointment(appointment)) {
        warnings.push(
          `${path}.appointments[${a}]: left out, it does not end (${appointment.to}) after it starts (${appointment.from}) on ${appointment.date}`,
        );
      }
    });
    if (participant.reminderChannel === 'email' && !participant.email) {
      warnings.push(
        `${path}.email: missing, but her reminder channel is email: she gets no reminders until it is added`,
      );
    }
  });

  scenario.childcareProviders.forEach((provider, index) => {
    const path = `childcareProviders[${index}]`;
    if (provider.locationId !== undefined)
      expect(locations, provider.locationId, `${path}.locationId`, 'location');
    else if (provider.kind === 'volunteer')
      errors.push(`${path}.locationId: volunteer childcare needs the location where it is given`);
    provider.places.forEach((band, b) => {
      if (band.maxAgeMonths < band.minAgeMonths) {
        errors.push(
          `${path}.places[${b}].maxAgeMonths: ${band.maxAgeMonths} is below minAgeMonths ${band.minAgeMonths}`,
        );
      }
    });
    const overlap = overlappingBand(provider.places);
    if (overlap)
      errors.push(
        `${path}.places[${overlap.index}].minAgeMonths: its ages overlap ${path}.places[${overlap.other}]; ` +
          "a child's age must be in one band",
      );
  });

  scenario.vehicles.forEach((vehicle, index) =>
    (vehicle.municipalityIds ?? []).forEach((id, m) =>
      expect(municipalities, id, `vehicles[${index}].municipalityIds[${m}]`, 'municipality'),
    ),
  );
  scenario.vehicles.forEach((vehicle, index) => {
    if (vehicle.childSeats > vehicle.seats) {
      errors.push(
        `vehicles[${index}].childSeats: ${vehicle.childSeats} is more than its ${vehicle.seats} seats`,
      );
    }
  });

  if (scenario.programme) {
    errors.push(...programmeSeriesProblems(scenario));
    if (scenario.format !== SCENARIO_FORMAT) {
      const closing = closingTalksFindings(scenario);
      errors.push(...closing.errors);
      warnings.push(...closing.warnings);
    }
    idsOf(scenario.programme.groups, 'programme.groups');
    const memberOf = new Map<string, string>();
    scenario.programme.groups.forEach((group, g) => {
      const path = `programme.groups[${g}]`;
      expect(locations, group.locationId, `${path}.locationId`, 'location');
      group.participantIds.forEach((id, i) => {
        expect(participants, id, `${path}.participantIds[${i}]`, 'participant');
        const other = memberOf.get(id);
        if (other === group.id) errors.push(`${path}.participantIds[${i}]: "${id}" is listed twice`);
        else if (other)
          warnings.push(`${path}.participantIds[${i}]: "${id}" is also a member of group "${other}"`);
        else memberOf.set(id, group.id);
      });
      group.trainerIds.forEach((id, i) => expect(trainers, id, `${path}.trainerIds[${i}]`, 'trainer'));
      if (group.trainerIds.length === 0)
        warnings.push(`${path}.trainerIds: empty, so no session of it can be planned`);
    });
  }
  return { errors, warnings };
}

/** Version 2's parts of a programme: only in version 2, phases that hold together, groups that follow others. */
function programmeSeriesProblems(scenario: ScenarioDto): string[] {
  const programme = scenario.programme!;
  const problems: string[] = [];
  const newer = (path: string) => problems.push(`${path}: needs "format": "trefpunt-scenario/2"`);
  if (scenario.format === SCENARIO_FORMAT) {
    if (programme.phases !== undefined) newer('programme.phases');
    if (programme.avoidReligiousPeriods !== undefined) newer('programme.avoidReligiousPeriods');
    if (programme.online !== undefined) newer('programme.online');
    if (programme.outings !== undefined) newer('programme.outings');
    if (programme.roles !== undefined) newer('programme.roles');
    if (programme.closingTalks !== undefined) newer('programme.closingTalks');
    programme.groups.forEach((group, g) => {
      if (group.startDate !== undefined) newer(`programme.groups[${g}].startDate`);
      if (group.after !== undefined) newer(`programme.groups[${g}].after`);
      if (group.rollingStart !== undefined) newer(`programme.groups[${g}].rollingStart`);
    });
    return problems;
  }
  if (programme.phases) {
    if (programme.phases.length === 0) problems.push('programme.phases: must hold a phase, or be left out');
    problems.push(...phaseProblems(programme.phases, programme.startDate, 'programme.phases'));
  }
  problems.push(...onlineProblems(programme));
  problems.push(...outingProblems(programme));
  const after = new Map(programme.groups.map((group) => [group.id, group.after]));
  programme.groups.forEach((group, g) => {
    if (group.after === undefined) return;
    const path = `programme.groups[${g}].after`;
    if (!after.has(group.after)) return problems.push(`${path}: unknown group "${group.after}"`);
    const seen = new Set([group.id]);
    for (let next: string | undefined = group.after; next !== undefined; next = after.get(next)) {
      if (seen.has(next))
        return problems.push(`${path}: "${group.after}" leads back to this group in a circle`);
      seen.add(next);
    }
  });
  return problems;
}

/**
 * Online ranges name a group of the programme and members of it (or of any group when they name none), and put
 * no member online twice on a date.
 */
function onlineProblems(programme: NonNullable<ScenarioDto['programme']>): string[] {
  const problems: string[] = [];
  const members = new Map(programme.groups.map((group) => [group.id, group.participantIds]));
  const ranges: OnlineRange[] = [];
  (programme.online ?? []).forEach((online, o) => {
    const path = `programme.online[${o}]`;
    if (online.group !== undefined && !members.has(online.group))
      return problems.push(`${path}.group: unknown group "${online.group}"`);
    const covered = online.group === undefined ? [...members.values()].flat() : members.get(online.group)!;
    const stray = (online.participantIds ?? []).findIndex((id) => !covered.includes(id));
    if (stray >= 0)
      return problems.push(
        `${path}.participantIds[${stray}]: "${online.participantIds![stray]}" is not a member of ${
          online.group === undefined ? 'a group of the programme' : `group "${online.group}"`
        }`,
      );
    const range: OnlineRange = {
      id: String(o),
      programmeId: 'programme',
      groupId: online.group ?? null,
      from: online.from,
      to: online.to,
      participantIds: online.participantIds ?? [],
      videoUrl: online.videoUrl,
      durationMinutes: online.durationMinutes,
    };
    const clash = ranges.find((other) =>
      rangesClash(range, other, (id) => members.get(id) ?? [], [...members.keys()]),
    );
    if (clash) problems.push(`${path}.from: puts members online that online[${clash.id}] already does then`);
    ranges.push(range);
  });
  return problems;
}

/**
 * Outings name a group of the programme, a date from its start on, at most one per group and date, and times in
 * the order of the tour. Whether they fit the session's times is known once it is planned (the plan says).
 */
function outingProblems(programme: NonNullable<ScenarioDto['programme']>): string[] {
  const problems: string[] = [];
  const groups = new Map(programme.groups.map((group) => [group.id, group]));
  const seen = new Map<string, number>();
  (programme.outings ?? []).forEach((outing, o) => {
    const path = `programme.outings[${o}]`;
    const group = groups.get(outing.group);
    if (!group) return problems.push(`${path}.group: unknown group "${outing.group}"`);
    const first = group.startDate ?? programme.startDate;
    if (outing.date < first)
      return problems.push(
        `${path}.date: ${outing.date} is before group "${outing.group}" starts (${first})`,
      );
    const key = `${outing.group}|${outing.date}`;
    if (seen.has(key))
      return problems.push(
        `${path}.date: group "${outing.group}" already has outings[${seen.get(key)}] that day`,
      );
    seen.set(key, o);
    const problem = outingTimesProblem(outing.places, 0, 24 * 60);
    if (problem) problems.push(`${path}.${problem}`);
  });
  return problems;
}
