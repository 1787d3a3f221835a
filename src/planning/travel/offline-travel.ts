export interface Position {
  lat: number;
  lon: number;
}

/** The offline travel-time model: straight-line distance, a detour factor, and a speed that grows with distance. */
export interface OfflineTravelModel {
  /** Road distance ÷ straight-line distance. */
  detourFactor: number;
  /** Speeds (km/h) by road distance: the first band whose `upToKm` is not exceeded applies. */
  speeds: { upToKm: number; kmPerHour: number }[];
  /** Fixed minutes per trip: getting in, parking, walking to the door. */
  fixedMinutes: number;
}

export const DEFAULT_TRAVEL_MODEL: OfflineTravelModel = {
  detourFactor: 1.3,
  speeds: [
    { upToKm: 5, kmPerHour: 25 },
    { upToKm: 20, kmPerHour: 45 },
    { upToKm: Infinity, kmPerHour: 70 },
  ],
  fixedMinutes: 3,
};

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km. */
export function straightLineKm(a: Position, b: Position): number {
  const radians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Road kilometres and whole minutes from a to b by the model; 0 minutes for the same place. */
export function offlineTravel(
  a: Position,
  b: Position,
  model = DEFAULT_TRAVEL_MODEL,
): { km: number; minutes: number } {
  const km = straightLineKm(a, b) * model.detourFactor;
  if (km < 0.05) return { km: 0, minutes: 0 };
  const { kmPerHour } =
    model.speeds.find((band) => km <= band.upToKm) ?? model.speeds[model.speeds.length - 1];
  return { km, minutes: Math.ceil((km / kmPerHour) * 60) + model.fixedMinutes };
}
