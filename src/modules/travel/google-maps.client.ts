import { Client, TravelMode as GoogleTravelMode } from '@googlemaps/google-maps-services-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Position } from '../../planning/travel/offline-travel';
import { TravelMode } from '../../planning/travel/travel-mode';
import { GoogleMapsSettings } from './travel-config';

/** Google's answer for one origin–destination pair: a time, or the element status that says why not. */
export type ElementAnswer = { minutes: number; km: number } | { failed: string };

/**
 * A request that Google did not answer usefully, after the retries it deserved. `reason` is a Google status or
 * an HTTP or network condition: never the request itself, which holds the key, positions or an address.
 */
export class GoogleMapsFailure extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`Google Maps answered ${reason} (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`);
  }
}

/** Google says to try again later: a rate limit or a passing server error. */
const RETRYABLE_STATUSES = new Set(['OVER_QUERY_LIMIT', 'UNKNOWN_ERROR']);

type Outcome<T> = { data: T } | { reason: string; retryable: boolean };

interface Answer {
  status: number;
  data: unknown;
}

interface DistanceMatrixData {
  status: string;
  rows: {
    elements: { status: string; duration?: Seconds; duration_in_traffic?: Seconds; distance?: Metres }[];
  }[];
}
type Seconds = { value: number };
type Metres = { value: number };

interface GeocodeData {
  status: string;
  results: { geometry: { location: { lat: number; lng: number } } }[];
}

/**
 * The Distance Matrix and Geocoding web services through Google's client library, with our own retries: the
 * library's retry-axios is switched off so that the number of tries and their backoff are ours to set (and
 * small in tests). Every answer is read whatever its HTTP status, so that Google's own status decides.
 */
export class GoogleMapsClient {
  private readonly client: Client;

  constructor(private readonly settings: GoogleMapsSettings) {
    this.client = new Client({
      config: {
        timeout: settings.timeoutMs,
        // Plain HTTP adapter: the library's own one turns Google statuses into HTTP codes, which we read ourselves.
        adapter: 'http',
        validateStatus: () => true,
        raxConfig: { retry: 0, noResponseRetries: 0 },
      },
    });
  }

  /** Travel times from every origin to every destination, by car or public transport; within Google's limits. */
  async distanceMatrix(
    origins: Position[],
    destinations: Position[],
    departure?: Date,
    mode: TravelMode = 'driving',
  ): Promise<ElementAnswer[][]> {
    const data = await this.withRetries<DistanceMatrixData>(['OK'], () =>
      this.client.distancematrix({
        url: `${this.settings.baseUrl}/maps/api/distancematrix/json`,
        params: {
          key: this.settings.apiKey,
          origins: origins.map(toLatLng),
          destinations: destinations.map(toLatLng),
          ...(departure ? { departure_time: departure } : {}),
          // Driving is Google's default: its requests stay as they were.
          ...(mode === 'transit' ? { mode: GoogleTravelMode.transit } : {}),
        },
      }),
    );
    const rows = Array.isArray(data.rows) ? data.rows : [];
    if (rows.length !== origins.length || rows.some((row) => row.elements?.length !== destinations.length)) {
      throw new GoogleMapsFailure('an answer whose rows do not match the request', 1);
    }
    return rows.map((row) => row.elements.map(readElement));
  }

  /** The position of Google's first result for `address`, or null when it finds none. */
  async geocode(address: string): Promise<Position | null> {
    const data = await this.withRetries<GeocodeData>(['OK', 'ZERO_RESULTS'], () =>
      this.client.geocode({
        url: `${this.settings.baseUrl}/maps/api/geocode/json`,
        // Region biases the search to the Netherlands without excluding other countries.
        params: { key: this.settings.apiKey, address, region: 'nl' },
      }),
    );
    const location = data.results?.[0]?.geometry?.location;
    if (data.status === 'ZERO_RESULTS' || !location) return null;
    if (typeof location.lat !== 'number' || typeof location.lng !== 'number') {
      throw new GoogleMapsFailure('a result without a position', 1);
    }
    return { lat: location.lat, lon: location.lng };
  }

  /** Asks until Google answers one of `accepted`, retrying with exponential backoff on what may pass. */
  private async withRetries<T extends { status: string }>(
    accepted: string[],
    ask: () => Promise<Answer>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await ask().then(
        (answer) => classify<T>(answer, accepted),
        (error: unknown) => ({ reason: networkReason(error), retryable: true }),
      );
      if ('data' in outcome) return outcome.data;
      if (!outcome.retryable || attempt > this.settings.retries) {
        throw new GoogleMapsFailure(outcome.reason, attempt);
      }
      await sleep(this.settings.retryDelayMs * 2 ** (attempt - 1));
    }
  }
}

const toLatLng = (position: Position) => ({ lat: position.lat, lng: position.lon });

function classify<T extends { status: string }>({ status, data }: Answer, accepted: string[]): Outcome<T> {
  const googleStatus =
    typeof data === 'object' && data !== null && typeof (data as { status?: unknown }).status === 'string'
      ? (data as { status: string }).status
      : undefined;
  if (googleStatus !== undefined) {
    if (accepted.includes(googleStatus) && status < 300) return { data: data as T };
    return { reason: googleStatus, retryable: RETRYABLE_STATUSES.has(googleStatus) || isPassing(status) };
  }
  return { reason: `HTTP ${status}`, retryable: isPassing(status) };
}

/** HTTP 429 (too many requests) and 5xx (server trouble) may pass; other codes will not. */
const isPassing = (status: number) => status === 429 || status >= 500;

/** The error's code (ECONNREFUSED, ECONNABORTED for a timeout …), never its message: that may quote the URL. */
function networkReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? `no answer (${code})` : 'no answer';
}

function readElement(element: DistanceMatrixData['rows'][number]['elements'][number]): ElementAnswer {
  if (element?.status !== 'OK') return { failed: String(element?.status ?? 'MISSING') };
  // With a departure time Google adds the duration in traffic; that is the one that depends on the hour.
  const seconds = element.duration_in_traffic?.value ?? element.duration?.value;
  const metres = element.distance?.value;
  if (typeof seconds !== 'number' || typeof metres !== 'number') return { failed: 'MISSING' };
  return { minutes: Math.ceil(seconds / 60), km: metres / 1000 };
}
