/**
 * Children who waited for a care place have one now: a place freed (an absence, a cancelled booking or session,
 * more places) or a re-plan found one. Their mothers are told. Emitted inside the transaction of the booking.
 */
export const CHILDCARE_PLACES_FOUND = 'childcare.places-found';

export interface PlaceFound {
  regionId: string;
  sessionId: string;
  participantId: string;
  bookings: { id: string; childId: string; providerId: string; from: Date; to: Date }[];
}

export class ChildcarePlacesFound {
  constructor(readonly places: PlaceFound[]) {}
}
