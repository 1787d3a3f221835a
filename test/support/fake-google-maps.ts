import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { Position, straightLineKm } from '../../src/planning/travel/offline-travel';

/** A request as the fake received it. */
export interface FakeRequest {
  path: string;
  query: URLSearchParams;
}

/** An answer to give once, instead of the computed one: an HTTP status and a body (JSON unless a string). */
export interface FakeReply {
  status?: number;
  body: unknown;
}

/** The Distance Matrix API's limits per request, which the fake enforces as Google does. */
const MAX_DIMENSION = 25;
const MAX_ELEMENTS = 100;

/**
 * The fake's road distance in metres and durations in seconds: a rule of its own (not the offline model's),
 * so that a test can tell Google's values from offline ones, with seconds that are not whole minutes. With a
 * departure time the duration in traffic is half as long again in the weekday rush hours (7–9 and 16–18 h in
 * Amsterdam).
 */
export function fakeRoute(
  origin: Position,
  destination: Position,
  departure?: DateTime,
  mode = 'driving',
): { metres: number; seconds: number; secondsInTraffic?: number } {
  const metres = Math.round(straightLineKm(origin, destination) * 1400) + 17;
  const seconds = Math.round(metres / 11) + 41;
  // By public transport: about 2.5 times as long as by car, and ten minutes of walking and waiting; no traffic.
  if (mode === 'transit') return { metres, seconds: Math.round(seconds * 2.5) + 600 };
  if (!departure) return { metres, seconds };
  const local = departure.setZone('Europe/Amsterdam');
  const rush = local.weekday <= 5 && [7, 8, 16, 17].includes(local.hour);
  return { metres, seconds, secondsInTraffic: rush ? Math.round(seconds * 1.5) : seconds };
}

/** Google's top-level error answer of the Distance Matrix API. */
export const matrixError = (status: string, errorMessage = 'The request was not processed.'): FakeReply => ({
  body: { destination_addresses: [], origin_addresses: [], rows: [], status, error_message: errorMessage },
});

/**
 * A local stand-in for the Google Maps web services, answering in their documented JSON format: the Distance
 * Matrix API (`/maps/api/distancematrix/json`) and the Geocoding API (`/maps/api/geocode/json`). It records
 * every request, enforces the per-request limits and the key, and can be told to answer some requests with
 * errors (`replyNext`) or some pairs with an element status (`elementStatus`).
 */
export class FakeGoogleMaps {
  readonly requests: FakeRequest[] = [];
  /** Addresses the Geocoding API knows. */
  readonly addresses = new Map<string, Position>();
  /** An element status other than OK for some pairs (Google's NOT_FOUND, ZERO_RESULTS …). */
  elementStatus: (origin: Position, destination: Position) => string = () => 'OK';
  private readonly replies: FakeReply[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly key: string,
  ) {}

  static async start(key: string): Promise<FakeGoogleMaps> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGoogleMaps(server, `http://127.0.0.1:${port}`, key);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      fake.handle(request, response),
    );
    return fake;
  }

  /** The next requests get these answers, in order, whatever they ask. */
  replyNext(...replies: FakeReply[]): void {
    this.replies.push(...replies);
  }

  /** The Distance Matrix requests received, as their origins and destinations. */
  matrixRequests(): {
    origins: Position[];
    destinations: Position[];
    departureTime?: number;
    mode?: string;
    key: string | null;
  }[] {
    return this.requests
      .filter((request) => request.path === '/maps/api/distancematrix/json')
      .map(({ query }) => ({
        origins: parsePositions(query.get('origins')),
        destinations: parsePositions(query.get('destinations')),
        departureTime: query.has('departure_time') ? Number(query.get('departure_time')) : undefined,
        mode: query.get('mode') ?? undefined,
        key: query.get('key'),
      }));
  }

  reset(): void {
    this.requests.length = 0;
    this.replies.length = 0;
    this.addresses.clear();
    this.elementStatus = () => 'OK';
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url);
    this.requests.push({ path: url.pathname, query: url.searchParams });
    const reply = this.replies.shift() ?? this.answer(url.pathname, url.searchParams);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    response.writeHead(reply.status ?? 200, {
      'Content-Type': typeof reply.body === 'string' ? 'text/html' : 'application/json; charset=UTF-8',
    });
    response.end(text);
  }

  private answer(path: string, query: URLSearchParams): FakeReply {
    if (path === '/maps/api/distancematrix/json') return this.distanceMatrix(query);
    if (path === '/maps/api/geocode/json') return this.geocode(query);
    return { status: 404, body: 'Not Found' };
  }

  private distanceMatrix(query: URLSearchParams): FakeReply {
    if (query.get('key') !== this.key)
      return matrixError('REQUEST_DENIED', 'The provided API key is invalid.');
    const origins = parsePositions(query.get('origins'));
    const destinations = parsePositions(query.get('destinations'));
    if (origins.length === 0 || destinations.length === 0) return matrixError('INVALID_REQUEST');
    if (origins.length > MAX_DIMENSION || destinations.length > MAX_DIMENSION) {
      return matrixError('MAX_DIMENSIONS_EXCEEDED');
    }
    if (origins.length * destinations.length > MAX_ELEMENTS) return matrixError('MAX_ELEMENTS_EXCEEDED');
    const departure = query.has('departure_time')
      ? DateTime.fromSeconds(Number(query.get('departure_time')))
      : undefined;
    return {
      body: {
        destination_addresses: destinations.map((_, index) => `Destination ${index + 1}, Nederland`),
        origin_addresses: origins.map((_, index) => `Origin ${index + 1}, Nederland`),
        rows: origins.map((origin) => ({
          elements: destinations.map((destination) => {
            const status = this.elementStatus(origin, destination);
            if (status !== 'OK') return { status };
            const route = fakeRoute(origin, destination, departure, query.get('mode') ?? 'driving');
            return {
              distance: { text: `${(route.metres / 1000).toFixed(1)} km`, value: route.metres },
              duration: { text: `${Math.round(route.seconds / 60)} mins`, value: route.seconds },
              ...(route.secondsInTraffic === undefined
                ? {}
                : {
                    duration_in_traffic: {
                      text: `${Math.round(route.secondsInTraffic / 60)} mins`,
                      value: route.secondsInTraffic,
                    },
                  }),
              status: 'OK',
            };
          }),
        })),
        status: 'OK',
      },
    };
  }

  private geocode(query: URLSearchParams): FakeReply {
    if (query.get('key') !== this.key) {
      return {
        body: { results: [], status: 'REQUEST_DENIED', error_message: 'The provided API key is invalid.' },
      };
    }
    const address = query.get('address') ?? '';
    const position = this.addresses.get(address);
    if (!position) return { body: { results: [], status: 'ZERO_RESULTS' } };
    const location = { lat: position.lat, lng: position.lon };
    return {
      body: {
        results: [
          {
            address_components: [
              { long_name: 'Nederland', short_name: 'NL', types: ['country', 'political'] },
            ],
            formatted_address: `${address}, Nederland`,
            geometry: {
              location,
              location_type: 'ROOFTOP',
              viewport: { northeast: location, southwest: location },
            },
            place_id: 'fake-place-id',
            types: ['street_address'],
          },
        ],
        status: 'OK',
      },
    };
  }
}

/** Google's `lat,lng|lat,lng` form of a list of positions. */
function parsePositions(text: string | null): Position[] {
  if (!text) return [];
  return text.split('|').map((pair) => {
    const [lat, lng] = pair.split(',').map(Number);
    return { lat, lon: lng };
  });
}
