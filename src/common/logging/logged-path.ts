/**
 * Paths whose segments are secrets: the code of a one-tap absence link (`/r/<code>`), with which anyone can cancel
 * a woman's care and ride. Express matches routes without regard to case and with repeated or trailing slashes,
 * so the pattern does too. (Calendar feeds and personal links carry their secret in the query, never logged.)
 */
const SECRET_SEGMENTS: RegExp[] = [/(\/r\/+)[^/]+/gi];

/** The path of a request as the log may show it: no query string, and secret segments replaced. */
export function loggedPath(url: string): string {
  return SECRET_SEGMENTS.reduce(
    (path, secret) => path.replace(secret, '$1[redacted]'),
    url.split('?')[0].split('#')[0],
  );
}
