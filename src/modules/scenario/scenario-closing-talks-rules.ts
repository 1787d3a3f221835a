import { TALK_ROLES } from '../../planning/talks/model';
import { talkPlaceProblem } from '../../planning/talks/talk-place';
import type { ScenarioDto } from './dto/scenario.dto';
import type { ScenarioFindings } from './scenario-rules';

const PATH = 'programme.closingTalks';

/**
 * A version 2 programme's closing talks: talk roles, each once, each held by someone of the file's staff (or, in
 * a file without staff, by the region's staff when it is planned: a warning); an office, and only an office or
 * location, names a location of the file.
 */
export function closingTalksFindings(scenario: ScenarioDto): ScenarioFindings {
  const closing = scenario.programme?.closingTalks;
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!closing) return { errors, warnings };
  closing.roles.forEach((role, index) => {
    const path = `${PATH}.roles[${index}]`;
    if (!(TALK_ROLES as readonly string[]).includes(role))
      return errors.push(`${path}: "${role}" is no talk role (${TALK_ROLES.join(', ')})`);
    if (closing.roles.indexOf(role) !== index)
      return errors.push(
        `${path}: "${role}" is already listed at ${PATH}.roles[${closing.roles.indexOf(role)}]`,
      );
    if (scenario.staff === undefined)
      return warnings.push(
        `${path}: the file has no staff; the region's staff must have a ${role} when the programme is planned`,
      );
    if (!scenario.staff.some((member) => (member.roles as string[]).includes(role)))
      errors.push(`${path}: no one in staff is a ${role}`);
  });
  const problem = talkPlaceProblem(closing.place ?? 'location', closing.locationId);
  if (problem) {
    errors.push(`${PATH}.locationId: ${problem}`);
  } else if (
    closing.locationId !== undefined &&
    !scenario.locations.some((location) => location.id === closing.locationId)
  ) {
    errors.push(`${PATH}.locationId: unknown location "${closing.locationId}"`);
  }
  return { errors, warnings };
}
