import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Environment } from '../../../config/environment';
import { AdminToken, resolveAdminToken } from './admin-token';
import { BearerTokenGuard } from './bearer-token.guard';

/** Who may call the API. For now one admin token; roles and per-person tokens come with access control. */
@Global()
@Module({
  providers: [
    { provide: AdminToken, inject: [Environment], useFactory: resolveAdminToken },
    { provide: APP_GUARD, useClass: BearerTokenGuard },
  ],
  exports: [AdminToken],
})
export class AccessModule {}
