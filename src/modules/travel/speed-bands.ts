import { OfflineTravelModel } from '../../planning/travel/offline-travel';

export type SpeedBand = OfflineTravelModel['speeds'][number];

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Reads speed bands written as `upToKm:kmPerHour` pairs, e.g. `5:25,20:45,*:70`: trips up to 5 road km at
 * 25 km/h, up to 20 km at 45 km/h, longer ones at 70 km/h. The limits must grow and the last one must be `*`,
 * so that every distance has a speed. Throws an Error that says what is wrong (without the variable's name).
 */
export function parseSpeedBands(text: string): SpeedBand[] {
  return parseBands(text, 'kmPerHour', 'a speed above 0 km/h').map(({ upToKm, value }) => ({
    upToKm,
    kmPerHour: value,
  }));
}

/**
 * Reads public-transport headways written as `upToKm:minutes` pairs, e.g. `10:15,*:30`: buses every 15 minutes
 * for trips up to 10 line km, every 30 beyond. Limits as for speed bands; headways must not shrink with distance,
 * so that a longer trip never waits less.
 */
export function parseHeadways(text: string): { upToKm: number; minutes: number }[] {
  const bands = parseBands(text, 'minutes', 'a headway above 0 minutes').map(({ upToKm, value }) => ({
    upToKm,
    minutes: value,
  }));
  bands.forEach((band, index) => {
    if (index > 0 && band.minutes < bands[index - 1].minutes) {
      throw new Error(
        `headways must not shrink with distance, but ${band.minutes} follows ${bands[index - 1].minutes}`,
      );
    }
  });
  return bands;
}

/** `upToKm:value` pairs, the limits growing and the last one `*`. */
function parseBands(
  text: string,
  valueName: string,
  valueMeaning: string,
): { upToKm: number; value: number }[] {
  const parts = text.split(',').map((part) => part.trim());
  const bands = parts.map((part, index) => {
    const [limit, speed, ...rest] = part.split(':').map((field) => field.trim());
    if (speed === undefined || rest.length > 0) {
      throw new Error(`"${part}" is not upToKm:${valueName}`);
    }
    const isLast = index === parts.length - 1;
    if (limit === '*' && !isLast) throw new Error(`only the last band may be "*", not "${part}"`);
    if (limit !== '*' && !NUMBER.test(limit))
      throw new Error(`"${limit}" in "${part}" is not a number of km`);
    if (!NUMBER.test(speed) || Number(speed) <= 0) {
      throw new Error(`"${speed}" in "${part}" is not ${valueMeaning}`);
    }
    return { upToKm: limit === '*' ? Infinity : Number(limit), value: Number(speed) };
  });
  if (bands[bands.length - 1].upToKm !== Infinity) {
    throw new Error(`the last band must be "*:${valueName}", for the longest trips`);
  }
  bands.forEach((band, index) => {
    if (index > 0 && band.upToKm <= bands[index - 1].upToKm) {
      throw new Error(
        `the km limits must grow from left to right, but ${band.upToKm} follows ${bands[index - 1].upToKm}`,
      );
    }
    if (band.upToKm <= 0) throw new Error('a km limit must be above 0');
  });
  return bands;
}

/** The text form of `bands`, as parseSpeedBands reads it. */
export const formatSpeedBands = (bands: SpeedBand[]): string =>
  bands.map((band) => `${band.upToKm === Infinity ? '*' : band.upToKm}:${band.kmPerHour}`).join(',');

/** The text form of `headways`, as parseHeadways reads it. */
export const formatHeadways = (headways: { upToKm: number; minutes: number }[]): string =>
  headways.map((band) => `${band.upToKm === Infinity ? '*' : band.upToKm}:${band.minutes}`).join(',');
