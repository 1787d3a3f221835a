import { bandOf } from '../../planning/childcare/allocate';
import { CurrentBooking } from '../../planning/childcare/replan';
import { instantToLocalMinute } from '../../planning/time/wall-clock';
import { ChildcareBooking } from './childcare-booking.entity';
import { CareContext } from './childcare-input.service';

/**
 * A stored booking in the core's terms: minutes of its care date (its session's local day), and the band it
 * takes at her age; band -1 where the provider is not in the context.
 */
export function bookingInCore(
  booking: ChildcareBooking,
  context: Pick<CareContext, 'providers' | 'zone'>,
): CurrentBooking {
  const provider = context.providers.find((p) => p.id === booking.providerId);
  return {
    id: booking.id,
    status: booking.status === 'confirmed' ? 'confirmed' : 'requested',
    childId: booking.childId,
    participantId: booking.participantId,
    sessionId: booking.sessionId,
    providerId: booking.providerId,
    band: provider ? bandOf(provider, booking.ageMonths) : -1,
    date: booking.careDate,
    from: instantToLocalMinute(booking.from, booking.careDate, context.zone),
    to: instantToLocalMinute(booking.to, booking.careDate, context.zone),
  };
}
