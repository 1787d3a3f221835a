import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { Response } from 'express';
import { TOKEN_THROTTLER } from './rate-limits';

/**
 * The rate limiter as a global guard (registered before the bearer token guard, so refused tokens count too).
 * Answers 429 with a message that says which limit was reached and when to try again, and a Retry-After header.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    const perMinute = Math.round((detail.limit * 60_000) / detail.ttl);
    const who = detail.key.startsWith(`${TOKEN_THROTTLER}:`) ? 'this token' : 'this address';
    throw new ThrottlerException(
      `Too many requests: at most ${perMinute} a minute from ${who}; try again in ${retryAfter} s`,
    );
  }
}
