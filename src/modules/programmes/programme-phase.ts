import { ExtraRole } from '../../planning/scheduling/model';

/** A phase of a programme as stored (jsonb): `sessions`, or an `endDate` until which it runs. */
export interface ProgrammePhase {
  sessions?: number;
  endDate?: string;
  sessionsPerWeek: number;
  intervalWeeks: number;
  durationMinutes: number;
  themes?: string[];
  /** The roles its sessions need; left out: the programme's. */
  roles?: ExtraRole[];
}

/**
 * What the fields of a programme's shape cannot say about its phases: each has `sessions` or an `endDate`,
 * not both; end dates come after the start and after each other. Each problem names its field.
 */
export function phaseProblems(phases: ProgrammePhase[], startDate: string, path = 'phases'): string[] {
  const problems: string[] = [];
  let previousEnd = startDate;
  phases.forEach((phase, index) => {
    const at = `${path}[${index}]`;
    if ((phase.sessions === undefined) === (phase.endDate === undefined))
      problems.push(`${at}.sessions: give either sessions or an endDate`);
    if (phase.endDate !== undefined) {
      if (phase.endDate < previousEnd)
        problems.push(
          `${at}.endDate: ${phase.endDate} is before ${index === 0 ? 'the start date' : 'the end of the phase before'} (${previousEnd})`,
        );
      else previousEnd = phase.endDate;
    }
  });
  return problems;
}

/**
 * The programme's own fields for a programme with phases: the most sessions a week and the longest session (the
 * weekly times are chosen for them), the first phase's interval, and its sessions counted (end-dated phases not).
 */
export function programmeTotals(phases: ProgrammePhase[]) {
  return {
    sessionsPerGroup: Math.max(
      1,
      phases.reduce((sum, phase) => sum + (phase.sessions ?? 0), 0),
    ),
    sessionsPerWeek: Math.max(...phases.map((phase) => phase.sessionsPerWeek)),
    intervalWeeks: phases[0].intervalWeeks,
    durationMinutes: Math.max(...phases.map((phase) => phase.durationMinutes)),
  };
}
