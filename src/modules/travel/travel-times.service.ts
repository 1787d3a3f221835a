import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { formatDirectMinutes } from '../../planning/joint/time-away';
import { offlineTravel, Position } from '../../planning/travel/offline-travel';
import { transitTravel } from '../../planning/travel/transit-travel';
import { TravelMinutes, TravelMode } from '../../planning/travel/travel-mode';
import { GoogleMapsClient, GoogleMapsFailure } from './google-maps.client';
import { ANY_HOUR, hourOfWeek, TRANSIT_DEPARTURE, upcomingDeparture } from './hour-of-week';
import { planMatrixBatches } from './matrix-batches';
import { TravelConfig } from './travel-config';
import {
  pairKey,
  positionKey,
  roundedCoordinate,
  TravelTime,
  TravelTimeCacheRepository,
} from './travel-time-cache.repository';

/** Where a matrix's times came from: all from Google (asked or cached), all offline, or some of each. */
export type TravelSource = 'google' | 'offline' | 'mixed';

export interface TravelMatrix {
  /** minutes[o][d]: whole minutes from origin o to destination d. */
  minutes: number[][];
  /** km[o][d]: road kilometres from origin o to destination d. */
  km: number[][];
  source: TravelSource;
  /** By car (`driving`) or by public transport (`transit`). */
  mode: TravelMode;
}

/** Pairs to look up at once, by car unless a mode is given. */
export type LookupGroup = [origins: Position[], destinations: Position[], mode?: TravelMode];

const rounded = (position: Position): Position => ({
  lat: Number(roundedCoordinate(position.lat)),
  lon: Number(roundedCoordinate(position.lon)),
});

/**
 * Travel times and distances by car or by public transport between positions, and positions of addresses.
 * Without a Google Maps API key everything is computed offline and nothing leaves the service. With one, Google's
 * answers are cached by pair, mode and hour of the week, and whatever Google cannot answer falls back to the offline model, with a warning
 * that holds counts and statuses only: never a position or an address.
 */
@Injectable()
export class TravelTimesService {
  private readonly logger = new Logger(TravelTimesService.name);
  private readonly google: GoogleMapsClient | null;

  constructor(
    private readonly config: TravelConfig,
    private readonly cache: TravelTimeCacheRepository,
  ) {
    this.google = config.google ? new GoogleMapsClient(config.google) : null;
  }

  /** True when a Google Maps API key is configured: then positions and addresses are sent to Google. */
  get usesGoogle(): boolean {
    return this.google !== null;
  }

  /**
   * Minutes and km from every origin to every destination by `mode`. `departure` (any date; only its hour of the
   * week in Europe/Amsterdam counts) makes Google answer with the traffic or the timetable of that hour; public
   * transport without one is asked for TRANSIT_DEPARTURE.
   */
  async matrix(
    origins: Position[],
    destinations: Position[],
    departure?: DateTime,
    mode: TravelMode = 'driving',
  ): Promise<TravelMatrix> {
    const when = departure ?? (mode === 'transit' ? TRANSIT_DEPARTURE : undefined);
    const known =
      this.google && origins.length > 0 && destinations.length > 0
        ? await this.askGoogle(this.google, origins, destinations, when, mode)
        : new Map<string, TravelTime>();
    let offline = 0;
    const times = origins.map((origin) =>
      destinations.map((destination) => {
        const time = known.get(pairKey(origin, destination));
        if (time) return time;
        offline += 1;
        return this.offline(origin, destination, mode);
      }),
    );
    const elements = origins.length * destinations.length;
    return {
      minutes: times.map((row) => row.map((time) => time.minutes)),
      km: times.map((row) => row.map((time) => time.km)),
      source:
        !this.google || (offline === elements && elements > 0) ? 'offline' : offline > 0 ? 'mixed' : 'google',
      mode,
    };
  }

  /**
   * Travel minutes for planners that ask pair by pair and mode by mode: each group's origins to its destinations
   * are looked up at once by the group's mode (from Google, with a key), any other pair by the offline model.
   * Public transport is never quicker than the plan format's estimate of her travel (straight line × 1.3 at
   * 40 km/h), which the plan checker uses for every woman: a plan must not count her home sooner than it does.
   */
  async minutesLookup(groups: LookupGroup[], departure?: DateTime): Promise<TravelMinutes> {
    const table = new Map<string, number>();
    for (const [origins, destinations, mode = 'driving'] of this.google ? groups : []) {
      const from = uniquePositions(origins);
      const to = uniquePositions(destinations);
      if (from.length === 0 || to.length === 0) continue;
      const matrix = await this.matrix(from, to, departure, mode);
      from.forEach((a, i) =>
        to.forEach((b, j) => table.set(`${mode}|${pairKey(a, b)}`, matrix.minutes[i][j])),
      );
    }
    return (from, to, mode = 'driving') => {
      const minutes = table.get(`${mode}|${pairKey(from, to)}`) ?? this.offline(from, to, mode).minutes;
      return mode === 'transit' ? Math.max(minutes, formatDirectMinutes(from, to)) : minutes;
    };
  }

  private offline(from: Position, to: Position, mode: TravelMode): TravelTime {
    return mode === 'transit'
      ? transitTravel(from, to, this.config.transitModel)
      : offlineTravel(from, to, this.config.offlineModel);
  }

  /** The position of `address` by Google's first result; null offline, when Google finds none, or when it fails. */
  async geocode(address: string): Promise<Position | null> {
    if (!this.google || address.trim() === '') return null;
    try {
      return await this.google.geocode(address.trim());
    } catch (error) {
      this.logger.warn(`Geocoding failed (${reasonOf(error)}): no position for this address`);
      return null;
    }
  }

  /** Google's times (cached or asked now) for the pairs it could answer, by pairKey. */
  private async askGoogle(
    google: GoogleMapsClient,
    origins: Position[],
    destinations: Position[],
    departure: DateTime | undefined,
    mode: TravelMode,
  ): Promise<Map<string, TravelTime>> {
    const from = uniquePositions(origins);
    const to = uniquePositions(destinations);
    const hour = departure ? hourOfWeek(departure) : ANY_HOUR;
    const now = DateTime.now();
    const known = await this.cache.find(
      from,
      to,
      hour,
      now.minus({ days: this.config.keptDays }).toJSDate(),
      mode,
    );
    const cached = known.size;
    const missing = from.map((origin) =>
      to.flatMap((destination, index) => (known.has(pairKey(origin, destination)) ? [] : [index])),
    );
    const batches = planMatrixBatches(missing);
    const when = departure ? upcomingDeparture(departure, now).toJSDate() : undefined;
    const fetched: { origin: Position; destination: Position; time: TravelTime }[] = [];
    const noRoute = new Map<string, number>();
    let failure: { reason: string; unanswered: number } | undefined;
    for (const batch of batches) {
      const size = batch.origins.length * batch.destinations.length;
      // After a failure (retries spent, or refused) the next requests would fare no better: spare the wait.
      if (failure) {
        failure.unanswered += size;
        continue;
      }
      const batchOrigins = batch.origins.map((index) => from[index]);
      const batchDestinations = batch.destinations.map((index) => to[index]);
      try {
        const answers = await google.distanceMatrix(batchOrigins, batchDestinations, when, mode);
        answers.forEach((row, r) =>
          row.forEach((answer, d) => {
            if ('failed' in answer) {
              noRoute.set(answer.failed, (noRoute.get(answer.failed) ?? 0) + 1);
              return;
            }
            const pair = { origin: batchOrigins[r], destination: batchDestinations[d], time: answer };
            fetched.push(pair);
            known.set(pairKey(pair.origin, pair.destination), answer);
          }),
        );
      } catch (error) {
        failure = { reason: reasonOf(error), unanswered: size };
      }
    }
    await this.cache.save(fetched, hour, mode);
    const pairs = from.length * to.length;
    this.logger.debug(
      `Distance Matrix (${mode}): ${pairs} pairs, ${cached} cached, ${fetched.length} asked in ${batches.length} requests`,
    );
    if (failure) {
      this.logger.warn(
        `Distance Matrix failed (${failure.reason}): ${failure.unanswered} of ${pairs} travel times ` +
          'come from the offline model',
      );
    }
    if (noRoute.size > 0) {
      const statuses = [...noRoute].map(([status, count]) => `${count} ${status}`).join(', ');
      this.logger.warn(
        `Distance Matrix found no route for some pairs (${statuses}): offline model used for them`,
      );
    }
    return known;
  }
}

/** Each position once, rounded as the cache and Google see it. */
function uniquePositions(positions: Position[]): Position[] {
  const unique = new Map<string, Position>();
  for (const position of positions) unique.set(positionKey(position), rounded(position));
  return [...unique.values()];
}

/** What may be logged of a failure: a status or an error's kind, never its message (it may hold the request). */
function reasonOf(error: unknown): string {
  if (error instanceof GoogleMapsFailure) {
    return `${error.reason}, ${error.attempts} ${error.attempts === 1 ? 'attempt' : 'attempts'}`;
  }
  return `unexpected ${error instanceof Error ? error.name : 'error'}`;
}
