/**
 * Where people reach the service, to build the links it hands out (personal links, calendar feeds):
 * TREFPUNT_PUBLIC_URL of config/environment.ts (see publicUrlOf).
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
