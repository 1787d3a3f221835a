import {
  allocateCare,
  AllocationRules,
  bandOf,
  CareBooking,
  CareProviderInput,
  careWindow,
  freePlace,
  holdPlace,
  isOpen,
  reasonUnmet,
  UnmetNeed,
} from './allocate';
import { CareLedger } from './care-ledger';
import { CareNeed, CareSession } from './need';

/** A booking as it stands: requested of the provider, or confirmed by it. */
export interface CurrentBooking extends CareBooking {
  id: string;
  status: 'requested' | 'confirmed';
}

export type CancelReason = 'no longer needed' | 'provider no longer fits' | 'no place at the new time';

export interface CareReplan {
  /** Bookings that stay, with the times they now need (`moved` when those changed). */
  kept: (CurrentBooking & { moved: boolean })[];
  cancelled: { id: string; reason: CancelReason }[];
  booked: CareBooking[];
  unmet: UnmetNeed[];
}

const needKey = (need: { childId: string; sessionId: string }) => `${need.childId}|${need.sessionId}`;

/**
 * Plans care again over bookings that exist: a booking stays (moved to the session's new times if it moved) as
 * long as her need stays and the provider still takes her then, confirmed bookings first; the others are
 * cancelled with the reason, and every need without a booking is allocated as new. The same child thus keeps her
 * provider, and a coordinator's confirmation survives a re-plan that does not touch it.
 */
export function replanCare(
  needs: CareNeed[],
  sessions: CareSession[],
  providers: CareProviderInput[],
  rules: AllocationRules,
  current: CurrentBooking[],
): CareReplan {
  const needByKey = new Map(needs.map((need) => [needKey(need), need]));
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const providerById = new Map(providers.map((provider) => [provider.id, provider]));
  const ledger = new CareLedger();
  const kept: CareReplan['kept'] = [];
  const cancelled: CareReplan['cancelled'] = [];

  const ordered = [...current].sort(
    (a, b) =>
      (a.status === 'confirmed' ? 0 : 1) - (b.status === 'confirmed' ? 0 : 1) ||
      a.date.localeCompare(b.date) ||
      a.from - b.from ||
      a.id.localeCompare(b.id),
  );
  for (const booking of ordered) {
    const need = needByKey.get(needKey(booking));
    const session = sessionById.get(booking.sessionId);
    if (!need || !session || kept.some((other) => needKey(other) === needKey(booking))) {
      cancelled.push({ id: booking.id, reason: 'no longer needed' });
      continue;
    }
    const provider = providerById.get(booking.providerId);
    const band = provider ? bandOf(provider, need.ageMonths) : -1;
    const { from, to } = provider ? careWindow(provider, session, rules) : { from: 0, to: 0 };
    if (!provider || band < 0 || !isOpen(provider, session.weekday, from, to)) {
      cancelled.push({ id: booking.id, reason: 'provider no longer fits' });
      continue;
    }
    const moved = { ...booking, band, date: session.date, from, to };
    if (!ledger.fits(provider.id, band, session.date, from, to, provider.places[band].capacity)) {
      cancelled.push({ id: booking.id, reason: 'no place at the new time' });
      continue;
    }
    holdPlace(ledger, moved);
    kept.push({
      ...moved,
      moved: from !== booking.from || to !== booking.to || session.date !== booking.date,
    });
  }

  const keptKeys = new Set(kept.map(needKey));
  const open = needs.filter((need) => !keptKeys.has(needKey(need)));
  const { bookings, unmet } = allocateCare(open, sessions, providers, rules, kept);
  return { kept, cancelled, booked: bookings, unmet };
}

/**
 * The needs no booking covers yet, each with why: what would stop a booking now, or `not booked yet` when a
 * place is free (a child added since the last planning run; the next run books her).
 */
export function openNeeds(
  needs: CareNeed[],
  sessions: CareSession[],
  providers: CareProviderInput[],
  rules: AllocationRules,
  active: CareBooking[],
): UnmetNeed[] {
  const booked = new Set(active.map(needKey));
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const ledger = new CareLedger();
  active.forEach((booking) => holdPlace(ledger, booking));
  const window = (provider: CareProviderInput, session: CareSession) => careWindow(provider, session, rules);
  return needs
    .filter((need) => !booked.has(needKey(need)) && sessionById.has(need.sessionId))
    .map((need) => {
      const session = sessionById.get(need.sessionId)!;
      const free = providers.some((provider) => freePlace(need, session, provider, rules, ledger));
      return {
        childId: need.childId,
        participantId: need.participantId,
        sessionId: need.sessionId,
        reason: free ? 'not booked yet' : reasonUnmet(need, session, providers, rules, window),
      };
    });
}
