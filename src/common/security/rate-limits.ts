import { ExecutionContext } from '@nestjs/common';
import { normalizeIp, ThrottlerModuleOptions, ThrottlerOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Environment } from '../../../config/environment';
import { CountingThrottlerStorage } from './counting-throttler-storage';

/** Paths that are never limited: a load balancer's or monitor's health checks must always get through. */
const UNLIMITED_PATHS = new Set(['/health']);

const MINUTE = 60_000;

type Request = IncomingMessage & { ip?: string; path?: string };

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();

/** The token of `Authorization: Bearer <token>`, parsed as the bearer guard does, or undefined. */
export function bearerToken(request: Pick<IncomingMessage, 'headers'>): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** What a token is counted under: its SHA-256, so that the limiter keeps no usable token for a minute. */
export function tokenTracker(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const isUnlimited = (context: ExecutionContext) => {
  const request = requestOf(context);
  // As the router matches: without case, and with or without a trailing slash.
  const path = (request.path ?? (request.url ?? '').split('?')[0]).toLowerCase().replace(/(.)\/+$/, '$1');
  return UNLIMITED_PATHS.has(path);
};

export const TOKEN_THROTTLER = 'token';
export const ADDRESS_THROTTLER = 'address';

/**
 * Two limits per minute, both over the whole API (not per route): one per bearer token, one per client
 * address. A request counts against both; a request without a token only against its address, so that
 * guessing tokens from one address is limited too (the limiter runs before the token is checked).
 */
export function rateLimitOptions(environment: Environment): ThrottlerModuleOptions {
  const perToken: ThrottlerOptions = {
    name: TOKEN_THROTTLER,
    ttl: MINUTE,
    limit: environment.TREFPUNT_RATE_LIMIT_PER_TOKEN,
    skipIf: (context) => isUnlimited(context) || bearerToken(requestOf(context)) === undefined,
    getTracker: (request) => tokenTracker(bearerToken(request as Request) ?? ''),
  };
  const perAddress: ThrottlerOptions = {
    name: ADDRESS_THROTTLER,
    ttl: MINUTE,
    limit: environment.TREFPUNT_RATE_LIMIT_PER_ADDRESS,
    getTracker: (request) => normalizeIp((request as Request).ip ?? 'unknown'),
  };
  return {
    throttlers: [perAddress, perToken],
    storage: new CountingThrottlerStorage(),
    skipIf: isUnlimited,
    // One counter per tracker for the whole API; the default would count every route apart.
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    // The library's headers carry the limit's name (X-RateLimit-Remaining-token), which no client reads;
    // RateLimitGuard sets the standard Retry-After on a refusal instead.
    setHeaders: false,
  };
}
