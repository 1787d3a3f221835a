import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../../config/environment';
import { RateLimitGuard } from './rate-limit.guard';
import { rateLimitOptions } from './rate-limits';

/**
 * Rate limits for the whole API. Import it in AppModule BEFORE AccessModule: global guards run in the order
 * their modules are registered, and the limiter must run before the bearer token guard, so that requests with
 * a wrong token are limited too.
 */
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [Environment], useFactory: rateLimitOptions })],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class SecurityModule {}
