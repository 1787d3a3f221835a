import { DateTime } from 'luxon';

/**
 * What a driver may know of her passengers (data minimisation): their details show for rides on the day itself
 * and the day before, on the route sheet and in her calendar feed alike.
 */
export function passengerDetailsOpen(rideDay: string, now: Date, zone: string): boolean {
  const today = DateTime.fromJSDate(now, { zone });
  return rideDay === today.toISODate() || rideDay === today.plus({ days: 1 }).toISODate();
}

/** The name a driver calls her by at the door. */
export const firstNameOf = (name: string): string => name.split(' ')[0];
