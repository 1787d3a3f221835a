import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../../../config/environment';
import { ParticipantsModule } from '../participants/participants.module';
import { RegionsModule } from '../regions/regions.module';
import { TransportModule } from '../transport/transport.module';
import { AccessToken } from './access-token.entity';
import { AdminToken, resolveAdminToken } from './admin-token';
import { BearerAuthentication } from './bearer-authentication';
import { BearerTokenGuard } from './bearer-token.guard';
import { NoStoreInterceptor } from './no-store.interceptor';
import { RecordScopeGuard } from './record-scope.guard';
import { TokensController } from './tokens.controller';
import { TokensService } from './tokens.service';

/**
 * Who may call the API: tokens per role, checked on every request, records out of reach kept out, and what a
 * caller is answered kept out of caches.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AccessToken]), RegionsModule, ParticipantsModule, TransportModule],
  controllers: [TokensController],
  providers: [
    { provide: AdminToken, inject: [Environment], useFactory: resolveAdminToken },
    TokensService,
    BearerAuthentication,
    { provide: APP_GUARD, useClass: BearerTokenGuard },
    { provide: APP_GUARD, useClass: RecordScopeGuard },
    { provide: APP_INTERCEPTOR, useClass: NoStoreInterceptor },
  ],
  exports: [AdminToken, TokensService, BearerAuthentication],
})
export class AccessModule {}
