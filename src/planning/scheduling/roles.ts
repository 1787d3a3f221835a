import { EXTRA_ROLES, ExtraRole, PhaseRules, ProgrammeRules, RoleHolder } from './model';
import { phasesOf } from './series';

/** The roles a phase's sessions need: its own, or else the programme's. */
export const phaseRoles = (programme: Pick<ProgrammeRules, 'roles'>, phase: PhaseRules | undefined) =>
  phase?.roles ?? programme.roles ?? [];

/**
 * The roles a group's weekly time must have people for: each as often as the phase that needs it most. The same
 * people stay with the group through its phases (as its trainer does), so they are booked for the whole series.
 */
export function rolesNeeded(programme: Parameters<typeof phasesOf>[0] & Pick<ProgrammeRules, 'roles'>) {
  const most = new Map<ExtraRole, number>();
  for (const phase of phasesOf(programme)) {
    const counts = countOf(phaseRoles(programme, phase));
    for (const [role, count] of counts) most.set(role, Math.max(most.get(role) ?? 0, count));
  }
  return EXTRA_ROLES.flatMap((role) => Array<ExtraRole>(most.get(role) ?? 0).fill(role));
}

function countOf(roles: ExtraRole[]): Map<ExtraRole, number> {
  const counts = new Map<ExtraRole, number>();
  for (const role of roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  return counts;
}

/** The roles among `needed` that `holders` leave unfilled, as often as they are short. */
export function rolesShort(needed: ExtraRole[], holders: RoleHolder[]): ExtraRole[] {
  const held = countOf(holders.map((holder) => holder.role));
  return needed.filter((role) => {
    const left = held.get(role) ?? 0;
    held.set(role, left - 1);
    return left <= 0;
  });
}

/**
 * The fewest interpreters who together speak every language that anyone free speaks, e.g. one who speaks Arabic
 * and Tigrinya rather than two. `candidates` lists, per language in the group's order, the people free then, best
 * first. Among sets of the same size, the one found first in that order wins, so that with interpreters of one
 * language each the choice is the first free interpreter of each language.
 */
export function fewestInterpreters(candidates: Map<string, string[]>): string[] {
  const languagesOf = new Map<string, Set<string>>();
  for (const [language, ids] of candidates)
    for (const id of ids) languagesOf.set(id, (languagesOf.get(id) ?? new Set()).add(language));
  const coverable = [...candidates].filter(([, ids]) => ids.length > 0).map(([language]) => language);
  const widest = Math.max(1, ...[...languagesOf.values()].map((spoken) => spoken.size));
  let best: string[] | undefined;
  // Depth-first over the first language not yet covered: every cover holds someone who speaks it. Bounded by the
  // best cover so far, which with interpreters of one language each ends the search at its first cover.
  const search = (chosen: string[], uncovered: string[]) => {
    if (best && chosen.length + Math.ceil(uncovered.length / widest) >= best.length) return;
    if (uncovered.length === 0) {
      best = [...chosen];
      return;
    }
    const [first] = uncovered;
    const ids = [...candidates.get(first)!].sort((a, b) => coverage(b, uncovered) - coverage(a, uncovered));
    for (const id of ids) {
      const spoken = languagesOf.get(id)!;
      search(
        [...chosen, id],
        uncovered.filter((language) => !spoken.has(language)),
      );
    }
  };
  const coverage = (id: string, uncovered: string[]) =>
    uncovered.filter((language) => languagesOf.get(id)!.has(language)).length;
  search([], coverable);
  return (best ?? []).sort();
}

/**
 * One person for each needed role, each person in one role: the most roles filled (a matching, so that someone
 * who can take two roles takes the one nobody else can). `candidates` lists, per role, the people free then, best
 * first; a person found earlier in that order is preferred.
 */
export function fillRoles(needed: ExtraRole[], candidates: Map<ExtraRole, string[]>): RoleHolder[] {
  const holderOf = new Map<string, number>();
  const seatOf: (string | undefined)[] = needed.map(() => undefined);
  const assign = (seat: number, seen: Set<string>): boolean => {
    for (const id of candidates.get(needed[seat]) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const other = holderOf.get(id);
      if (other === undefined || assign(other, seen)) {
        holderOf.set(id, seat);
        seatOf[seat] = id;
        return true;
      }
    }
    return false;
  };
  needed.forEach((_, seat) => assign(seat, new Set()));
  return needed.flatMap((role, seat) => (seatOf[seat] ? [{ role, staffId: seatOf[seat] }] : []));
}
