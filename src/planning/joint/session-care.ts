import { reasonText } from '../reasons';
import { bandOf, isOpen } from '../childcare/allocate';
import { ageInMonths, careNeedReason } from '../childcare/need';
import { straightLineKm } from '../travel/offline-travel';
import { CareLedger } from '../childcare/care-ledger';
import { JointBooking, JointInput, JointParticipant, JointProvider, JointSession, JointUnmet } from './model';
import { TimeAway } from './time-away';

/**
 * Care this close to the location is care the child goes to with her mother (riding along when she is
 * collected); this close to her home, care she brings the child to before leaving. A little inside the plan
 * format's 1 km and 2 km, so that rounding never puts a booking on the wrong side.
 */
export const NEAR_LOCATION_KM = 0.95;
export const NEAR_HOME_KM = 1.9;
/** Why a booked child gives her place back: all of a mother's children are booked, or none. */
export const SIBLING_WITHOUT_PLACE = reasonText('sibling-without-place');
/** Minutes to bring a child to care near home before leaving, and to fetch her after. */
const HANDOVER_MINUTES = 5;

export interface Mother {
  participant: JointParticipant;
  away: TimeAway;
  /** Collected by a vehicle: children cared for near the location ride along. */
  rides: boolean;
}

export interface MotherCare {
  participantId: string;
  bookings: JointBooking[];
  /** Her children who need care and have none, with why: then she cannot come. */
  unmet: JointUnmet[];
  /** Children booked near the location: they ride with her. */
  nearLocation: number;
}

/** The children of hers who need care while she is away. */
export const childrenNeedingCare = (
  mother: Pick<Mother, 'participant' | 'away'>,
  session: JointSession,
  input: Pick<JointInput, 'schoolHours' | 'isSchoolClosed'>,
) =>
  [...mother.participant.children]
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter(
      (child) =>
        careNeedReason(
          child,
          session.date,
          session.weekday,
          mother.away,
          input.schoolHours,
          input.isSchoolClosed,
        ) !== undefined,
    );

interface Candidate {
  provider: JointProvider;
  band: number;
  from: number;
  to: number;
  nearLocation: boolean;
}

/**
 * Books care for the mothers of one session, all of a mother's children or none (a mother with one child
 * left out cannot come, and her other children's places serve another): mothers with the fewest children in
 * need first, then by ref. Near the location (free volunteer care first) for mothers who come by themselves;
 * near home first for mothers who are collected, so that the children need no seat.
 */
export function planSessionCare(
  session: JointSession,
  locationPosition: { lat: number; lon: number },
  mothers: Mother[],
  input: Pick<JointInput, 'providers' | 'schoolHours' | 'isSchoolClosed'>,
  ledger: CareLedger,
): MotherCare[] {
  const ordered = mothers
    .map((mother) => ({ mother, children: childrenNeedingCare(mother, session, input) }))
    .sort(
      (a, b) =>
        a.children.length - b.children.length ||
        a.mother.participant.id.localeCompare(b.mother.participant.id),
    );
  const providers = [...input.providers].sort(
    (a, b) => Number(a.kind !== 'volunteer') - Number(b.kind !== 'volunteer') || a.id.localeCompare(b.id),
  );
  const result: MotherCare[] = [];
  for (const { mother, children } of ordered) {
    const participantId = mother.participant.id;
    const home = mother.participant.position;
    const candidatesOf = (ageMonths: number): Candidate[] => {
      const found: Candidate[] = [];
      for (const provider of providers) {
        const band = bandOf(provider, ageMonths);
        if (band < 0 || !provider.position) continue;
        const nearLocation = straightLineKm(provider.position, locationPosition) <= NEAR_LOCATION_KM;
        const nearHome =
          !nearLocation && home !== undefined && straightLineKm(provider.position, home) <= NEAR_HOME_KM;
        if (!nearLocation && !nearHome) continue;
        const from = nearLocation
          ? session.start
          : Math.min(session.start, mother.away.from - HANDOVER_MINUTES);
        const to = nearLocation ? session.end : Math.max(session.end, mother.away.to + HANDOVER_MINUTES);
        if (!isOpen(provider, session.weekday, from, to)) continue;
        found.push({ provider, band, from, to, nearLocation });
      }
      return mother.rides
        ? [...found.filter((c) => !c.nearLocation), ...found.filter((c) => c.nearLocation)]
        : [...found.filter((c) => c.nearLocation), ...found.filter((c) => !c.nearLocation)];
    };
    const booked: { booking: JointBooking; band: number; nearLocation: boolean }[] = [];
    const unmet: JointUnmet[] = [];
    for (const child of children) {
      const ageMonths = ageInMonths(child.birthDate, session.date);
      const candidates = candidatesOf(ageMonths);
      const chosen = candidates.find((c) =>
        ledger.fits(c.provider.id, c.band, session.date, c.from, c.to, c.provider.places[c.band].capacity),
      );
      if (!chosen) {
        unmet.push({
          childId: child.id,
          participantId,
          sessionId: session.id,
          reason: reasonUnmet(ageMonths, input.providers, candidates),
        });
        continue;
      }
      ledger.hold(chosen.provider.id, chosen.band, session.date, chosen.from, chosen.to);
      booked.push({
        booking: {
          childId: child.id,
          participantId,
          sessionId: session.id,
          providerId: chosen.provider.id,
          ageMonths,
          date: session.date,
          from: chosen.from,
          to: chosen.to,
        },
        band: chosen.band,
        nearLocation: chosen.nearLocation,
      });
    }
    if (unmet.length > 0 && booked.length > 0) {
      // All or none: her booked children give their places back, and say why.
      for (const { booking, band } of booked) {
        ledger.release(booking.providerId, band, booking.date, booking.from, booking.to);
        unmet.push({
          childId: booking.childId,
          participantId,
          sessionId: session.id,
          reason: SIBLING_WITHOUT_PLACE,
        });
      }
      booked.length = 0;
    }
    result.push({
      participantId,
      bookings: booked.map(({ booking }) => booking),
      unmet,
      nearLocation: booked.filter((b) => b.nearLocation).length,
    });
  }
  return result;
}

/** Gives back the places of a mother's bookings (she will not come after all). */
export function releaseCare(care: MotherCare, providers: JointProvider[], ledger: CareLedger): void {
  for (const booking of care.bookings) {
    const provider = providers.find((p) => p.id === booking.providerId)!;
    ledger.release(provider.id, bandOf(provider, booking.ageMonths), booking.date, booking.from, booking.to);
  }
}

function reasonUnmet(ageMonths: number, providers: JointProvider[], candidates: Candidate[]): string {
  if (!providers.some((provider) => bandOf(provider, ageMonths) >= 0))
    return reasonText('no-provider-for-age');
  if (candidates.length === 0) return reasonText('no-care-open');
  return reasonText('no-place-in-age-band');
}
