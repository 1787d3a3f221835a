import { Position } from './offline-travel';

/** How a trip is made: by road (car, taxibus, a lift) or by public transport. Google's names for them. */
export type TravelMode = 'driving' | 'transit';

/**
 * How a woman travels on her own between home, lessons and sessions. Only 'public' differs from the road: a
 * woman who is picked up, drives or is driven, and (for now) one who cycles, gets road times.
 */
export const travelModeOf = (transport: string | undefined): TravelMode =>
  transport === 'public' ? 'transit' : 'driving';

/** Whole minutes from one place to another by `mode`; by road when no mode is given. */
export type TravelMinutes = (from: Position, to: Position, mode?: TravelMode) => number;
