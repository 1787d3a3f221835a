import { ScenarioDto } from './dto/scenario.dto';

/** Reports how far an import got: a fraction from 0 to 1 and the step it is in. */
export type ImportProgress = (fraction: number, step: string) => void;

export type ImportStep =
  | 'region and locations'
  | 'participants'
  | 'children'
  | 'lessons'
  | 'appointments'
  | 'staff'
  | 'vehicles'
  | 'childcare'
  | 'programme and groups'
  | 'conflicts';

/**
 * The steps of storing a scenario, each weighed by the rows it writes, so that the fraction (and the time left
 * a progress bar or a job derives from it) follows the work rather than the count of steps.
 */
export function importSteps(scenario: ScenarioDto, progress?: ImportProgress): (step: ImportStep) => void {
  const participants = scenario.participants;
  const sum = (count: (participant: ScenarioDto['participants'][number]) => number) =>
    participants.reduce((total, participant) => total + count(participant), 0);
  const weights: Record<ImportStep, number> = {
    'region and locations':
      1 + scenario.municipalities.length + scenario.locations.length + scenario.languageProviders.length,
    participants: participants.length,
    children: sum((participant) => participant.children.length),
    lessons: sum((participant) => participant.lessons.length),
    appointments: sum((participant) => participant.appointments.length),
    staff: scenario.trainers.length + scenario.interpreters.length,
    vehicles: scenario.vehicles.length,
    childcare: scenario.childcareProviders.length,
    'programme and groups': (scenario.programme?.groups ?? []).reduce(
      (total, group) => total + 1 + group.participantIds.length,
      1,
    ),
    // Finding the members' conflicts again reads every lesson and appointment.
    conflicts: participants.length,
  };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const before = new Map<ImportStep, number>();
  let done = 0;
  for (const [step, weight] of Object.entries(weights) as [ImportStep, number][]) {
    before.set(step, done / total);
    done += weight;
  }
  return (step) => progress?.(before.get(step)!, step);
}
