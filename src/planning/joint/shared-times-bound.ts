import { LinearProgram } from '../linear-program';
import { PlanningInput } from '../scheduling/model';
import { SlotOption } from '../scheduling/slot-options';
import { toMinutes } from '../time/calendar';

/** What a group's weekly time asks of the care places, over the programme's dates. */
export interface OptionCare {
  /** Member-sessions of the women free then who need no care place (nor could have none). */
  withoutCare: number;
  /**
   * Mother-sessions of the mothers free then whose children could all have a place, by how many need one and,
   * where one provider alone could take them, which.
   */
  mothers: { children: number; onlyProvider?: string; sessions: number }[];
}

export interface TimesGroup {
  /** What each weekly time is worth to the group alone (its own lessons, care places and the fleet counted). */
  worth: Map<SlotOption, number>;
  /** The care each weekly time asks; a time without it is bounded by its worth alone. */
  care: Map<SlotOption, OptionCare>;
  /** The groups that reach the same care providers share one component; its places per weekday. */
  component: number;
}

/**
 * The groups' worth when the trainers, rooms, interpreters and care places are shared at once, as a linear
 * programme: each group takes at most one weekly time (a fraction of several, in the relaxation); at each moment
 * of the week, a step apart, a trainer who alone can lead a time leads one group, a location holds its rooms, with
 * `interpreted` a language's groups have its interpreters available then, one each; and the children of the
 * mothers who come, each at least as many as surely need a place then, fit in the places their component has
 * open that weekday, on every date, and those whom one provider alone can take in its places (sets of several
 * providers would count a little more: 5 on the 1000 region, for 350 000 more terms). Two sessions that
 * overlap hold some moment together, as their later start is on the step. Every plan is a solution of it (each
 * choice whole), so its optimum is no less than any plan's worth (see withOptimum). Undefined where a group meets
 * more than once a week.
 */
export function sharingTimes(
  planning: PlanningInput,
  groups: TimesGroup[],
  placesOn: (component: number, weekday: number) => number,
  interpreted: boolean,
  placesOf: (providerId: string, weekday: number) => number,
): LinearProgram | undefined {
  if (planning.programme.sessionsPerWeek !== 1) return undefined;
  const options = groups.flatMap((group) => [...group.worth.keys()]);
  const earliest = toMinutes(planning.policy.earliestStart);
  const step = planning.policy.slotStepMinutes;
  // The moments, a step apart from the earliest start, that a session holds its trainer, room and care.
  const momentsOf = ({ slot }: SlotOption) => {
    const moments: string[] = [];
    const first = earliest + Math.ceil((slot.start - earliest) / step) * step;
    for (let minute = first; minute < slot.end; minute += step) moments.push(`${slot.weekday}@${minute}`);
    return moments;
  };
  // All sessions of a weekday fall on the dates some option of that weekday has.
  const datesOn = new Map<number, Set<string>>();
  for (const { slot, dates } of options)
    for (const { date } of dates)
      datesOn.set(slot.weekday, (datesOn.get(slot.weekday) ?? new Set()).add(date));
  const program: LinearProgram = { objective: [], constraints: [] };
  const sums = new Map<string, { terms: [string, number][]; atMost: number }>();
  const addTo = (key: string, atMost: number, term: [string, number]) => {
    let sum = sums.get(key);
    if (!sum) sums.set(key, (sum = { terms: [], atMost }));
    sum.terms.push(term);
  };
  const rooms = new Map(planning.locations.map((location) => [location.id, location.rooms]));
  const languageGroups = planning.groups.map((group) => (interpreted ? group.interpreterLanguages : []));
  const interpretersIn = new Map<string, Set<string>>();
  groups.forEach(({ worth, care, component }, g) => {
    const chosen: [string, number][] = [];
    let index = 0;
    for (const [option, value] of worth) {
      const x = `x${g}_${index}`;
      index++;
      chosen.push([x, 1]);
      const moments = momentsOf(option);
      const locationId = planning.groups[g].locationId;
      for (const moment of moments) {
        if (option.trainerIds.length === 1) addTo(`trainer ${option.trainerIds[0]}|${moment}`, 1, [x, 1]);
        addTo(`room ${locationId}|${moment}`, rooms.get(locationId) ?? 1, [x, 1]);
        for (const language of languageGroups[g]) {
          // The interpreters of a language available at a moment: its groups meeting then have one each.
          const key = `language ${language}|${moment}`;
          addTo(key, 0, [x, 1]);
          const available = interpretersIn.get(key) ?? new Set<string>();
          for (const id of option.interpreters.get(language) ?? []) available.add(id);
          interpretersIn.set(key, available);
        }
      }
      const asked = care.get(option);
      if (!asked) {
        program.objective.push([x, value]);
        continue;
      }
      // Worth: the women who need no place, then the mothers who have one, never more than the time's worth.
      const certain = Math.min(asked.withoutCare, value);
      program.objective.push([x, certain]);
      const worth: [string, number][] = [[x, certain - value]];
      asked.mothers.forEach(({ children, onlyProvider, sessions }, k) => {
        const n = `n${g}_${index - 1}_${k}`;
        program.objective.push([n, 1]);
        worth.push([n, 1]);
        program.constraints.push({
          terms: [
            [n, 1],
            [x, -sessions],
          ],
          atMost: 0,
        });
        const dates = datesOn.get(option.slot.weekday)?.size ?? 0;
        const places = placesOn(component, option.slot.weekday) * dates;
        // Finer than the component's pool, which one member living near another provider joins to it.
        const own = onlyProvider !== undefined ? placesOf(onlyProvider, option.slot.weekday) * dates : 0;
        for (const moment of moments) {
          addTo(`care ${component}|${moment}`, places, [n, children]);
          if (onlyProvider !== undefined) addTo(`care at ${onlyProvider}|${moment}`, own, [n, children]);
        }
      });
      program.constraints.push({ terms: worth, atMost: 0 });
    }
    program.constraints.push({ terms: chosen, atMost: 1 });
  });
  // A language's groups at a moment: no more than its interpreters available then.
  for (const [key, interpreters] of interpretersIn) {
    const sum = sums.get(key);
    if (sum) sum.atMost = interpreters.size;
  }
  program.constraints.push(...sums.values());
  return program;
}

/**
 * The bound of the counts apart, and of the linear program where its optimum is known: the least of them. The
 * optimum of whole counts is whole, so what the solver's tolerance adds above a whole number is not worth.
 */
export const withOptimum = (apart: number, optimum: number | undefined): number =>
  optimum === undefined ? apart : Math.min(apart, Math.floor(optimum + 1e-6));
