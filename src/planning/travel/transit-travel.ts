import { Position, straightLineKm } from './offline-travel';

/**
 * The offline model of a trip by public transport (mostly buses, in the regions we plan for): walk to a stop,
 * wait for the bus, ride, perhaps change, walk from the stop. Whole minutes, deterministic.
 */
export interface TransitTravelModel {
  /** Walking speed, km/h. */
  walkKmPerHour: number;
  /** Walking route km ÷ straight-line km, for the walk-only trip. */
  walkDetourFactor: number;
  /** Walking km from the door to a stop, at each end of the trip: about 400 m in Dutch towns. */
  stopWalkKm: number;
  /** Bus line km ÷ straight-line km: lines wind through neighbourhoods. */
  detourFactor: number;
  /**
   * Bus speeds (km/h, stops included) by line km, counted band by band: the first `upToKm` km at the first
   * speed, the km beyond at the next. So a longer trip never takes less time, and long trips get the faster
   * regional lines for their long part only.
   */
  speeds: { upToKm: number; kmPerHour: number }[];
  /**
   * Minutes between buses by line km, the first band whose `upToKm` is not exceeded: town lines run often,
   * regional lines less. She waits half a headway on average. Headways must not shrink with distance.
   */
  headways: { upToKm: number; minutes: number }[];
  /** Line km beyond which a trip needs a change of bus. */
  transferBeyondKm: number;
  /** Minutes a change costs: walking to the other stop and waiting for the second line. */
  transferMinutes: number;
}

export const DEFAULT_TRANSIT_MODEL: TransitTravelModel = {
  walkKmPerHour: 4.5,
  walkDetourFactor: 1.3,
  stopWalkKm: 0.4,
  detourFactor: 1.4,
  speeds: [
    { upToKm: 10, kmPerHour: 20 },
    { upToKm: Infinity, kmPerHour: 35 },
  ],
  headways: [
    { upToKm: 10, minutes: 15 },
    { upToKm: Infinity, minutes: 30 },
  ],
  transferBeyondKm: 15,
  transferMinutes: 10,
};

/** Minutes riding `km` line km through the speed bands. */
function rideMinutes(km: number, speeds: TransitTravelModel['speeds']): number {
  let minutes = 0;
  let from = 0;
  for (const band of speeds) {
    if (km <= from) break;
    const inBand = Math.min(km, band.upToKm) - from;
    minutes += (inBand / band.kmPerHour) * 60;
    from = band.upToKm;
  }
  return minutes;
}

/**
 * Km and whole minutes from a to b by public transport, or on foot when walking is quicker (short trips); 0
 * minutes for the same place. `km` is the line km (or the walking km when she walks).
 */
export function transitTravel(
  a: Position,
  b: Position,
  model = DEFAULT_TRANSIT_MODEL,
): { km: number; minutes: number } {
  const straight = straightLineKm(a, b);
  const walkKm = straight * model.walkDetourFactor;
  if (walkKm < 0.05) return { km: 0, minutes: 0 };
  const walk = (km: number) => (km / model.walkKmPerHour) * 60;
  const lineKm = straight * model.detourFactor;
  const headway =
    model.headways.find((band) => lineKm <= band.upToKm) ?? model.headways[model.headways.length - 1];
  const byBus =
    walk(2 * model.stopWalkKm) +
    headway.minutes / 2 +
    rideMinutes(lineKm, model.speeds) +
    (lineKm > model.transferBeyondKm ? model.transferMinutes : 0);
  const onFoot = walk(walkKm);
  return onFoot <= byBus
    ? { km: walkKm, minutes: Math.ceil(onFoot) }
    : { km: lineKm, minutes: Math.ceil(byBus) };
}
