import {
  AllocationRules,
  CareBooking,
  bookFirstFree,
  bookTogether,
  CareProviderInput,
  holdPlace,
  releasePlace,
} from './allocate';
import { CareLedger } from './care-ledger';
import { CareNeed, CareSession } from './need';

/** A child on the waiting list of one session, with what orders her there. */
export interface WaitingChild {
  childId: string;
  childRef: string;
  participantId: string;
  participantRef: string;
  sessionId: string;
  /** The session's start, an ISO instant: of one mother's waits recorded together, the earlier session first. */
  sessionStart: string;
  /** When she started waiting, an ISO instant. */
  since: string;
}

/** A mother's waiting children of one session: they get places together or not at all. */
export interface WaitingFamily {
  participantId: string;
  sessionId: string;
  since: string;
  children: WaitingChild[];
}

/**
 * The waiting families in turn: who has waited longest first (the earliest of her children), then by the
 * mother's ref and the session's start; her children by their refs. Never by database ids.
 */
export function waitingOrder(waiting: WaitingChild[]): WaitingFamily[] {
  const families = new Map<string, WaitingChild[]>();
  for (const child of waiting) {
    const key = `${child.sessionId}|${child.participantId}`;
    families.set(key, [...(families.get(key) ?? []), child]);
  }
  const earliest = (children: WaitingChild[]) =>
    children.reduce(
      (first, child) => (Date.parse(child.since) < Date.parse(first) ? child.since : first),
      children[0].since,
    );
  return [...families.values()]
    .map((children) => ({
      participantId: children[0].participantId,
      sessionId: children[0].sessionId,
      since: earliest(children),
      children: [...children].sort((a, b) => a.childRef.localeCompare(b.childRef)),
    }))
    .sort(
      (a, b) =>
        Date.parse(a.since) - Date.parse(b.since) ||
        a.children[0].participantRef.localeCompare(b.children[0].participantRef) ||
        Date.parse(a.children[0].sessionStart) - Date.parse(b.children[0].sessionStart) ||
        a.children[0].childRef.localeCompare(b.children[0].childRef),
    );
}

export interface WaitingPlaced {
  /** New bookings, for the families that got places. */
  booked: CareBooking[];
  /** The families that got places, in turn. */
  placed: WaitingFamily[];
  /** Children who wait no more without a place: no need any longer (her mother will not come), or booked already. */
  gone: WaitingChild[];
  /** Children still waiting. */
  waiting: WaitingChild[];
}

const key = (need: { childId: string; sessionId: string }) => `${need.childId}|${need.sessionId}`;

/**
 * Gives the places free now to the waiting families in turn: each family whose children all find a place (at
 * one provider where one takes them all, as planning does, else each where she fits) is booked, the next family
 * is judged with those places taken. A family that does not fit keeps its turn and waits; one behind it that
 * fits is booked rather than leave a place empty. Places as planning counts them: a provider that takes her age,
 * is open for the whole time, near enough, with a place in her band at every moment.
 */
export function placeWaiting(
  families: WaitingFamily[],
  needs: CareNeed[],
  sessions: CareSession[],
  providers: CareProviderInput[],
  rules: AllocationRules,
  /** Every booking that holds a place on the sessions' dates at these providers, of any session. */
  active: CareBooking[],
): WaitingPlaced {
  const needOf = new Map(needs.map((need) => [key(need), need]));
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const bookedAlready = new Set(active.map(key));
  const ledger = new CareLedger();
  active.forEach((booking) => holdPlace(ledger, booking));
  /** All of them, or none (what was held for some is given back). */
  const allOrNone = (attempt: (CareBooking | undefined)[]) => {
    if (attempt.every((booking) => booking)) return attempt as CareBooking[];
    attempt.forEach((booking) => booking && releasePlace(ledger, booking));
    return undefined;
  };

  const result: WaitingPlaced = { booked: [], placed: [], gone: [], waiting: [] };
  for (const family of families) {
    const session = sessionById.get(family.sessionId);
    const still = family.children.filter(
      (child) => session && needOf.has(key(child)) && !bookedAlready.has(key(child)),
    );
    result.gone.push(...family.children.filter((child) => !still.includes(child)));
    if (!session || still.length === 0) continue;
    const needs = still.map((child) => needOf.get(key(child))!);
    const booked =
      bookTogether(needs, session, providers, rules, ledger) ??
      allOrNone(needs.map((need) => bookFirstFree(need, session, providers, rules, ledger)));
    if (booked) {
      result.booked.push(...booked);
      result.placed.push({ ...family, children: still });
    } else {
      result.waiting.push(...still);
    }
  }
  return result;
}
