import { REASON_TEXTS } from '../reasons';
import { toMinutes } from '../time/calendar';
import { WeeklyWindow } from '../scheduling/model';
import { CareLedger } from './care-ledger';
import { CareNeed, CareSession } from './need';

export interface PlacesInput {
  minAgeMonths: number;
  maxAgeMonths: number;
  capacity: number;
}

export interface CareProviderInput {
  id: string;
  kind: 'formal' | 'volunteer';
  /** Volunteer care is given at a training location: children are there with their mothers. */
  locationId?: string;
  openingHours: WeeklyWindow[];
  places: PlacesInput[];
}

export interface AllocationRules {
  /** Minutes to bring a child from a provider to a location (and back); 0 at the location itself. */
  travelMinutes: (providerId: string, locationId: string) => number;
  /** Minutes from a provider to a mother's home; a provider near her home is on her way too. */
  homeTravelMinutes?: (providerId: string, participantId: string) => number;
  /** Care further than this from both the location and her home is too far for a mother to drop a child. */
  maxTravelMinutes: number;
  /** Each child's provider of earlier weeks, kept where possible. */
  usualProvider?: Map<string, string>;
}

export interface CareBooking {
  childId: string;
  participantId: string;
  sessionId: string;
  providerId: string;
  /** Index of the provider's age band the child takes a place in. */
  band: number;
  date: string;
  from: number;
  to: number;
}

/** Why a child has no place: texts from the list of reasons, so that each has a code. */
export type UnmetReason = (typeof REASON_TEXTS)[
  'no-provider-for-age' | 'care-closed' | 'care-too-far' | 'no-place-in-age-band' | 'not-booked-yet'];

export interface UnmetNeed {
  childId: string;
  participantId: string;
  sessionId: string;
  reason: UnmetReason;
}

export const bandOf = (provider: CareProviderInput, ageMonths: number) =>
  provider.places.findIndex((band) => band.minAgeMonths <= ageMonths && ageMonths <= band.maxAgeMonths);

export const isOpen = (provider: CareProviderInput, weekday: number, from: number, to: number) =>
  provider.openingHours.some(
    (hours) => hours.weekday === weekday && toMinutes(hours.from) <= from && to <= toMinutes(hours.to),
  );

/**
 * Books every child in need into a provider that takes her age, is open for the whole time (the session, plus
 * bringing and fetching her when care is elsewhere), is near enough, and has a place left in her band at every
 * moment of it; or lists her need as unmet with the reason. Volunteer care at the location comes first, then her
 * usual provider, then the nearest formal care; sisters and brothers go to one provider where they can.
 */
export function allocateCare(
  needs: CareNeed[],
  sessions: CareSession[],
  providers: CareProviderInput[],
  rules: AllocationRules,
  /** Bookings that stay: their places are taken before anyone else is booked. */
  kept: CareBooking[] = [],
): { bookings: CareBooking[]; unmet: UnmetNeed[] } {
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const ledger = new CareLedger();
  for (const booking of kept) holdPlace(ledger, booking);
  const bookings: CareBooking[] = [];
  const unmet: UnmetNeed[] = [];

  const families = new Map<string, CareNeed[]>();
  for (const need of needs) {
    const key = `${need.sessionId}|${need.participantId}`;
    families.set(key, [...(families.get(key) ?? []), need]);
  }
  // Per day, the families with the fewest providers that could take them go first: they have no other choice.
  const choices = (family: CareNeed[]) => {
    const session = sessionById.get(family[0].sessionId)!;
    return Math.min(
      ...family.map(
        (need) =>
          providers.filter((provider) => {
            const { from, to } = careWindow(provider, session, rules);
            return (
              bandOf(provider, need.ageMonths) >= 0 &&
              isNear(provider, session, need.participantId, rules) &&
              isOpen(provider, session.weekday, from, to)
            );
          }).length,
      ),
    );
  };
  const ranked = [...families.values()].map((family) => ({ family, choices: choices(family) }));
  const ordered = ranked
    .sort((a, b) => {
      const x = sessionById.get(a.family[0].sessionId)!;
      const y = sessionById.get(b.family[0].sessionId)!;
      return (
        x.date.localeCompare(y.date) ||
        a.choices - b.choices ||
        b.family.length - a.family.length ||
        x.start - y.start ||
        x.id.localeCompare(y.id) ||
        a.family[0].participantId.localeCompare(b.family[0].participantId)
      );
    })
    .map(({ family }) => family);

  const window = (provider: CareProviderInput, session: CareSession) => careWindow(provider, session, rules);
  const book = (need: CareNeed, session: CareSession, provider: CareProviderInput) =>
    tryBook(need, session, provider, rules, ledger);
  const release = (booking: CareBooking) => releasePlace(ledger, booking);
  const preference = (session: CareSession, childId?: string) =>
    providerPreference(providers, session, rules, childId);

  for (const family of ordered) {
    const session = sessionById.get(family[0].sessionId)!;
    // Together first: the first provider that takes all of them.
    const together = family.length > 1 ? bookTogether(family, session, providers, rules, ledger) : undefined;
    if (together) {
      bookings.push(...together);
      continue;
    }
    for (const need of family) {
      const booking = bookFirstFree(need, session, providers, rules, ledger);
      if (booking) bookings.push(booking);
      else
        unmet.push({
          childId: need.childId,
          participantId: need.participantId,
          sessionId: need.sessionId,
          reason: reasonUnmet(need, session, providers, rules, window),
        });
    }
  }

  // A second pass for those left without a place: make room by moving one child booked before her to another
  // provider that can take that child (a one-step exchange).
  const hold = (booking: CareBooking) => holdPlace(ledger, booking);
  const needOf = new Map(needs.map((need) => [`${need.childId}|${need.sessionId}`, need]));
  const makeRoom = (need: CareNeed, session: CareSession): CareBooking | undefined => {
    for (const provider of preference(session, need.childId)) {
      const band = bandOf(provider, need.ageMonths);
      const { from, to } = window(provider, session);
      if (band < 0 || !isNear(provider, session, need.participantId, rules)) continue;
      if (!isOpen(provider, session.weekday, from, to)) continue;
      const holders = bookings.filter(
        (b) =>
          b.providerId === provider.id &&
          b.band === band &&
          b.date === session.date &&
          b.from < to &&
          from < b.to,
      );
      for (const other of holders) {
        const otherNeed = needOf.get(`${other.childId}|${other.sessionId}`)!;
        const otherSession = sessionById.get(other.sessionId)!;
        release(other);
        let moved: CareBooking | undefined;
        for (const alternative of preference(otherSession, other.childId)) {
          if (alternative.id !== provider.id && (moved = book(otherNeed, otherSession, alternative))) break;
        }
        const mine = moved && book(need, session, provider);
        if (moved && mine) {
          bookings.splice(bookings.indexOf(other), 1, moved);
          return mine;
        }
        if (moved) release(moved);
        hold(other);
      }
    }
    return undefined;
  };
  const stillUnmet: UnmetNeed[] = [];
  for (const need of unmet) {
    const booking =
      need.reason === 'no place left in her age band'
        ? makeRoom(needOf.get(`${need.childId}|${need.sessionId}`)!, sessionById.get(need.sessionId)!)
        : undefined;
    if (booking) bookings.push(booking);
    else stillUnmet.push(need);
  }
  return { bookings, unmet: stillUnmet };
}

const placeOf = (booking: CareBooking) =>
  [booking.providerId, booking.band, booking.date, booking.from, booking.to] as const;

/** Takes a booking's place: one that stays, or one just made. */
export const holdPlace = (ledger: CareLedger, booking: CareBooking) => ledger.hold(...placeOf(booking));

/** Gives a held booking's place back. */
export const releasePlace = (ledger: CareLedger, booking: CareBooking) => ledger.release(...placeOf(booking));

/**
 * The booking she would get at this provider now, if it takes her age, is near enough, is open for the whole
 * time and has a place left in her band at every moment of it; else undefined. Holds nothing.
 */
export function freePlace(
  need: CareNeed,
  session: CareSession,
  provider: CareProviderInput,
  rules: AllocationRules,
  ledger: CareLedger,
): CareBooking | undefined {
  const band = bandOf(provider, need.ageMonths);
  if (band < 0 || !isNear(provider, session, need.participantId, rules)) return undefined;
  const { from, to } = careWindow(provider, session, rules);
  if (!isOpen(provider, session.weekday, from, to)) return undefined;
  if (!ledger.fits(provider.id, band, session.date, from, to, provider.places[band].capacity))
    return undefined;
  return {
    childId: need.childId,
    participantId: need.participantId,
    sessionId: need.sessionId,
    providerId: provider.id,
    band,
    date: session.date,
    from,
    to,
  };
}

/** Books her at this provider if it has a place for her now (see `freePlace`), and holds that place. */
export function tryBook(
  need: CareNeed,
  session: CareSession,
  provider: CareProviderInput,
  rules: AllocationRules,
  ledger: CareLedger,
): CareBooking | undefined {
  const booking = freePlace(need, session, provider, rules, ledger);
  if (booking) holdPlace(ledger, booking);
  return booking;
}

/**
 * Her children all at the first provider, in order of preference, that has a place for each of them, their
 * places held; else undefined, and nothing held.
 */
export function bookTogether(
  family: CareNeed[],
  session: CareSession,
  providers: CareProviderInput[],
  rules: AllocationRules,
  ledger: CareLedger,
): CareBooking[] | undefined {
  for (const provider of providerPreference(providers, session, rules, family[0].childId)) {
    const attempt = family.map((need) => tryBook(need, session, provider, rules, ledger));
    if (attempt.every((booking) => booking)) return attempt as CareBooking[];
    attempt.forEach((booking) => booking && releasePlace(ledger, booking));
  }
  return undefined;
}

/** Her at the first provider, in order of preference, that has a place for her, that place held. */
export function bookFirstFree(
  need: CareNeed,
  session: CareSession,
  providers: CareProviderInput[],
  rules: AllocationRules,
  ledger: CareLedger,
): CareBooking | undefined {
  for (const provider of providerPreference(providers, session, rules, need.childId)) {
    const booking = tryBook(need, session, provider, rules, ledger);
    if (booking) return booking;
  }
  return undefined;
}

/** Volunteer care at the location first, then her usual provider, then the nearest (ties by id). */
export function providerPreference(
  providers: CareProviderInput[],
  session: CareSession,
  rules: AllocationRules,
  childId?: string,
): CareProviderInput[] {
  const rank = (provider: CareProviderInput) =>
    provider.kind === 'volunteer' && provider.locationId === session.locationId
      ? 0
      : childId && rules.usualProvider?.get(childId) === provider.id
        ? 1
        : 2;
  const travel = (provider: CareProviderInput) => careWindow(provider, session, rules).travel;
  return [...providers].sort(
    (a, b) => rank(a) - rank(b) || travel(a) - travel(b) || a.id.localeCompare(b.id),
  );
}

/**
 * The time a child is in care at a provider for a session: the session itself at the location, or with the
 * minutes to bring her there before and fetch her after when the care is elsewhere.
 */
export function careWindow(
  provider: CareProviderInput,
  session: CareSession,
  rules: Pick<AllocationRules, 'travelMinutes'>,
): { from: number; to: number; travel: number } {
  const travel =
    provider.locationId === session.locationId ? 0 : rules.travelMinutes(provider.id, session.locationId);
  return { from: session.start - travel, to: session.end + travel, travel };
}

/** Near enough: close to the training location, or to the mother's home. */
export function isNear(
  provider: CareProviderInput,
  session: CareSession,
  participantId: string,
  rules: AllocationRules,
): boolean {
  if (careWindow(provider, session, rules).travel <= rules.maxTravelMinutes) return true;
  return (rules.homeTravelMinutes?.(provider.id, participantId) ?? Infinity) <= rules.maxTravelMinutes;
}

export function reasonUnmet(
  need: CareNeed,
  session: CareSession,
  providers: CareProviderInput[],
  rules: AllocationRules,
  window: (provider: CareProviderInput, session: CareSession) => { from: number; to: number; travel: number },
): UnmetReason {
  const forAge = providers.filter((provider) => bandOf(provider, need.ageMonths) >= 0);
  if (forAge.length === 0) return 'no provider takes her age';
  const near = forAge.filter((provider) => isNear(provider, session, need.participantId, rules));
  if (near.length === 0) return 'too far';
  const open = near.filter((provider) => {
    const { from, to } = window(provider, session);
    return isOpen(provider, session.weekday, from, to);
  });
  return open.length === 0 ? 'closed then' : 'no place left in her age band';
}
