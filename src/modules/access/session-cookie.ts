import { Request, Response } from 'express';

/** The cookie of a signed-in coordinator: an access token's value, sent only by the browser, never to scripts. */
export const SESSION_COOKIE = 'trefpunt_session';

/**
 * Writes with the session cookie must carry this header. A page of another site cannot send it: a form cannot set
 * headers, and a script would need CORS to allow it, which it never does (only Authorization and Content-Type).
 */
export const CSRF_HEADER = 'x-trefpunt-csrf';

/** The session token a browser sent as a cookie, or undefined. */
export function sessionCookieOf(request: Pick<Request, 'headers'>): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Methods that change nothing: a cookie alone may read, but not write. */
export const isSafeMethod = (method: string): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(method);

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's request carries it),
 * Secure when the service is reached over HTTPS (behind its TLS proxy too).
 */
export function setSessionCookie(
  request: Request,
  response: Response,
  value: string,
  maxAgeMs: number,
): void {
  response.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/',
  });
}
