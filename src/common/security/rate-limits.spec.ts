import { ExecutionContext } from '@nestjs/common';
import { validateEnvironment } from '../../../config/environment';
import { bearerToken, rateLimitOptions, tokenTracker } from './rate-limits';

const contextFor = (request: object) =>
  ({ switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;

describe('rate limits', () => {
  const token = 'tp_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

  it('reads the bearer token as the token guard does', () => {
    expect(bearerToken({ headers: { authorization: `Bearer ${token}` } })).toBe(token);
    expect(bearerToken({ headers: { authorization: `bearer  ${token}` } })).toBe(token);
    expect(bearerToken({ headers: { authorization: `Basic ${token}` } })).toBeUndefined();
    expect(bearerToken({ headers: {} })).toBeUndefined();
  });

  it('tracks a token by its SHA-256, never by the token itself', () => {
    const options = rateLimitOptions(validateEnvironment({}));
    if (Array.isArray(options)) throw new Error('expected module options with named throttlers');
    const perToken = options.throttlers.find((throttler) => throttler.name === 'token')!;
    const request = { headers: { authorization: `Bearer ${token}` }, ip: '192.0.2.1', path: '/regions' };
    const tracker = perToken.getTracker!(request, contextFor(request)) as string;
    expect(tracker).toBe(tokenTracker(token));
    expect(tracker).toMatch(/^[0-9a-f]{64}$/);
    const key = options.generateKey!(contextFor(request), tracker, 'token');
    expect(key).not.toContain(token);
    expect(key).toBe(`token:${tracker}`);
  });

  it('takes its limits from the environment, never limits /health, and counts token-less requests per address only', () => {
    const options = rateLimitOptions(
      validateEnvironment({ TREFPUNT_RATE_LIMIT_PER_TOKEN: '7', TREFPUNT_RATE_LIMIT_PER_ADDRESS: '9' }),
    );
    if (Array.isArray(options)) throw new Error('expected module options with named throttlers');
    const byName = Object.fromEntries(options.throttlers.map((throttler) => [throttler.name, throttler]));
    expect(byName.token).toMatchObject({ limit: 7, ttl: 60_000 });
    expect(byName.address).toMatchObject({ limit: 9, ttl: 60_000 });
    const anonymous = contextFor({ headers: {}, path: '/regions' });
    const health = contextFor({ headers: { authorization: `Bearer ${token}` }, path: '/Health/' });
    expect(byName.token.skipIf!(anonymous)).toBe(true);
    expect(options.skipIf!(anonymous)).toBe(false);
    expect(options.skipIf!(health)).toBe(true);
    expect(byName.token.skipIf!(health)).toBe(true);
  });
});
