import { Environment } from '../../../config/environment';

/**
 * Where participants and drivers reach the service, without a trailing slash: the start of every link it hands
 * out (absence links in messages, personal links, calendar feeds).
 */
export function publicUrlOf(environment: Pick<Environment, 'TREFPUNT_PUBLIC_URL' | 'PORT'>): string {
  const configured = environment.TREFPUNT_PUBLIC_URL?.trim();
  if (!configured) return `http://localhost:${environment.PORT}`;
  const url = new URL(configured);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
