import { InvalidEnvironmentError } from '../../../config/environment';

/**
 * Where people reach the service, to build the links it hands out (personal links, calendar feeds):
 * TREFPUNT_PUBLIC_URL of config/environment.ts, e.g. `https://trefpunt.example.nl`, checked further here (no
 * query, fragment or credentials) at start.
 */
export class CalendarConfig {
  constructor(
    /** Scheme, host, port and any path prefix; no trailing slash. */
    readonly publicUrl: string,
  ) {}

  /** The feed's address: the secret rides in the query, which the request log leaves out (it logs the path). */
  feedUrl(secret: string): string {
    return `${this.publicUrl}/calendar/feed.ics?key=${encodeURIComponent(secret)}`;
  }

  /** Her personal link: the participant token in the query, as the self-service pages will read it. */
  personalUrl(token: string): string {
    return `${this.publicUrl}/me?token=${encodeURIComponent(token)}`;
  }
}

/** TREFPUNT_PUBLIC_URL, or `http://localhost:<PORT>`; throws naming the variable when it is not an http(s) URL. */
export function readCalendarConfig(raw: Record<string, unknown>, port: number): CalendarConfig {
  const value = typeof raw.TREFPUNT_PUBLIC_URL === 'string' ? raw.TREFPUNT_PUBLIC_URL.trim() : '';
  if (value === '') return new CalendarConfig(`http://localhost:${port}`);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new InvalidEnvironmentError(
      'Invalid configuration:\n  - TREFPUNT_PUBLIC_URL must be an http(s) URL such as https://trefpunt.example.nl ' +
        '(no query, fragment or credentials)',
    );
  }
  return new CalendarConfig(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
}
